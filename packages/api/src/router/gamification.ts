import { MAX_FREEZES, progressForPoints, streakAsOf } from "@edu/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { assertReadableStudent } from "../access/scope";
import { authedProcedure, router, studentProcedure } from "../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

/** What the progress cache holds: the stored totals; the streak is read from them at request time. */
type StoredProgress = {
  currentPoints: number;
  currentStreak: number;
  lastActiveOn: Date | null;
  streakFreezes: number;
  timeZone: string;
};

export const gamificationRouter = router({
  /**
   * Points, level, streak and the way to the next level. The stored totals are cached 10 minutes (dropped when
   * points change); the streak and freezes are read from them as of now in the student's time zone, so a
   * student who stopped sees streak 0 once a day passed with neither activity nor freeze.
   */
  progress: authedProcedure
    .input(z.object({ studentId: z.uuid().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const studentId = input.studentId ?? ctx.actor.studentId;
      if (!studentId)
        throw new TRPCError({ code: "BAD_REQUEST", message: "studentId: required for non-student accounts" });
      await assertReadableStudent(ctx.deps.db, ctx.actor, studentId);
      const load = async (): Promise<StoredProgress> => {
        const row = await ctx.deps.db.student.findUniqueOrThrow({
          where: { id: studentId },
          select: {
            currentPoints: true,
            currentStreak: true,
            lastActiveOn: true,
            streakFreezes: true,
            user: { select: { timeZone: true } },
          },
        });
        return {
          currentPoints: row.currentPoints,
          currentStreak: row.currentStreak,
          lastActiveOn: row.lastActiveOn,
          streakFreezes: row.streakFreezes,
          timeZone: row.user.timeZone,
        };
      };
      const s = await ctx.deps.redis.cache.getOrLoad("student-progress", studentId, load);
      const now = streakAsOf(
        { streak: s.currentStreak, lastActiveOn: s.lastActiveOn, freezes: s.streakFreezes },
        new Date(),
        s.timeZone,
      );
      return {
        studentId,
        ...progressForPoints(s.currentPoints),
        streak: now.streak,
        streakFreezes: now.freezes,
        maxStreakFreezes: MAX_FREEZES,
        lastActiveOn: s.lastActiveOn,
      };
    }),

  /** The student's events, newest first (by time, then id), paged by an event id. */
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
        assignmentId: true,
        createdAt: true,
        badgeUnlocked: { select: { name: true, rarity: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(input),
    });
    return toPage(rows, input.limit);
  }),
});
