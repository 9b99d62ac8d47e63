import type { Redis } from "ioredis";
import { type KeyBuilder, TTL_SECONDS } from "./keys";

export type LeaderboardEntry = { studentId: string; points: number };
export type NamedEntry = LeaderboardEntry & { name: string };

// Boards answer best first, ties by descending student id (ZREVRANGE's order), and so does PostgreSQL when
// Redis is away (packages/api/src/leaderboard/board.ts).
//
// Writes a student's points only into a board that exists: a partial board would pass for a whole one
// until it expired. A missing board is rebuilt whole from PostgreSQL on the next read.
const SET_IF_PRESENT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0`;

// The top of a board with its members' names, in one round trip; false when the board is not built.
const TOP = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local flat = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local ids = {}
for i = 1, #flat, 2 do ids[#ids + 1] = flat[i] end
local names = #ids > 0 and redis.call('HMGET', KEYS[2], unpack(ids)) or {}
return { flat, names }`;

/** `leaderboard:{classId}`: a sorted set, score = points, member = studentId, rebuilt on a miss (TTL 5 min). */
export class Leaderboards {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {
    // Sent once, then called by its SHA (EVALSHA).
    redis.defineCommand("leaderboardTop", { numberOfKeys: 2, lua: TOP });
  }

  async rebuild(classId: string, entries: NamedEntry[]): Promise<void> {
    const key = this.keys.leaderboard(classId);
    const names = this.keys.leaderboardNames(classId);
    const tx = this.redis.multi().del(key, names);
    if (entries.length > 0) {
      tx.zadd(key, ...entries.flatMap((e) => [e.points, e.studentId]));
      tx.hset(names, Object.fromEntries(entries.map((e) => [e.studentId, e.name])));
    }
    await tx.expire(key, TTL_SECONDS.leaderboard).expire(names, TTL_SECONDS.leaderboard).exec();
  }

  /** Drops a board whose membership or names changed: the next read rebuilds it whole. */
  async invalidate(classId: string): Promise<void> {
    await this.redis.del(this.keys.leaderboard(classId), this.keys.leaderboardNames(classId));
  }

  /** Sets a student's points (absolute, so a repeated call changes nothing). Returns false when the board is not built. */
  async setPointsIfPresent(classId: string, studentId: string, points: number): Promise<boolean> {
    const changed = await this.redis.eval(
      SET_IF_PRESENT,
      1,
      this.keys.leaderboard(classId),
      points,
      studentId,
    );
    return changed === 1;
  }

  /** The top entries with names, best first; undefined when the board is not built (a miss). */
  async top(classId: string, limit: number): Promise<NamedEntry[] | undefined> {
    const leaderboardTop = (
      this.redis as Redis & { leaderboardTop(...args: (string | number)[]): Promise<unknown> }
    ).leaderboardTop;
    const result = (await leaderboardTop.call(
      this.redis,
      this.keys.leaderboard(classId),
      this.keys.leaderboardNames(classId),
      limit,
    )) as [string[], (string | null)[]] | null;
    if (!result) return undefined;
    const [flat, names] = result;
    const entries: NamedEntry[] = [];
    for (let i = 0; i < flat.length; i += 2)
      entries.push({ studentId: flat[i] ?? "", points: Number(flat[i + 1]), name: names[i / 2] ?? "" });
    return entries;
  }

  /** 1-based rank and points; undefined when the board is not built, null when the student is not on it. */
  async rank(
    classId: string,
    studentId: string,
  ): Promise<{ rank: number; points: number; size: number } | null | undefined> {
    const key = this.keys.leaderboard(classId);
    const [[, exists], [, rank], [, score], [, size]] = (await this.redis
      .multi()
      .exists(key)
      .zrevrank(key, studentId)
      .zscore(key, studentId)
      .zcard(key)
      .exec()) as [[null, number], [null, number | null], [null, string | null], [null, number]];
    if (exists === 0) return undefined;
    if (rank === null || score === null) return null;
    return { rank: rank + 1, points: Number(score), size };
  }
}
