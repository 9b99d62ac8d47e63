import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import superjson from "superjson";
import { type KeyBuilder, TTL_SECONDS } from "./keys";

export type SessionInfo = {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent?: string;
  ip?: string;
};

const tokenDigest = (token: string) => createHash("sha256").update(token).digest("base64url");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

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
  ) {}

  async create(userId: string, meta: { userAgent?: string; ip?: string } = {}): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    const info: SessionInfo = { userId, createdAt: now, lastSeenAt: now, ...meta };
    const key = this.keys.session(userId);
    const digest = tokenDigest(token);
    await this.redis
      .multi()
      .hset(key, digest, superjson.stringify(info))
      .expire(key, this.ttlSeconds)
      .set(this.keys.sessionToken(digest), userId, "EX", this.ttlSeconds)
      .exec();
    return token;
  }

  /** The live session of a token, without sliding it; undefined when unknown or expired. Throws if Redis is down. */
  async peek(token: string): Promise<SessionInfo | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const digest = tokenDigest(token);
    const userId = await this.redis.get(this.keys.sessionToken(digest));
    if (userId === null) return undefined;
    const raw = await this.redis.hget(this.keys.session(userId), digest);
    if (raw === null) return undefined;
    const info = superjson.parse<SessionInfo>(raw);
    if (Date.now() - info.lastSeenAt.getTime() > this.ttlSeconds * 1000) {
      await this.forget(userId, [digest]);
      return undefined;
    }
    return info;
  }

  /** The session a token belongs to, sliding its expiry; undefined when unknown or expired. Throws if Redis is down. */
  async touch(token: string): Promise<SessionInfo | undefined> {
    const info = await this.peek(token);
    if (!info) return undefined;
    info.lastSeenAt = new Date();
    const key = this.keys.session(info.userId);
    const digest = tokenDigest(token);
    await this.redis
      .multi()
      .hset(key, digest, superjson.stringify(info))
      .expire(key, this.ttlSeconds)
      .expire(this.keys.sessionToken(digest), this.ttlSeconds)
      .exec();
    return info;
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
