import type { Prisma } from "@edu/db";
import { levelsAtOrAbove, RISK_LEVELS } from "@edu/domain";
import { enqueueRisk } from "@edu/jobs";
import { z } from "zod";
import { assertManageableClass, assertReadableStudent } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

const predictionSelect = {
  riskScore: true,
  riskLevel: true,
  confidence: true,
  submissionFrequency: true,
  codeQualityTrend: true,
  engagementScore: true,
  feedbackResponseTime: true,
  topFactors: true,
  modelVersion: true,
  predictedAt: true,
} as const;

export const riskRouter = router({
  /** The latest prediction for a student: for the student, their teachers, their mentor and admins. */
  forStudent: authedProcedure.input(z.object({ studentId: z.uuid() })).query(async ({ ctx, input }) => {
    await assertReadableStudent(ctx.deps.db, ctx.actor, input.studentId);
    const latest = await ctx.deps.db.riskPrediction.findFirst({
      where: { studentId: input.studentId },
      orderBy: [{ predictedAt: "desc" }, { id: "desc" }],
      select: predictionSelect,
    });
    return { studentId: input.studentId, prediction: latest };
  }),

  /** Students of a class at or above a risk level, worst first, a page at a time (teachers of the class, admins). */
  atRisk: roleProcedure("TEACHER", "ADMIN")
    .input(
      z.object({
        classId: z.uuid(),
        minLevel: z.enum(RISK_LEVELS).default("MEDIUM"),
        ...pageInput,
      }),
    )
    .query(async ({ ctx, input }) => {
      await assertManageableClass(ctx.deps.db, ctx.actor, input.classId);
      const inList: Prisma.StudentWhereInput = {
        enrollments: { some: { classId: input.classId } },
        riskLevel: { in: levelsAtOrAbove(input.minLevel) },
      };
      await assertCursorInList(input.cursor, (id) =>
        ctx.deps.db.student.count({ where: { AND: [inList, { id }] } }),
      );
      const rows = await ctx.deps.db.student.findMany({
        where: inList,
        select: { id: true, riskScore: true, riskLevel: true, user: { select: { name: true } } },
        orderBy: [{ riskScore: "desc" }, { id: "asc" }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  /** Queues a recompute for the class; repeated calls within a minute make one job. */
  recompute: roleProcedure("TEACHER", "ADMIN")
    .input(z.object({ classId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await assertManageableClass(ctx.deps.db, ctx.actor, input.classId);
      const minute = new Date()
        .toISOString()
        .slice(0, 16)
        .replace(/[^0-9]/g, "");
      const job = await enqueueRisk(
        ctx.deps.queues,
        { scope: "class", classId: input.classId },
        `manual-${minute}`,
      );
      const jobId = job.id ?? null;
      return mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "risk.recompute", resource: "class" },
        async () => ({
          result: { jobId },
          resourceId: input.classId,
          details: { jobId },
        }),
      );
    }),
});
