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

/**
 * Sessions live in the seed's `session:{userId}` key: a hash with one field per device, so a user can be
 * signed in on several devices. The field is a SHA-256 of the token, so a Redis dump holds no usable
 * token. Each device slides its own hour (lastSeenAt); the key's TTL slides with the latest of them.
 */
export class Sessions {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    private readonly ttlSeconds = TTL_SECONDS.session,
  ) {}

  async create(userId: string, meta: { userAgent?: string; ip?: string } = {}): Promise<string> {
    const token = `${userId}.${randomBytes(32).toString("base64url")}`;
    const now = new Date();
    const info: SessionInfo = { userId, createdAt: now, lastSeenAt: now, ...meta };
    const key = this.keys.session(userId);
    await this.redis
      .multi()
      .hset(key, tokenDigest(token), superjson.stringify(info))
      .expire(key, this.ttlSeconds)
      .exec();
    return token;
  }

  /** The session a token belongs to, sliding its expiry; undefined when unknown or expired. Throws if Redis is down. */
  async touch(token: string): Promise<SessionInfo | undefined> {
    const userId = token.split(".", 1)[0] ?? "";
    if (!/^[0-9a-f-]{36}$/.test(userId)) return undefined;
    const key = this.keys.session(userId);
    const field = tokenDigest(token);
    const raw = await this.redis.hget(key, field);
    if (raw === null) return undefined;
    const info = superjson.parse<SessionInfo>(raw);
    const now = new Date();
    if (now.getTime() - info.lastSeenAt.getTime() > this.ttlSeconds * 1000) {
      await this.redis.hdel(key, field);
      return undefined;
    }
    info.lastSeenAt = now;
    await this.redis.multi().hset(key, field, superjson.stringify(info)).expire(key, this.ttlSeconds).exec();
    return info;
  }

  async revoke(token: string): Promise<void> {
    const userId = token.split(".", 1)[0] ?? "";
    if (!/^[0-9a-f-]{36}$/.test(userId)) return;
    await this.redis.hdel(this.keys.session(userId), tokenDigest(token));
  }

  /** Signs a user out everywhere (password change, account disabled). */
  async revokeAll(userId: string): Promise<void> {
    await this.redis.del(this.keys.session(userId));
  }
}
