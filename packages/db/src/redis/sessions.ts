import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { decodeCached } from "./cache";
import { type KeyBuilder, TTL_SECONDS } from "./keys";

/** Who a session acts for, stored with it so an authenticated call needs no database read to know. */
export type SessionActor = {
  role: string;
  institutionId: string;
  studentId: string | null;
  /**
   * What `auth.me` answers about the user (plain JSON), stored with the session so `me` needs no database read;
   * rewritten in every session of the user when the profile changes. Absent in sessions opened before it was.
   */
  profile?: Record<string, unknown>;
};

export type SessionInfo = SessionActor & {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent?: string;
  ip?: string;
};

/** A live session with what the touch read beside it. */
export type TouchedSession = SessionInfo & {
  /** The user's cached readable class ids (`cache:class-access:{userId}`), when cached; read in the same round trip. */
  readableClasses?: string[];
};

/** SessionInfo as stored: plain JSON with times in epoch ms, so the touch script can slide it. */
type StoredSession = Omit<SessionInfo, "createdAt" | "lastSeenAt"> & {
  createdAt: number;
  lastSeenAt: number;
};

const tokenDigest = (token: string) => createHash("sha256").update(token).digest("base64url");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

// One round trip per authenticated call: token → user → that device's session, expired sessions dropped, and
// (when ARGV[5] is 1) its hour slid; also the user's cached readable classes (ARGV[6] .. userId), so access
// checks on hot reads need no second round trip. The session key is found through the token key, so this needs
// one Redis, not a cluster.
const TOUCH = `
local userId = redis.call('GET', KEYS[1])
if not userId then return nil end
local key = ARGV[1] .. userId
local raw = redis.call('HGET', key, ARGV[2])
if not raw then return nil end
local info = cjson.decode(raw)
local now = tonumber(ARGV[4])
local ttl = tonumber(ARGV[3])
if now - info.lastSeenAt > ttl * 1000 then
  redis.call('HDEL', key, ARGV[2])
  redis.call('DEL', KEYS[1])
  return nil
end
if ARGV[5] == '1' then
  info.lastSeenAt = now
  raw = cjson.encode(info)
  redis.call('HSET', key, ARGV[2], raw)
  redis.call('EXPIRE', key, ttl)
  redis.call('EXPIRE', KEYS[1], ttl)
end
return {raw, redis.call('GET', ARGV[6] .. userId)}`;

// Rewrites the profile carried by every live session of a user (ARGV[1]: the profile as JSON), keeping TTLs.
const SET_PROFILE = `
local fields = redis.call('HGETALL', KEYS[1])
local profile = cjson.decode(ARGV[1])
local n = 0
for i = 1, #fields, 2 do
  local info = cjson.decode(fields[i + 1])
  info.profile = profile
  redis.call('HSET', KEYS[1], fields[i], cjson.encode(info))
  n = n + 1
end
return n`;

/**
 * Sessions live in the seed's `session:{userId}` key: a hash with one field per device, so a user can be
 * signed in on several devices and signed out of all of them at once. The field is a SHA-256 of the token, so a
 * Redis dump holds no usable token, and `session-token:{sha256}` names the user, so the token itself is 32
 * random bytes that say nothing about who holds it. Each device slides its own hour (lastSeenAt); the keys' TTL
 * slides with it.
 */
export class Sessions {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    readonly ttlSeconds = TTL_SECONDS.session,
  ) {
    // Sent once, then called by its SHA (EVALSHA).
    redis.defineCommand("touchSession", { numberOfKeys: 1, lua: TOUCH });
    redis.defineCommand("setSessionProfile", { numberOfKeys: 1, lua: SET_PROFILE });
  }

  /** Stores a user's changed profile in each of their sessions (every device); returns how many. */
  async setProfile(userId: string, profile: Record<string, unknown>): Promise<number> {
    const setSessionProfile = (
      this.redis as Redis & { setSessionProfile(...args: string[]): Promise<number> }
    ).setSessionProfile;
    return setSessionProfile.call(this.redis, this.keys.session(userId), JSON.stringify(profile));
  }

  async create(
    userId: string,
    actor: SessionActor,
    meta: { userAgent?: string; ip?: string } = {},
  ): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = Date.now();
    const info: StoredSession = { userId, ...actor, createdAt: now, lastSeenAt: now, ...meta };
    const key = this.keys.session(userId);
    const digest = tokenDigest(token);
    await this.redis
      .multi()
      .hset(key, digest, JSON.stringify(info))
      .expire(key, this.ttlSeconds)
      .set(this.keys.sessionToken(digest), userId, "EX", this.ttlSeconds)
      .exec();
    return token;
  }

  private async find(token: string, slide: boolean): Promise<TouchedSession | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const digest = tokenDigest(token);
    const touchSession = (
      this.redis as Redis & {
        touchSession(...args: (string | number)[]): Promise<[string, string | null] | null>;
      }
    ).touchSession;
    const found = await touchSession.call(
      this.redis,
      this.keys.sessionToken(digest),
      this.keys.sessionPrefix,
      digest,
      this.ttlSeconds,
      Date.now(),
      slide ? "1" : "0",
      this.keys.cachePrefix("class-access"),
    );
    if (found === null) return undefined;
    const [raw, classes] = found;
    const stored = JSON.parse(raw) as StoredSession;
    return {
      ...stored,
      createdAt: new Date(stored.createdAt),
      lastSeenAt: new Date(stored.lastSeenAt),
      readableClasses: classes === null ? undefined : decodeCached<string[]>(classes),
    };
  }

  /** The live session of a token, without sliding it; undefined when unknown or expired. Throws if Redis is down. */
  peek(token: string): Promise<TouchedSession | undefined> {
    return this.find(token, false);
  }

  /** The session a token belongs to, sliding its expiry; undefined when unknown or expired. Throws if Redis is down. */
  touch(token: string): Promise<TouchedSession | undefined> {
    return this.find(token, true);
  }

  async revoke(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    const digest = tokenDigest(token);
    const userId = await this.redis.get(this.keys.sessionToken(digest));
    if (userId !== null) await this.forget(userId, [digest]);
  }

  /** Signs a user out on every device, or every device but the one holding `keep` (a password change). */
  async revokeAll(userId: string, keep?: string): Promise<number> {
    const kept = keep === undefined ? undefined : tokenDigest(keep);
    const digests = (await this.redis.hkeys(this.keys.session(userId))).filter((d) => d !== kept);
    await this.forget(userId, digests);
    return digests.length;
  }

  private async forget(userId: string, digests: string[]) {
    if (digests.length === 0) return;
    await this.redis
      .multi()
      .hdel(this.keys.session(userId), ...digests)
      .del(...digests.map((d) => this.keys.sessionToken(d)))
      .exec();
  }
}
