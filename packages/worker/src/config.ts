import { databaseEnvSchema, loadEnv, redisEnvSchema } from "@edu/db";
import { z } from "zod";

const concurrency = (fallback: number) => z.coerce.number().int().min(1).max(64).default(fallback);

export const workerEnvSchema = databaseEnvSchema.extend(redisEnvSchema.shape).extend({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ANALYSIS_CONCURRENCY: concurrency(2),
  RISK_CONCURRENCY: concurrency(2),
  GAMIFICATION_CONCURRENCY: concurrency(4),
  /** How long a job's lock lasts without renewal, and how often workers look for jobs whose worker died. */
  JOB_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
  JOB_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  /**
   * Where repositories come from: "github" downloads tarballs from GitHub (production); "local" reads git
   * repositories under ANALYSIS_LOCAL_ROOT as {owner}/{repo} (fixtures for tests and offline demos).
   */
  ANALYSIS_SOURCE: z.enum(["github", "local"]).default("github"),
  ANALYSIS_LOCAL_ROOT: z.string().optional(),
  ANALYSIS_MAX_ARCHIVE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  /** Unpacked bytes of all files: a small compressed archive can expand enormously (a "zip bomb"). */
  ANALYSIS_MAX_EXTRACTED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  ANALYSIS_MAX_FILES: z.coerce.number().int().positive().default(5_000),
  ANALYSIS_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(512 * 1024),
  ANALYSIS_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** Analysis folders left in os.tmpdir() by a killed worker are removed at start once this old. */
  ANALYSIS_TMP_MAX_AGE_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  /**
   * How often the reconciler runs, and how long a submission may wait (PENDING/ANALYZING, or SCORED without
   * its points) before its job is queued again: jobs lost with Redis are recovered within about their sum.
   */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(300_000),
  RECONCILE_AFTER_MS: z.coerce.number().int().min(0).default(600_000),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

export type AnalysisLimits = Pick<
  WorkerConfig,
  | "ANALYSIS_MAX_ARCHIVE_BYTES"
  | "ANALYSIS_MAX_EXTRACTED_BYTES"
  | "ANALYSIS_MAX_FILES"
  | "ANALYSIS_MAX_FILE_BYTES"
  | "ANALYSIS_TIMEOUT_MS"
>;

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => loadEnv(workerEnvSchema, env);
