import { draftFeedbackForSubmission } from "@edu/ai";
import { enqueueRisk } from "@edu/jobs";
import { z } from "zod";
import { assertReadableStudent, found, manageableClasses, readableFeedback } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { text } from "../validation/text";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

const feedbackSelect = {
  id: true,
  submissionId: true,
  studentId: true,
  teacherId: true,
  aiSuggested: true,
  content: true,
  rating: true,
  createdAt: true,
  teacher: { select: { name: true } },
  submission: { select: { assignment: { select: { id: true, title: true } } } },
} as const;

/** Only a teacher of the submission's class may draft or write its feedback (admins do not grade). */
const teachableSubmission = (actor: Parameters<typeof manageableClasses>[0], submissionId: string) => ({
  id: submissionId,
  assignment: { class: manageableClasses(actor, { allowAdmin: false }) },
});

export const feedbackRouter = router({
  /** An AI-drafted text for the teacher to edit; cached 30 minutes per submission. */
  suggest: roleProcedure("TEACHER")
    .input(z.object({ submissionId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      found(
        await ctx.deps.db.submission.findFirst({
          where: teachableSubmission(ctx.actor, input.submissionId),
          select: { id: true },
        }),
        "Submission",
      );
      return ctx.deps.redis.cache.getOrLoad("feedback-suggestion", input.submissionId, () =>
        draftFeedbackForSubmission(ctx.deps.db, ctx.deps.ai, input.submissionId),
      );
    }),

  create: roleProcedure("TEACHER")
    .input(
      z.object({
        submissionId: z.uuid(),
        content: text(10_000, { trim: true }),
        rating: z.number().int().min(1).max(5).optional(),
        aiSuggested: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) =>
      mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "feedback.create", resource: "feedback" },
        async (tx) => {
          const submission = found(
            await tx.submission.findFirst({
              where: teachableSubmission(ctx.actor, input.submissionId),
              select: { studentId: true },
            }),
            "Submission",
          );
          const created = await tx.feedback.create({
            data: { ...input, teacherId: ctx.actor.userId, studentId: submission.studentId },
            select: feedbackSelect,
          });
          const { studentId } = created;
          return {
            result: created,
            resourceId: created.id,
            details: { submissionId: input.submissionId, studentId, aiSuggested: input.aiSuggested },
            after: [
              () => ctx.deps.redis.cache.invalidate("feedback-list", studentId),
              () =>
                ctx.deps.redis.updates.publish("feedback", studentId, {
                  type: "feedback.created",
                  data: { feedbackId: created.id },
                }),
              () => enqueueRisk(ctx.deps.queues, { scope: "student", studentId }, `feedback-${created.id}`),
            ],
          };
        },
      ),
    ),

  /**
   * A student's feedback, newest first; a teacher sees only their classes'. The first page is cached and dropped
   * whenever feedback is written.
   */
  listForStudent: authedProcedure
    .input(z.object({ studentId: z.uuid(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      await assertReadableStudent(ctx.deps.db, ctx.actor, input.studentId);
      const inList = { AND: [{ studentId: input.studentId }, readableFeedback(ctx.actor)] };
      await assertCursorInList(input.cursor, (id) =>
        ctx.deps.db.feedback.count({ where: { AND: [inList, { id }] } }),
      );
      const load = async () =>
        toPage(
          await ctx.deps.db.feedback.findMany({
            where: inList,
            select: feedbackSelect,
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            ...pageArgs(input),
          }),
          input.limit,
        );
      // The cached page holds all of the student's feedback: only for callers who may read all of it.
      const seesAll = ctx.actor.role !== "TEACHER";
      const firstDefaultPage = !input.cursor && input.limit === pageInput.limit.parse(undefined);
      return seesAll && firstDefaultPage
        ? ctx.deps.redis.cache.getOrLoad("feedback-list", input.studentId, load)
        : load();
    }),
});
