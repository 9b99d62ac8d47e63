import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { assertReadableClass } from "../access/class-access";
import { classRank, classTop } from "../leaderboard/board";
import { authedProcedure, router, studentProcedure } from "../trpc";

export const leaderboardRouter = router({
  top: authedProcedure
    .input(z.object({ classId: z.uuid(), limit: z.number().int().min(1).max(100).default(10) }))
    .query(async ({ ctx, input }) => {
      await assertReadableClass(ctx.deps, ctx.actor, input.classId);
      const entries = await classTop(ctx.deps, input.classId, input.limit);
      return entries.map((e, i) => ({ rank: i + 1, studentId: e.studentId, name: e.name, points: e.points }));
    }),

  myRank: studentProcedure.input(z.object({ classId: z.uuid() })).query(async ({ ctx, input }) => {
    await assertReadableClass(ctx.deps, ctx.actor, input.classId);
    const rank = await classRank(ctx.deps, input.classId, ctx.actor.studentId);
    if (!rank) throw new TRPCError({ code: "NOT_FOUND", message: "You are not on this class's board yet" });
    return rank;
  }),
});
