import type { RedisLayer } from "@edu/db/redis";
import { TRPCError } from "@trpc/server";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export type LoginLimits = { perEmailPerMinute: number; perIpPerMinute: number };

/** Login attempts per e-mail and per client IP, counted in Redis so every api instance shares them. */
export function createLoginLimiter(redis: RedisLayer, limits: LoginLimits) {
  const limiter = (scope: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis.redis,
      keyPrefix: redis.keys.rateLimitPrefix(scope),
      points,
      duration: 60,
    });
  const byEmail = limiter("login-email", limits.perEmailPerMinute);
  const byIp = limiter("login-ip", limits.perIpPerMinute);

  return async function consumeLoginAttempt(email: string, ip: string): Promise<void> {
    try {
      await Promise.all([byEmail.consume(email.toLowerCase()), byIp.consume(ip)]);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many sign-in attempts; try again in ${seconds} s`,
        });
      }
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Sign-in is unavailable right now; try again shortly",
      });
    }
  };
}
