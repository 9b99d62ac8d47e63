import { type AiProvider, createAiProvider } from "@edu/ai";
import { createDbWithPool, type Db, type DbPool } from "@edu/db";
import { createRedis, createRedisLayer, type RedisLayer } from "@edu/db/redis";
import { closeQueues, createQueues, type Queues } from "@edu/jobs";
import { type Logger, pino } from "pino";
import { createRateLimit } from "./auth/rate-limit";
import type { ApiConfig } from "./config";
import { createUpdateHub, type UpdateHub } from "./updates/hub";

/** Everything the api's procedures use, built once per process (or per test file). */
export const CHAT_MESSAGES_PER_MINUTE = 20;

export type ApiDeps = {
  config: ApiConfig;
  db: Db;
  pool?: DbPool;
  redis: RedisLayer;
  queues: Queues;
  log: Logger;
  /** The process's one reader of update streams, shared by every subscription. */
  updateHub: UpdateHub;
  /** Writes feedback drafts and chat replies. */
  ai: AiProvider;
  /** Counts a sign-in attempt per e-mail; throws TOO_MANY_REQUESTS over the limit. */
  consumeLoginAttempt(email: string): Promise<void>;
  /** Counts a sign-in attempt per client IP, before its body is parsed; throws TOO_MANY_REQUESTS over the limit. */
  consumeLoginAttemptFromIp(ip: string): Promise<void>;
  /** Counts a mutation per user; throws TOO_MANY_REQUESTS over the limit. */
  consumeMutation(userId: string): Promise<void>;
  /** Counts a chat message per student. */
  consumeChatMessage(studentId: string): Promise<void>;
  /** Per student and hour: resubmitting is no way to farm points or flood the analysis queue. */
  consumeSubmission(studentId: string): Promise<void>;
  close(): Promise<void>;
};

export function createApiDeps(config: ApiConfig, log: Logger = pino({ level: config.LOG_LEVEL })): ApiDeps {
  const { db, pool } = createDbWithPool(config);
  const reportRedisError = (error: Error) => log.warn({ err: error }, "Redis connection error");
  // Commands issued in the same tick (many requests at once) go out in one write: under load a cached read's
  // Redis work costs a share of a syscall rather than one each.
  const connection = createRedis(config, { enableAutoPipelining: true }, reportRedisError);
  const redis = createRedisLayer(connection, config.REDIS_KEY_PREFIX, (message, error) =>
    log.warn({ err: error }, message),
  );
  // BullMQ gets its own connection: enqueuing must not wait behind cache traffic, and it needs its own options.
  const signInMessage = (seconds: number) => `Too many sign-in attempts; try again in ${seconds} s`;
  const loginPerEmail = createRateLimit(redis, log, {
    scope: "login-email",
    points: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    whenRedisIsDown: "refuse",
    message: signInMessage,
  });
  const loginPerIp = createRateLimit(redis, log, {
    scope: "login-ip",
    points: config.LOGIN_IP_RATE_LIMIT_PER_MINUTE,
    whenRedisIsDown: "refuse",
    message: signInMessage,
  });
  const queueConnection = createRedis(config, { maxRetriesPerRequest: 1 }, reportRedisError);
  const queues = createQueues(queueConnection, redis.keys.queuePrefix);
  const updateHub = createUpdateHub(redis, log);
  return {
    config,
    db,
    pool,
    redis,
    queues,
    log,
    ai: createAiProvider(config, log),
    updateHub,
    consumeLoginAttempt: (email) => loginPerEmail(email.toLowerCase()),
    consumeLoginAttemptFromIp: loginPerIp,
    consumeMutation: createRateLimit(redis, log, {
      scope: "mutation",
      points: config.MUTATIONS_PER_MINUTE,
      whenRedisIsDown: "allow",
      message: (seconds) => `Too many changes at once; try again in ${seconds} s`,
    }),
    consumeChatMessage: createRateLimit(redis, log, {
      scope: "chat",
      points: CHAT_MESSAGES_PER_MINUTE,
      whenRedisIsDown: "allow",
      message: () => `At most ${CHAT_MESSAGES_PER_MINUTE} messages a minute`,
    }),
    consumeSubmission: createRateLimit(redis, log, {
      scope: "submission",
      points: config.SUBMISSIONS_PER_HOUR,
      windowSeconds: 3600,
      whenRedisIsDown: "allow",
      message: (seconds) =>
        `At most ${config.SUBMISSIONS_PER_HOUR} submissions an hour; try again in ${Math.ceil(seconds / 60)} min`,
    }),
    async close() {
      await updateHub.close();
      await closeQueues(queues);
      queueConnection.disconnect();
      connection.disconnect();
      await db.$disconnect();
      await pool.end();
    },
  };
}
