export type { Pool as DbPool } from "pg";
export { afterCommit, type WarningLog } from "./after-commit";
export { createDb, createDbWithPool, type Db } from "./client";
export { type DatabaseEnv, databaseEnvSchema, loadEnv, type RedisEnv, redisEnvSchema } from "./env";
export * from "./generated/prisma/client";
export { migrationStatus } from "./migrations";
export { poolConfigFromUrl } from "./pool-config";
