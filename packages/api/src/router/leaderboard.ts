import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { found, readableClasses } from "../access/scope";
import { classRank, classTop } from "../leaderboard/board";
import { authedProcedure, router, studentProcedure } from "../trpc";

export const leaderboardRouter = router({
  top: authedProcedure
    .input(z.object({ classId: z.uuid(), limit: z.number().int().min(1).max(100).default(10) }))
    .query(async ({ ctx, input }) => {
      found(
        await ctx.deps.db.class.findFirst({
          where: { AND: [{ id: input.classId }, readableClasses(ctx.actor)] },
          select: { id: true },
        }),
        "Class",
      );
      const entries = await classTop(ctx.deps, input.classId, input.limit);
      return entries.map((e, i) => ({ rank: i + 1, studentId: e.studentId, name: e.name, points: e.points }));
    }),

  myRank: studentProcedure.input(z.object({ classId: z.uuid() })).query(async ({ ctx, input }) => {
    found(
      await ctx.deps.db.enrollment.findFirst({
        where: { classId: input.classId, studentId: ctx.actor.studentId },
      }),
      "Class",
    );
    const rank = await classRank(ctx.deps, input.classId, ctx.actor.studentId);
    if (!rank) throw new TRPCError({ code: "NOT_FOUND", message: "You are not on this class's board yet" });
    return rank;
  }),
});
