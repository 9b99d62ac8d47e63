import type { Prisma } from "@edu/db";
import { OPEN_STATUSES, type RoutingInput, type RoutingPeople, routingInputFor } from "@edu/domain";
import { TRPCError } from "@trpc/server";

export type GrievanceReferences = { classId?: string; submissionId?: string; feedbackId?: string };

/** The class a grievance concerns and the feedback's author, from its references; NOT_FOUND for another student's. */
async function resolveReferences(tx: Prisma.TransactionClient, studentId: string, refs: GrievanceReferences) {
  const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
  let classId: string | null = null;
  let feedbackAuthorId: string | null = null;
  if (refs.feedbackId) {
    const feedback = await tx.feedback.findFirst({
      where: { id: refs.feedbackId, studentId },
      select: { teacherId: true, submission: { select: { assignment: { select: { classId: true } } } } },
    });
    if (!feedback) throw notFound("Feedback");
    feedbackAuthorId = feedback.teacherId;
    classId = feedback.submission.assignment.classId;
  }
  if (refs.submissionId) {
    const submission = await tx.submission.findFirst({
      where: { id: refs.submissionId, studentId },
      select: { assignment: { select: { classId: true } } },
    });
    if (!submission) throw notFound("Submission");
    classId = submission.assignment.classId;
  }
  if (refs.classId) {
    const enrolled = await tx.enrollment.findFirst({ where: { classId: refs.classId, studentId } });
    if (!enrolled) throw notFound("Class");
    classId = refs.classId;
  }
  return { classId, feedbackAuthorId };
}

/**
 * Loads everything routing needs for a filing. Runs inside the filing transaction, so the open counts are
 * those the decision is made on.
 */
export async function loadRoutingInput(
  tx: Prisma.TransactionClient,
  student: { id: string; mentorId: string | null; institutionId: string },
  grievance: Pick<RoutingInput, "category" | "severity">,
  refs: GrievanceReferences,
): Promise<RoutingInput> {
  const { classId, feedbackAuthorId } = await resolveReferences(tx, student.id, refs);
  const [teachers, admins] = await Promise.all([
    classId ? tx.teacherClass.findMany({ where: { classId }, select: { userId: true } }) : [],
    tx.user.findMany({
      where: { institutionId: student.institutionId, role: "ADMIN" },
      select: { id: true },
    }),
  ]);
  const people: RoutingPeople = {
    classTeacherIds: teachers.map((t) => t.userId),
    feedbackAuthorId,
    mentorId: student.mentorId,
    adminIds: admins.map((a) => a.id),
  };
  const ids = [...people.classTeacherIds, ...people.adminIds, feedbackAuthorId, student.mentorId];
  const counts = await tx.grievance.groupBy({
    by: ["assignedToId"],
    where: { assignedToId: { in: ids.filter((id) => id !== null) }, status: { in: OPEN_STATUSES } },
    _count: true,
  });
  const open = new Map(counts.map((c) => [c.assignedToId, c._count]));
  return routingInputFor(grievance, people, (id) => open.get(id) ?? 0);
}
