import { authedProcedure, router, studentProcedure } from "../trpc";

export const badgeRouter = router({
  list: authedProcedure.query(({ ctx }) =>
    ctx.deps.redis.cache.getOrLoad("badge-catalog", "all", () =>
      ctx.deps.db.badge.findMany({
        select: {
          id: true,
          name: true,
          description: true,
          iconUrl: true,
          rarity: true,
          holderShare: true,
          criteria: true,
        },
        orderBy: [{ rarity: "asc" }, { name: "asc" }],
      }),
    ),
  ),

  mine: studentProcedure.query(({ ctx }) =>
    ctx.deps.db.studentBadge.findMany({
      where: { studentId: ctx.actor.studentId },
      select: {
        unlockedAt: true,
        badge: { select: { id: true, name: true, description: true, rarity: true, iconUrl: true } },
      },
      orderBy: { unlockedAt: "desc" },
    }),
  ),
});
