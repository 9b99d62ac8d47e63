import type { Db } from "@edu/db";
import type { RedisLayer } from "@edu/db/redis";
import type { Actor } from "../context";
import { notFound, readableClasses } from "./scope";

/**
 * NOT_FOUND unless the actor may read the class. A non-admin's readable class ids are cached (10 min) and dropped
 * when they change (enrollment, a new class, a teacher added); the session check reads them in its own round
 * trip (`readableClasses`), so a hot read checks access without SQL or another Redis call. An admin may read
 * every class of the institution, which one indexed query answers.
 */
export async function assertReadableClass(
  ctx: { deps: { db: Db; redis: RedisLayer }; actor: Actor; readableClasses?: string[] },
  classId: string,
) {
  const { deps, actor } = ctx;
  const readable =
    actor.role === "ADMIN"
      ? (await deps.db.class.count({ where: { id: classId, institutionId: actor.institutionId } })) > 0
      : (
          ctx.readableClasses ??
          (await deps.redis.cache.getOrLoad("class-access", actor.userId, async () =>
            (
              await deps.db.class.findMany({ where: readableClasses(actor), select: { id: true } })
            ).map((c) => c.id),
          ))
        ).includes(classId);
  if (!readable) throw notFound("Class");
}

/** After commit: these users' readable classes changed. */
export const dropClassAccess = (redis: RedisLayer, userIds: string[]) =>
  userIds.map((userId) => () => redis.cache.invalidate("class-access", userId));
