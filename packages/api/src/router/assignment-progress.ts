// Where work stands: a student's own assignments, and a teacher's review queue for one assignment. Each is one
// Prisma read whose nested parts (latest submission, counts) Prisma fetches per level, not per row: no N+1.
import type { Prisma } from "@edu/db";
import { z } from "zod";
import { found, manageableClasses } from "../access/scope";
import { roleProcedure, studentProcedure } from "../trpc";

/** Latest first; ties (same millisecond) by id, so "latest" is always the same row. */
const newestFirst = [{ submittedAt: "desc" }, { id: "desc" }] as const;

const reviewedSubmission = {
  id: true,
  analysisStatus: true,
  codeQualityScore: true,
  complexityScore: true,
  submittedAt: true,
  _count: { select: { feedback: true } },
} as const;

/** A review row's latest submission, its feedback count turned into feedbackSent. */
function latestOf<T extends { _count: { feedback: number } }>(submissions: T[]) {
  const [latest] = submissions;
  if (!latest) return { submission: null, feedbackSent: false };
  const { _count, ...submission } = latest;
  return { submission, feedbackSent: _count.feedback > 0 };
}

/** The calling student's assignments in every class they are enrolled in, with their latest submission. */
export const mine = studentProcedure.query(async ({ ctx }) => {
  const own = { where: { studentId: ctx.actor.studentId } };
  const rows = await ctx.deps.db.assignment.findMany({
    where: { class: { enrollments: { some: own.where } } },
    select: {
      id: true,
      title: true,
      description: true,
      dueDate: true,
      classId: true,
      class: { select: { name: true } },
      submissions: {
        ...own,
        select: { id: true, analysisStatus: true, codeQualityScore: true, submittedAt: true },
        orderBy: [...newestFirst],
        take: 1,
      },
      _count: { select: { submissions: own } },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  return rows.map(({ class: { name }, submissions, _count, ...assignment }) => ({
    ...assignment,
    className: name,
    latestSubmission: submissions[0] ?? null,
    attempts: _count.submissions,
  }));
});

/** One row per student enrolled in the assignment's class, for its teachers and the institution's admins. */
export const reviewQueue = roleProcedure("TEACHER", "ADMIN")
  .input(z.object({ assignmentId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const toThis = { where: { assignmentId: input.assignmentId } };
    const student = {
      id: true,
      user: { select: { name: true } },
      submissions: { ...toThis, select: reviewedSubmission, orderBy: [...newestFirst], take: 1 },
      _count: { select: { submissions: toThis } },
    } satisfies Prisma.StudentSelect;
    const { class: klass, ...assignment } = found(
      await ctx.deps.db.assignment.findFirst({
        where: { id: input.assignmentId, class: manageableClasses(ctx.actor) },
        select: {
          id: true,
          title: true,
          dueDate: true,
          classId: true,
          class: {
            select: {
              name: true,
              enrollments: {
                select: { student: { select: student } },
                orderBy: [{ student: { user: { name: "asc" } } }, { studentId: "asc" }],
              },
            },
          },
        },
      }),
      "Assignment",
    );
    return {
      assignment: { ...assignment, className: klass.name },
      rows: klass.enrollments.map(({ student }) => ({
        studentId: student.id,
        name: student.user.name,
        attempts: student._count.submissions,
        ...latestOf(student.submissions),
      })),
    };
  });
