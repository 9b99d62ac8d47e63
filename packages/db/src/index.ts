export { createDb, type Db } from "./client";
export { type DatabaseEnv, databaseEnvSchema, loadEnv, type RedisEnv, redisEnvSchema } from "./env";
export * from "./generated/prisma/client";
export { poolConfigFromUrl } from "./pool-config";
