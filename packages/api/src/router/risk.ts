import { levelsAtOrAbove, RISK_LEVELS } from "@edu/domain";
import { enqueueRisk } from "@edu/jobs";
import { z } from "zod";
import { assertReadableStudent, found, manageableClasses } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, roleProcedure, router } from "../trpc";

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

  /** Students of a class at or above a risk level, worst first (teachers of the class, admins). */
  atRisk: roleProcedure("TEACHER", "ADMIN")
    .input(
      z.object({
        classId: z.uuid(),
        minLevel: z.enum(RISK_LEVELS).default("MEDIUM"),
      }),
    )
    .query(async ({ ctx, input }) => {
      found(
        await ctx.deps.db.class.findFirst({
          where: { AND: [{ id: input.classId }, manageableClasses(ctx.actor)] },
          select: { id: true },
        }),
        "Class",
      );
      return ctx.deps.db.student.findMany({
        where: {
          enrollments: { some: { classId: input.classId } },
          riskLevel: { in: levelsAtOrAbove(input.minLevel) },
        },
        select: { id: true, riskScore: true, riskLevel: true, user: { select: { name: true } } },
        orderBy: [{ riskScore: "desc" }, { id: "asc" }],
      });
    }),

  /** Queues a recompute for the class; repeated calls within a minute make one job. */
  recompute: roleProcedure("TEACHER", "ADMIN")
    .input(z.object({ classId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      found(
        await ctx.deps.db.class.findFirst({
          where: { AND: [{ id: input.classId }, manageableClasses(ctx.actor)] },
          select: { id: true },
        }),
        "Class",
      );
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
