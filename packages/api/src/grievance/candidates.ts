import type { Prisma } from "@edu/db";
import { TRPCError } from "@trpc/server";
import type { Candidate, RoutingInput } from "./routing";
import { OPEN_STATUSES } from "./status";

export type GrievanceReferences = { classId?: string; submissionId?: string; feedbackId?: string };

async function withOpenCounts(tx: Prisma.TransactionClient, ids: string[]): Promise<Candidate[]> {
  if (ids.length === 0) return [];
  const counts = await tx.grievance.groupBy({
    by: ["assignedToId"],
    where: { assignedToId: { in: ids }, status: { in: OPEN_STATUSES } },
    _count: true,
  });
  const byId = new Map(counts.map((c) => [c.assignedToId, c._count]));
  return [...new Set(ids)].map((id) => ({ id, openGrievances: byId.get(id) ?? 0 }));
}

/**
 * Checks that the references belong to the filing student (else NOT_FOUND) and loads everything routing
 * needs. Runs inside the filing transaction, so the open counts are those the decision is made on.
 */
export async function loadRoutingCandidates(
  tx: Prisma.TransactionClient,
  student: { id: string; mentorId: string | null; institutionId: string },
  refs: GrievanceReferences,
): Promise<Omit<RoutingInput, "category" | "severity">> {
  const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
  let classId: string | null = null;
  let feedbackAuthorId: string | null = null;
  if (refs.feedbackId) {
    const feedback = await tx.feedback.findFirst({
      where: { id: refs.feedbackId, studentId: student.id },
      select: { teacherId: true, submission: { select: { assignment: { select: { classId: true } } } } },
    });
    if (!feedback) throw notFound("Feedback");
    feedbackAuthorId = feedback.teacherId;
    classId = feedback.submission.assignment.classId;
  }
  if (refs.submissionId) {
    const submission = await tx.submission.findFirst({
      where: { id: refs.submissionId, studentId: student.id },
      select: { assignment: { select: { classId: true } } },
    });
    if (!submission) throw notFound("Submission");
    classId = submission.assignment.classId;
  }
  if (refs.classId) {
    const enrolled = await tx.enrollment.findFirst({
      where: { classId: refs.classId, studentId: student.id },
    });
    if (!enrolled) throw notFound("Class");
    classId = refs.classId;
  }
  const teacherIds = classId
    ? (await tx.teacherClass.findMany({ where: { classId }, select: { userId: true } })).map((t) => t.userId)
    : [];
  const adminIds = (
    await tx.user.findMany({
      where: { institutionId: student.institutionId, role: "ADMIN" },
      select: { id: true },
    })
  ).map((u) => u.id);
  const all = await withOpenCounts(tx, [
    ...teacherIds,
    ...adminIds,
    ...(feedbackAuthorId ? [feedbackAuthorId] : []),
    ...(student.mentorId ? [student.mentorId] : []),
  ]);
  const pick = (ids: string[]) => all.filter((c) => ids.includes(c.id));
  return {
    classTeachers: pick(teacherIds),
    feedbackAuthor: feedbackAuthorId ? (pick([feedbackAuthorId])[0] ?? null) : null,
    mentor: student.mentorId ? (pick([student.mentorId])[0] ?? null) : null,
    admins: pick(adminIds),
    concernedTeacherIds: [...teacherIds, ...(feedbackAuthorId ? [feedbackAuthorId] : [])],
  };
}
