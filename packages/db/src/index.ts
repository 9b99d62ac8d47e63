export { createDb, type Db } from "./client";
export { databaseEnvSchema, redisEnvSchema, loadEnv, type DatabaseEnv, type RedisEnv } from "./env";
export { poolConfigFromUrl } from "./pool-config";
export * from "./generated/prisma/client";
