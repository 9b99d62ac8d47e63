import { compareFindings, parseGithubUrl } from "@edu/domain";
import { enqueueAnalysis } from "@edu/jobs";
import { z } from "zod";
import { found, readableSubmissions } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, router, studentProcedure } from "../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

const githubUrlSchema = z
  .string()
  .max(500)
  .transform((raw, ctx) => {
    const parsed = parseGithubUrl(raw);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.url;
  });

const submissionSelect = {
  id: true,
  studentId: true,
  assignmentId: true,
  githubUrl: true,
  codeQualityScore: true,
  complexityScore: true,
  analysisStatus: true,
  analysisMessage: true,
  submittedAt: true,
} as const;

export const submissionRouter = router({
  /** A student submits a repository for an assignment of a class they are enrolled in; analysis is queued. */
  create: studentProcedure
    .input(z.object({ assignmentId: z.uuid(), githubUrl: githubUrlSchema }))
    .mutation(async ({ ctx, input }) => {
      const studentId = ctx.actor.studentId;
      const submission = await mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "submission.create", resource: "submission" },
        async (tx) => {
          found(
            await tx.assignment.findFirst({
              where: { id: input.assignmentId, class: { enrollments: { some: { studentId } } } },
              select: { id: true },
            }),
            "Assignment",
          );
          const created = await tx.submission.create({
            data: { studentId, assignmentId: input.assignmentId, githubUrl: input.githubUrl },
            select: submissionSelect,
          });
          return {
            result: created,
            resourceId: created.id,
            details: { assignmentId: input.assignmentId, githubUrl: input.githubUrl },
          };
        },
      );
      try {
        await enqueueAnalysis(ctx.deps.queues, submission.id);
      } catch (error) {
        // The submission is kept; it says why it is not being analysed rather than waiting forever.
        ctx.deps.log.warn({ err: error, submissionId: submission.id }, "analysis could not be queued");
        return ctx.deps.db.submission.update({
          where: { id: submission.id },
          data: {
            analysisStatus: "FAILED",
            analysisMessage: "Analysis could not be queued; submit again later",
          },
          select: submissionSelect,
        });
      }
      return submission;
    }),

  list: authedProcedure
    .input(z.object({ assignmentId: z.uuid().optional(), studentId: z.uuid().optional(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      const where = {
        assignmentId: input.assignmentId,
        studentId: input.studentId,
        AND: [readableSubmissions(ctx.actor)],
      };
      await assertCursorInList(input.cursor, (id) =>
        ctx.deps.db.submission.count({ where: { AND: [where, { id }] } }),
      );
      const rows = await ctx.deps.db.submission.findMany({
        where,
        select: submissionSelect,
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  get: authedProcedure.input(z.object({ submissionId: z.uuid() })).query(async ({ ctx, input }) => {
    const submission = found(
      await ctx.deps.db.submission.findFirst({
        where: { AND: [{ id: input.submissionId }, readableSubmissions(ctx.actor)] },
        select: {
          ...submissionSelect,
          assignment: { select: { id: true, title: true, dueDate: true, classId: true } },
          findings: {
            select: {
              filePath: true,
              line: true,
              endLine: true,
              rule: true,
              severity: true,
              message: true,
              metricValue: true,
            },
          },
        },
      }),
      "Submission",
    );
    submission.findings.sort(compareFindings);
    return submission;
  }),
});
