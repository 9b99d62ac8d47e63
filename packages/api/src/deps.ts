import { createDbWithPool, type Db, type DbPool } from "@edu/db";
import { createRedis, createRedisLayer, type RedisLayer } from "@edu/db/redis";
import { type AiProvider, createAiProvider } from "@edu/worker/ai";
import { closeQueues, createQueues, type Queues } from "@edu/worker/queues";
import { type Logger, pino } from "pino";
import { createRateLimit } from "./auth/rate-limit";
import type { ApiConfig } from "./config";

/** Everything the api's procedures use, built once per process (or per test file). */
export const CHAT_MESSAGES_PER_MINUTE = 20;

export type ApiDeps = {
  config: ApiConfig;
  db: Db;
  pool?: DbPool;
  redis: RedisLayer;
  queues: Queues;
  log: Logger;
  /** Writes feedback drafts and chat replies. */
  ai: AiProvider;
  /** Counts a sign-in attempt per e-mail and per client IP; throws TOO_MANY_REQUESTS over the limits. */
  consumeLoginAttempt(email: string, ip: string): Promise<void>;
  /** Counts a chat message per student. */
  consumeChatMessage(studentId: string): Promise<void>;
  close(): Promise<void>;
};

export function createApiDeps(config: ApiConfig, log: Logger = pino({ level: config.LOG_LEVEL })): ApiDeps {
  const { db, pool } = createDbWithPool(config);
  const reportRedisError = (error: Error) => log.warn({ err: error }, "Redis connection error");
  const connection = createRedis(config, {}, reportRedisError);
  const redis = createRedisLayer(connection, config.REDIS_KEY_PREFIX, (message, error) =>
    log.warn({ err: error }, message),
  );
  // BullMQ gets its own connection: enqueuing must not wait behind cache traffic, and it needs its own options.
  const signInMessage = (seconds: number) => `Too many sign-in attempts; try again in ${seconds} s`;
  const loginPerEmail = createRateLimit(redis, log, {
    scope: "login-email",
    perMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    whenRedisIsDown: "refuse",
    message: signInMessage,
  });
  const loginPerIp = createRateLimit(redis, log, {
    scope: "login-ip",
    perMinute: config.LOGIN_IP_RATE_LIMIT_PER_MINUTE,
    whenRedisIsDown: "refuse",
    message: signInMessage,
  });
  const queueConnection = createRedis(config, { maxRetriesPerRequest: 1 }, reportRedisError);
  const queues = createQueues(queueConnection, redis.keys.queuePrefix);
  return {
    config,
    db,
    pool,
    redis,
    queues,
    log,
    ai: createAiProvider(config, log),
    consumeLoginAttempt: async (email, ip) => {
      await Promise.all([loginPerEmail(email.toLowerCase()), loginPerIp(ip)]);
    },
    consumeChatMessage: createRateLimit(redis, log, {
      scope: "chat",
      perMinute: CHAT_MESSAGES_PER_MINUTE,
      whenRedisIsDown: "allow",
      message: () => `At most ${CHAT_MESSAGES_PER_MINUTE} messages a minute`,
    }),
    async close() {
      await closeQueues(queues);
      queueConnection.disconnect();
      connection.disconnect();
      await db.$disconnect();
      await pool.end();
    },
  };
}
