import type { Db } from "@edu/db";
import type { LeaderboardEntry, RedisLayer } from "@edu/db/redis";
import type { Logger } from "pino";

/** Every enrolled student's points, from PostgreSQL: the source the Redis board is rebuilt from. */
export function loadClassPoints(db: Db, classId: string): Promise<LeaderboardEntry[]> {
  return db.enrollment
    .findMany({ where: { classId }, select: { student: { select: { id: true, currentPoints: true } } } })
    .then((rows) => rows.map((r) => ({ studentId: r.student.id, points: r.student.currentPoints })));
}

/** Best first, ties by id — the order PostgreSQL answers in when Redis is away. */
const byPoints = (a: LeaderboardEntry, b: LeaderboardEntry) =>
  b.points - a.points || a.studentId.localeCompare(b.studentId);

/**
 * The whole board of a class: Redis when it holds it; else rebuilt from PostgreSQL (5-minute TTL); and
 * straight from PostgreSQL when Redis is unreachable.
 */
export async function classBoard(
  deps: { db: Db; redis: RedisLayer; log: Logger },
  classId: string,
): Promise<LeaderboardEntry[]> {
  try {
    const cached = await deps.redis.leaderboards.top(classId, 10_000);
    if (cached) return cached;
  } catch (error) {
    deps.log.warn({ err: error, classId }, "leaderboard read from Redis failed; answering from PostgreSQL");
    return (await loadClassPoints(deps.db, classId)).sort(byPoints);
  }
  const entries = (await loadClassPoints(deps.db, classId)).sort(byPoints);
  try {
    await deps.redis.leaderboards.rebuild(classId, entries);
  } catch (error) {
    deps.log.warn({ err: error, classId }, "leaderboard rebuild in Redis failed");
  }
  return entries;
}
