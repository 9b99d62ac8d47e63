import { TRPCError } from "@trpc/server";
import type { AuthedContext } from "../trpc";

/**
 * Students see a class's boards only while its teachers leave competition on; teachers and admins always see
 * them. The flag is cached per class (dropped when a teacher changes it), so a board read needs no SQL for it.
 */
export async function assertCompetitionOpen(ctx: AuthedContext, classId: string) {
  if (ctx.actor.role !== "STUDENT") return;
  const enabled = await ctx.deps.redis.cache.getOrLoad("class-competition", classId, async () => {
    const klass = await ctx.deps.db.class.findUnique({
      where: { id: classId },
      select: { competitionEnabled: true },
    });
    return klass?.competitionEnabled ?? true;
  });
  if (!enabled)
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Leaderboards are turned off for this class by its teachers",
    });
}
