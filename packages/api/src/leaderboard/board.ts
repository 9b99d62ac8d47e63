import type { Db } from "@edu/db";
import type { NamedEntry, RedisLayer } from "@edu/db/redis";
import type { Logger } from "pino";

type BoardDeps = { db: Db; redis: RedisLayer; log: Logger };

/**
 * Every enrolled student's points and name, from PostgreSQL: what the board is built from. Best first, ties by
 * descending id, the order Redis answers in (ZREVRANGE).
 */
export async function loadClassPoints(db: Db, classId: string): Promise<NamedEntry[]> {
  const rows = await db.enrollment.findMany({
    where: { classId },
    select: { student: { select: { id: true, currentPoints: true, user: { select: { name: true } } } } },
  });
  return rows
    .map((r) => ({ studentId: r.student.id, points: r.student.currentPoints, name: r.student.user.name }))
    .sort(
      (a, b) => b.points - a.points || (a.studentId < b.studentId ? 1 : a.studentId > b.studentId ? -1 : 0),
    );
}

/** Builds a missing board from PostgreSQL (5-minute TTL); Redis trouble leaves it unbuilt, and is only logged. */
async function rebuild(deps: BoardDeps, classId: string): Promise<NamedEntry[]> {
  const entries = await loadClassPoints(deps.db, classId);
  await deps.redis.leaderboards.rebuild(classId, entries).catch((error) => {
    deps.log.warn({ err: error, classId }, "leaderboard rebuild in Redis failed");
  });
  return entries;
}

/**
 * The top of a class's board with names: Redis when it holds the board (one round trip for the top N only);
 * else rebuilt from PostgreSQL; and straight from PostgreSQL when Redis is unreachable.
 */
export async function classTop(deps: BoardDeps, classId: string, limit: number): Promise<NamedEntry[]> {
  try {
    const cached = await deps.redis.leaderboards.top(classId, limit);
    if (cached) return cached;
  } catch (error) {
    deps.log.warn({ err: error, classId }, "leaderboard read from Redis failed; answering from PostgreSQL");
    return (await loadClassPoints(deps.db, classId)).slice(0, limit);
  }
  return (await rebuild(deps, classId)).slice(0, limit);
}

/** A student's rank on a class's board (null when not on it), by the same sources as classTop. */
export async function classRank(
  deps: BoardDeps,
  classId: string,
  studentId: string,
): Promise<{ rank: number; points: number; size: number } | null> {
  try {
    const cached = await deps.redis.leaderboards.rank(classId, studentId);
    if (cached !== undefined) return cached;
  } catch (error) {
    deps.log.warn({ err: error, classId }, "leaderboard rank from Redis failed; answering from PostgreSQL");
    return rankIn(await loadClassPoints(deps.db, classId), studentId);
  }
  return rankIn(await rebuild(deps, classId), studentId);
}

function rankIn(board: NamedEntry[], studentId: string) {
  const index = board.findIndex((e) => e.studentId === studentId);
  const entry = board[index];
  return entry ? { rank: index + 1, points: entry.points, size: board.length } : null;
}
