import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { found, readableClasses } from "../access/scope";
import { classBoard } from "../leaderboard/board";
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
      const entries = (await classBoard(ctx.deps, input.classId)).slice(0, input.limit);
      const names = await ctx.deps.db.student.findMany({
        where: { id: { in: entries.map((e) => e.studentId) } },
        select: { id: true, user: { select: { name: true } } },
      });
      const nameOf = new Map(names.map((n) => [n.id, n.user.name]));
      return entries.map((e, i) => ({
        rank: i + 1,
        studentId: e.studentId,
        name: nameOf.get(e.studentId) ?? "",
        points: e.points,
      }));
    }),

  myRank: studentProcedure.input(z.object({ classId: z.uuid() })).query(async ({ ctx, input }) => {
    found(
      await ctx.deps.db.enrollment.findFirst({
        where: { classId: input.classId, studentId: ctx.actor.studentId },
      }),
      "Class",
    );
    const board = await classBoard(ctx.deps, input.classId);
    const index = board.findIndex((e) => e.studentId === ctx.actor.studentId);
    if (index < 0)
      throw new TRPCError({ code: "NOT_FOUND", message: "You are not on this class's board yet" });
    return { rank: index + 1, points: board[index]?.points ?? 0, size: board.length };
  }),
});
