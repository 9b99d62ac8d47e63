import { databaseEnvSchema, loadEnv, redisEnvSchema } from "@edu/db";
import { z } from "zod";

const concurrency = (fallback: number) => z.coerce.number().int().min(1).max(64).default(fallback);

export const workerEnvSchema = databaseEnvSchema.extend(redisEnvSchema.shape).extend({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ANALYSIS_CONCURRENCY: concurrency(2),
  RISK_CONCURRENCY: concurrency(2),
  GAMIFICATION_CONCURRENCY: concurrency(4),
  DRAFTING_CONCURRENCY: concurrency(2),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => loadEnv(workerEnvSchema, env);
