import type { Db } from "@edu/db";
import type { NamedEntry, RedisLayer } from "@edu/db/redis";
import type { Logger } from "pino";

type BoardDeps = { db: Db; redis: RedisLayer; log: Logger };

/** The name a student shows on boards: their nickname when they chose one. */
export const boardName = (student: { leaderboardNickname: string | null; user: { name: string } }) =>
  student.leaderboardNickname ?? student.user.name;

export const boardStudentSelect = {
  id: true,
  leaderboardNickname: true,
  user: { select: { name: true } },
} as const;

/**
 * Every enrolled student's points and board name, from PostgreSQL: what the board is built from. Students who
 * opted out are not on it. Best first, ties by descending id, the order Redis answers in (ZREVRANGE).
 */
export async function loadClassPoints(db: Db, classId: string): Promise<NamedEntry[]> {
  const rows = await db.enrollment.findMany({
    where: { classId, student: { leaderboardOptOut: false } },
    select: { student: { select: { ...boardStudentSelect, currentPoints: true } } },
  });
  return rows
    .map((r) => ({ studentId: r.student.id, points: r.student.currentPoints, name: boardName(r.student) }))
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

/** The entries around a student (5 above, 5 below by default), by the same sources as classTop. */
export async function classAround(
  deps: BoardDeps,
  classId: string,
  studentId: string,
  span = 5,
): Promise<{ firstRank: number; entries: NamedEntry[] } | null> {
  try {
    const cached = await deps.redis.leaderboards.around(classId, studentId, span, span);
    if (cached !== undefined) return cached;
  } catch (error) {
    deps.log.warn({ err: error, classId }, "leaderboard window from Redis failed; answering from PostgreSQL");
    return windowIn(await loadClassPoints(deps.db, classId), studentId, span);
  }
  return windowIn(await rebuild(deps, classId), studentId, span);
}

function windowIn(board: NamedEntry[], studentId: string, span: number) {
  const index = board.findIndex((e) => e.studentId === studentId);
  if (index < 0) return null;
  const from = Math.max(0, index - span);
  return { firstRank: from + 1, entries: board.slice(from, index + span + 1) };
}

function rankIn(board: NamedEntry[], studentId: string) {
  const index = board.findIndex((e) => e.studentId === studentId);
  const entry = board[index];
  return entry ? { rank: index + 1, points: entry.points, size: board.length } : null;
}
