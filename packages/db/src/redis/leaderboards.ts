import type { Redis } from "ioredis";
import { type KeyBuilder, TTL_SECONDS } from "./keys";

export type LeaderboardEntry = { studentId: string; points: number };
export type NamedEntry = LeaderboardEntry & { name: string };

// Boards answer best first, ties by descending student id (ZREVRANGE's order), and so does PostgreSQL when
// Redis is away (packages/api/src/leaderboard/board.ts).
//
// Writes a student's points only where they are already a member of a board that exists: a partial board
// would pass for a whole one until it expired, and a student who opted out is not on it. A missing board is
// rebuilt whole from PostgreSQL on the next read.
const SET_IF_MEMBER = `
if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0`;

// Entries from..to (0-based, best first) with their names, in one round trip; false when the board is not built.
// With ARGV[3] (a student id) the window is centred on that student: ARGV[1] places above, ARGV[2] below, and
// the answer starts with the window's first rank, or -1 when the student is not on the board.
const RANGE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local from, to = tonumber(ARGV[1]), tonumber(ARGV[2])
if ARGV[3] then
  local rank = redis.call('ZREVRANK', KEYS[1], ARGV[3])
  if not rank then return { -1, {}, {} } end
  from, to = math.max(0, rank - from), rank + to
end
local flat = redis.call('ZREVRANGE', KEYS[1], from, to, 'WITHSCORES')
local ids = {}
for i = 1, #flat, 2 do ids[#ids + 1] = flat[i] end
local names = #ids > 0 and redis.call('HMGET', KEYS[2], unpack(ids)) or {}
return { from, flat, names }`;

type RangeCommand = (...args: (string | number)[]) => Promise<[number, string[], (string | null)[]] | null>;

/** `leaderboard:{classId}`: a sorted set, score = points, member = studentId, rebuilt on a miss (TTL 5 min). */
export class Leaderboards {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {
    // Sent once, then called by its SHA (EVALSHA).
    redis.defineCommand("leaderboardRange", { numberOfKeys: 2, lua: RANGE });
  }

  private async range(classId: string, args: (string | number)[]) {
    const command = (this.redis as Redis & { leaderboardRange: RangeCommand }).leaderboardRange;
    const result = await command.call(
      this.redis,
      this.keys.leaderboard(classId),
      this.keys.leaderboardNames(classId),
      ...args,
    );
    if (!result) return undefined;
    const [from, flat, names] = result;
    const entries: NamedEntry[] = [];
    for (let i = 0; i < flat.length; i += 2)
      entries.push({ studentId: flat[i] ?? "", points: Number(flat[i + 1]), name: names[i / 2] ?? "" });
    return { from, entries };
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

  /**
   * Sets a board member's points (absolute, so a repeated call changes nothing). Returns false when the board is
   * not built or the student is not on it.
   */
  async setPointsIfPresent(classId: string, studentId: string, points: number): Promise<boolean> {
    const changed = await this.redis.eval(
      SET_IF_MEMBER,
      1,
      this.keys.leaderboard(classId),
      points,
      studentId,
    );
    return changed === 1;
  }

  /** The top entries with names, best first; undefined when the board is not built (a miss). */
  async top(classId: string, limit: number): Promise<NamedEntry[] | undefined> {
    return (await this.range(classId, [0, limit - 1]))?.entries;
  }

  /**
   * The entries around a student (`above` places better, `below` worse) with the first one's 1-based rank;
   * undefined when the board is not built, null when the student is not on it.
   */
  async around(
    classId: string,
    studentId: string,
    above: number,
    below: number,
  ): Promise<{ firstRank: number; entries: NamedEntry[] } | null | undefined> {
    const window = await this.range(classId, [above, below, studentId]);
    if (!window) return undefined;
    return window.from < 0 ? null : { firstRank: window.from + 1, entries: window.entries };
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
