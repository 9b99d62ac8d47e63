import type { RedisLayer } from "@edu/db/redis";
import { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimit = {
  scope: string;
  perMinute: number;
  /** What to do when Redis cannot count: refuse (sign-in) or let the request through (chat). */
  whenRedisIsDown: "refuse" | "allow";
  message: (seconds: number) => string;
};

/** A per-minute limit counted in Redis, so every api instance shares it. Throws TOO_MANY_REQUESTS over it. */
export function createRateLimit(redis: RedisLayer, log: Logger, limit: RateLimit) {
  const limiter = new RateLimiterRedis({
    storeClient: redis.redis,
    keyPrefix: redis.keys.rateLimitPrefix(limit.scope),
    points: limit.perMinute,
    duration: 60,
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
