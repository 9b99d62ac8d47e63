import { type AnalysisSummary, compareFindings, parseGithubUrl } from "@edu/domain";
import { enqueueAnalysis, requeueAnalysis } from "@edu/jobs";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { found, readableFeedback, readableSubmissions } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, router, studentProcedure } from "../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";
import { publishAnalysis, queueAnalysis, submissionSelect } from "./submission-analysis";
import { insertSubmission } from "./submission-insert";

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

export const submissionRouter = router({
  /** A student submits a repository for an assignment of a class they are enrolled in; analysis is queued. */
  create: studentProcedure
    .input(z.object({ assignmentId: z.uuid(), githubUrl: githubUrlSchema }))
    .mutation(async ({ ctx, input }) => {
      const studentId = ctx.actor.studentId;
      await ctx.deps.consumeSubmission(studentId);
      const submission = await mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "submission.create", resource: "submission" },
        async (tx) => {
          // Only into an assignment of a class the student is enrolled in; any other is not found.
          const created = found(
            await insertSubmission(tx, {
              studentId,
              assignmentId: input.assignmentId,
              githubUrl: input.githubUrl,
            }),
            "Assignment",
          );
          return {
            result: created,
            resourceId: created.id,
            details: { assignmentId: input.assignmentId, githubUrl: input.githubUrl },
          };
        },
      );
      return queueAnalysis(ctx.deps, submission, enqueueAnalysis);
    }),

  /** The owner queues a failed analysis once more; it is PENDING again until the worker is done. */
  retry: studentProcedure.input(z.object({ submissionId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const id = input.submissionId;
    const submission = await mutateWithAudit(
      ctx.deps,
      ctx.actor,
      { action: "submission.retry", resource: "submission" },
      async (tx) => {
        // Only from FAILED, in one conditional write: of two retries at once, one queues the work.
        const { count } = await tx.submission.updateMany({
          where: { id, studentId: ctx.actor.studentId, analysisStatus: "FAILED" },
          data: { analysisStatus: "PENDING", analysisMessage: null },
        });
        if (count === 0) {
          found(
            await tx.submission.findFirst({
              where: { id, studentId: ctx.actor.studentId },
              select: { id: true },
            }),
            "Submission",
          );
          throw new TRPCError({ code: "BAD_REQUEST", message: "Only a failed analysis can be retried" });
        }
        return {
          result: await tx.submission.findUniqueOrThrow({ where: { id }, select: submissionSelect }),
          resourceId: id,
          after: [publishAnalysis(ctx.deps, id, { status: "PENDING" })],
        };
      },
    );
    return queueAnalysis(ctx.deps, submission, requeueAnalysis);
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
    const { student, ...submission } = found(
      await ctx.deps.db.submission.findFirst({
        where: { AND: [{ id: input.submissionId }, readableSubmissions(ctx.actor)] },
        select: {
          ...submissionSelect,
          analysisSummary: true,
          student: { select: { id: true, user: { select: { name: true } } } },
          assignment: { select: { id: true, title: true, dueDate: true, classId: true } },
          feedback: {
            where: readableFeedback(ctx.actor),
            select: {
              id: true,
              content: true,
              rating: true,
              aiSuggested: true,
              createdAt: true,
              teacher: { select: { name: true } },
            },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          },
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
    return {
      ...submission,
      // The worker writes it in the one shape @edu/domain defines (null until the analysis is done).
      analysisSummary: submission.analysisSummary as AnalysisSummary | null,
      student: { id: student.id, name: student.user.name },
    };
  }),
});
