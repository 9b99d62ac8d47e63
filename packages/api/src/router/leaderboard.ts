import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { assertReadableClass } from "../access/class-access";
import { classAround, classRank, classTop } from "../leaderboard/board";
import { assertCompetitionOpen } from "../leaderboard/competition";
import { loadMostImproved, MOST_IMPROVED_MAX } from "../leaderboard/most-improved";
import { authedProcedure, router, studentProcedure } from "../trpc";

const classInput = z.object({ classId: z.uuid() });

export const leaderboardRouter = router({
  top: authedProcedure
    .input(z.object({ classId: z.uuid(), limit: z.number().int().min(1).max(100).default(10) }))
    .query(async ({ ctx, input }) => {
      await assertReadableClass(ctx, input.classId);
      await assertCompetitionOpen(ctx, input.classId);
      const entries = await classTop(ctx.deps, input.classId, input.limit);
      return entries.map((e, i) => ({ rank: i + 1, studentId: e.studentId, name: e.name, points: e.points }));
    }),

  myRank: studentProcedure.input(classInput).query(async ({ ctx, input }) => {
    await assertReadableClass(ctx, input.classId);
    // The competition flag and the rank in one round trip (auto-pipelined); nothing is answered if the flag refuses.
    const [rank] = await Promise.all([
      classRank(ctx.deps, input.classId, ctx.actor.studentId),
      assertCompetitionOpen(ctx, input.classId),
    ]);
    if (!rank) throw new TRPCError({ code: "NOT_FOUND", message: "You are not on this class's board" });
    return rank;
  }),

  /** The student's place with five above and five below; says so when they chose to stay off boards. */
  around: studentProcedure.input(classInput).query(async ({ ctx, input }) => {
    await assertReadableClass(ctx, input.classId);
    await assertCompetitionOpen(ctx, input.classId);
    const window = await classAround(ctx.deps, input.classId, ctx.actor.studentId);
    if (!window) {
      const me = await ctx.deps.db.student.findUniqueOrThrow({
        where: { id: ctx.actor.studentId },
        select: { leaderboardOptOut: true },
      });
      return { status: me.leaderboardOptOut ? ("opted-out" as const) : ("unranked" as const), entries: [] };
    }
    return {
      status: "ranked" as const,
      entries: window.entries.map((e, i) => ({
        rank: window.firstRank + i,
        studentId: e.studentId,
        name: e.name,
        points: e.points,
        you: e.studentId === ctx.actor.studentId,
      })),
    };
  }),

  /** Who gained the most points in the last seven days (cached five minutes). */
  mostImproved: authedProcedure
    .input(z.object({ classId: z.uuid(), limit: z.number().int().min(1).max(MOST_IMPROVED_MAX).default(5) }))
    .query(async ({ ctx, input }) => {
      await assertReadableClass(ctx, input.classId);
      await assertCompetitionOpen(ctx, input.classId);
      const board = await ctx.deps.redis.cache.getOrLoad("most-improved", input.classId, () =>
        loadMostImproved(ctx.deps.db, input.classId),
      );
      return board.slice(0, input.limit);
    }),
});
