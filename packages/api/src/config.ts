import { aiEnvSchema } from "@edu/ai";
import { databaseEnvSchema, loadEnv, redisEnvSchema } from "@edu/db";
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
    /**
     * Which proxies' X-Forwarded-For to believe: unset trusts none (the socket's address is the client's), a
     * number trusts that many hops, a comma-separated list names the proxies' addresses or CIDR ranges.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .regex(
        /^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)?$/,
        "a hop count or a list of addresses/CIDRs",
      )
      .default("")
      .transform((v): string[] | false | ((address: string, hop: number) => boolean) => {
        if (v === "") return false;
        if (!/^\d+$/.test(v)) return v.split(",").map((p) => p.trim());
        const hops = Number(v);
        return (_address, hop) => hop < hops;
      }),
    /** The bearer token Prometheus sends for /metrics; unset, /metrics is not served. */
    METRICS_TOKEN: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(16, "use at least 16 characters").optional(),
    ),
    /** Changes one user may make a minute, over every mutation. */
    MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    /** The most calls one batched request may carry. */
    MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(20),
    /** Live-update subscriptions one user may hold open in one api process. */
    MAX_SUBSCRIPTIONS_PER_USER: z.coerce.number().int().min(1).max(1_000).default(10),
    /** How often an open subscription checks that its session still stands. */
    SUBSCRIPTION_SESSION_CHECK_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
    /** Submissions one student may make an hour. */
    SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
    /** Per client IP; higher than per e-mail because a school's students often share one address. */
    LOGIN_IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  });

export type ApiConfig = z.infer<typeof apiEnvSchema>;

export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) => loadEnv(apiEnvSchema, env);
