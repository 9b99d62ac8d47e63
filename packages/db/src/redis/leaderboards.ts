import type { Redis } from "ioredis";
import { type KeyBuilder, TTL_SECONDS } from "./keys";

export type LeaderboardEntry = { studentId: string; points: number };

// Writes a student's points only into a board that exists: a partial board would pass for a whole one
// until it expired. A missing board is rebuilt whole from PostgreSQL on the next read.
const SET_IF_PRESENT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0`;

/** `leaderboard:{classId}`: a sorted set, score = points, member = studentId, rebuilt on a miss (TTL 5 min). */
export class Leaderboards {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  async rebuild(classId: string, entries: LeaderboardEntry[]): Promise<void> {
    const key = this.keys.leaderboard(classId);
    const tx = this.redis.multi().del(key);
    if (entries.length > 0) tx.zadd(key, ...entries.flatMap((e) => [e.points, e.studentId]));
    await tx.expire(key, TTL_SECONDS.leaderboard).exec();
  }

  /** Drops a board whose membership changed (enrollment): the next read rebuilds it whole. */
  async invalidate(classId: string): Promise<void> {
    await this.redis.del(this.keys.leaderboard(classId));
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

  /** The top entries, best first; undefined when the board is not built (a miss). */
  async top(classId: string, limit: number): Promise<LeaderboardEntry[] | undefined> {
    const key = this.keys.leaderboard(classId);
    const [[, exists], [, flat]] = (await this.redis
      .multi()
      .exists(key)
      .zrevrange(key, 0, limit - 1, "WITHSCORES")
      .exec()) as [[null, number], [null, string[]]];
    if (exists === 0) return undefined;
    const entries: LeaderboardEntry[] = [];
    for (let i = 0; i < flat.length; i += 2)
      entries.push({ studentId: flat[i] ?? "", points: Number(flat[i + 1]) });
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
