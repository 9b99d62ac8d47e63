import { databaseEnvSchema, loadEnv, redisEnvSchema } from "@edu/db";
import { aiEnvSchema } from "@edu/worker/ai";
import { z } from "zod";

export const apiEnvSchema = databaseEnvSchema
  .extend(redisEnvSchema.shape)
  .extend(aiEnvSchema.shape)
  .extend({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    API_HOST: z.string().default("127.0.0.1"),
    API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** The SPA's origin, the only one CORS lets in with credentials. */
    WEB_ORIGIN: z.url().default("http://localhost:5173"),
    /** Where the built SPA lives; served from the api's origin in production. */
    WEB_DIST_DIR: z.string().optional(),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
    /** Per client IP; higher than per e-mail because a school's students often share one address. */
    LOGIN_IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  });

export type ApiConfig = z.infer<typeof apiEnvSchema>;

export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) => loadEnv(apiEnvSchema, env);
