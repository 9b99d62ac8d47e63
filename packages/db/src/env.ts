import { z } from "zod";

/**
 * Environment shared by every process that talks to PostgreSQL; each process merges it into its own config.
 * DATABASE_URL is the application role's (rows only, see scripts/app-role.mjs), never the tables' owner's:
 * migrations alone use the owner, through MIGRATION_DATABASE_URL, which the api and worker never read.
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .default("postgresql://edu_app@127.0.0.1:5432/eduplatform"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_SSL: z.enum(["disable", "require", "verify-full"]).optional(),
});

/** Environment shared by every process that talks to Redis. */
export const redisEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .default("redis://127.0.0.1:6379"),
  // Keeps several deployments (and test runs) apart on one Redis; empty gives the seed's bare key patterns.
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]*:?$/, "letters, digits, _ . - and an optional trailing colon")
    .default(""),
});

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;
export type RedisEnv = z.infer<typeof redisEnvSchema>;

/** Parses the environment with a schema and exits with one line per bad variable instead of a stack trace. */
export function loadEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
