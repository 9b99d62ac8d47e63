import { progressForPoints } from "@edu/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { assertReadableStudent } from "../access/scope";
import { authedProcedure, router, studentProcedure } from "../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

export const gamificationRouter = router({
  /** Points, level, streak and the way to the next level; cached 10 minutes, dropped when points change. */
  progress: authedProcedure
    .input(z.object({ studentId: z.uuid().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const studentId = input.studentId ?? ctx.actor.studentId;
      if (!studentId)
        throw new TRPCError({ code: "BAD_REQUEST", message: "studentId: required for non-student accounts" });
      await assertReadableStudent(ctx.deps.db, ctx.actor, studentId);
      return ctx.deps.redis.cache.getOrLoad("student-progress", studentId, async () => {
        const s = await ctx.deps.db.student.findUniqueOrThrow({
          where: { id: studentId },
          select: { currentPoints: true, currentStreak: true, lastActiveOn: true },
        });
        return {
          studentId,
          ...progressForPoints(s.currentPoints),
          streak: s.currentStreak,
          lastActiveOn: s.lastActiveOn,
        };
      });
    }),

  events: studentProcedure.input(z.object(pageInput).default({ limit: 20 })).query(async ({ ctx, input }) => {
    const where = { studentId: ctx.actor.studentId };
    await assertCursorInList(input.cursor, (id) =>
      ctx.deps.db.gamificationEvent.count({ where: { ...where, id } }),
    );
    const rows = await ctx.deps.db.gamificationEvent.findMany({
      where,
      select: {
        id: true,
        eventType: true,
        pointsAwarded: true,
        createdAt: true,
        badgeUnlocked: { select: { name: true, rarity: true } },
      },
      orderBy: { id: "desc" },
      ...pageArgs(input),
    });
    return toPage(rows, input.limit);
  }),
});
