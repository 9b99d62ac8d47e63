import type { RedisLayer } from "@edu/db/redis";
import { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimit = {
  scope: string;
  /** Requests allowed per window. */
  points: number;
  /** The window, 60 s unless said otherwise. */
  windowSeconds?: number;
  /** What to do when Redis cannot count: refuse (sign-in) or let the request through (chat). */
  whenRedisIsDown: "refuse" | "allow";
  message: (seconds: number) => string;
};

/** A limit per window (a minute by default) counted in Redis, so every api instance shares it; TOO_MANY_REQUESTS over it. */
export function createRateLimit(redis: RedisLayer, log: Logger, limit: RateLimit) {
  const limiter = new RateLimiterRedis({
    storeClient: redis.redis,
    keyPrefix: redis.keys.rateLimitPrefix(limit.scope),
    points: limit.points,
    duration: limit.windowSeconds ?? 60,
  });
  return async function consume(subject: string): Promise<void> {
    try {
      await limiter.consume(subject);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: limit.message(Math.max(1, Math.ceil(error.msBeforeNext / 1000))),
        });
      }
      if (limit.whenRedisIsDown === "allow") {
        log.warn({ err: error, scope: limit.scope }, "rate limit unavailable; request allowed");
        return;
      }
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "This is unavailable right now; try again shortly",
      });
    }
  };
}
