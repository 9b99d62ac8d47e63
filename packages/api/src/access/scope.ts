// Who may read what. Every rule is a Prisma `where` fragment, so lists and single reads apply the same rule
// inside the query itself: a record outside the caller's reach is simply not found, which leaks nothing.
// Combine a rule with other conditions through AND (`{ AND: [{ id }, readableStudents(actor)] }`), never by
// spreading it into an object: a rule's own `id` would silently replace the one asked for.
import type { Db, Prisma } from "@edu/db";
import { TRPCError } from "@trpc/server";
import type { Actor } from "../context";

// An id no row has: a scope that must match nothing.
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** Students the actor may read: themselves; a teacher's classes' students; a mentor's mentees; an admin's institution. */
export function readableStudents(actor: Actor): Prisma.StudentWhereInput {
  const sameInstitution: Prisma.StudentWhereInput = { user: { institutionId: actor.institutionId } };
  switch (actor.role) {
    case "STUDENT":
      return { id: actor.studentId ?? NOBODY };
    case "TEACHER":
      return {
        ...sameInstitution,
        enrollments: { some: { class: { teachers: { some: { userId: actor.userId } } } } },
      };
    case "MENTOR":
      return { ...sameInstitution, mentorId: actor.userId };
    case "ADMIN":
      return sameInstitution;
  }
}

/**
 * Submissions the actor may read: a teacher only those made to the classes they teach, so enrolling a student
 * in one's own class never opens the student's work for other classes; everyone else as readableStudents.
 */
export function readableSubmissions(actor: Actor): Prisma.SubmissionWhereInput {
  if (actor.role !== "TEACHER") return { student: readableStudents(actor) };
  return {
    student: { user: { institutionId: actor.institutionId } },
    assignment: { class: { teachers: { some: { userId: actor.userId } } } },
  };
}

/** Feedback the actor may read: like submissions, a teacher only their classes'. */
export function readableFeedback(actor: Actor): Prisma.FeedbackWhereInput {
  return { submission: readableSubmissions(actor) };
}

/** Classes the actor may see: enrolled in, teaching, their mentees' classes, or (admin) the institution's. */
export function readableClasses(actor: Actor): Prisma.ClassWhereInput {
  const sameInstitution: Prisma.ClassWhereInput = { institutionId: actor.institutionId };
  switch (actor.role) {
    case "STUDENT":
      return { ...sameInstitution, enrollments: { some: { studentId: actor.studentId ?? NOBODY } } };
    case "TEACHER":
      return { ...sameInstitution, teachers: { some: { userId: actor.userId } } };
    case "MENTOR":
      return { ...sameInstitution, enrollments: { some: { student: { mentorId: actor.userId } } } };
    case "ADMIN":
      return sameInstitution;
  }
}

/** Classes the actor may change (assignments, enrollment, at-risk lists): taught by them, or any of an admin's institution. */
export function manageableClasses(actor: Actor, { allowAdmin = true } = {}): Prisma.ClassWhereInput {
  if (actor.role === "ADMIN" && allowAdmin) return { institutionId: actor.institutionId };
  if (actor.role === "TEACHER")
    return { institutionId: actor.institutionId, teachers: { some: { userId: actor.userId } } };
  return { id: NOBODY };
}

export const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });

/** Throws NOT_FOUND unless the row exists; use with a findFirst that carries a scope rule. */
export function found<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw notFound(what);
  return row;
}

/** NOT_FOUND unless the actor may manage the class (its teacher, or an admin of its institution). */
export async function assertManageableClass(
  db: Pick<Prisma.TransactionClient, "class">,
  actor: Actor,
  classId: string,
): Promise<void> {
  found(
    await db.class.findFirst({
      where: { AND: [{ id: classId }, manageableClasses(actor)] },
      select: { id: true },
    }),
    "Class",
  );
}

/** Grievances the actor may read: their own (student), assigned to them, or any of an admin's institution. */
export function readableGrievances(actor: Actor): Prisma.GrievanceWhereInput {
  if (actor.role === "ADMIN") return { student: { user: { institutionId: actor.institutionId } } };
  return {
    student: { user: { institutionId: actor.institutionId } },
    OR: [{ assignedToId: actor.userId }, ...(actor.studentId ? [{ studentId: actor.studentId }] : [])],
  };
}

/** Grievances the actor may act on: assigned to them, or any of an admin's institution. */
export function manageableGrievances(actor: Actor): Prisma.GrievanceWhereInput {
  if (actor.role === "ADMIN") return { student: { user: { institutionId: actor.institutionId } } };
  return { assignedToId: actor.userId, student: { user: { institutionId: actor.institutionId } } };
}

/** NOT_FOUND unless the actor may read the student; a student reading their own records needs no query. */
export async function assertReadableStudent(db: Db, actor: Actor, studentId: string) {
  if (actor.studentId === studentId) return;
  found(
    await db.student.findFirst({
      where: { AND: [{ id: studentId }, readableStudents(actor)] },
      select: { id: true },
    }),
    "Student",
  );
}
