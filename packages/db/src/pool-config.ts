import type { PoolConfig } from "pg";

export type DatabaseSslMode = "disable" | "require" | "verify-full";

/**
 * Turns a postgresql:// URL into pg pool settings. The URL's parts are passed one by one, not as a
 * connectionString, because the Prisma adapter derives its shadow database by overriding `database`
 * and a connectionString would win over that.
 */
export function poolConfigFromUrl(
  url: string,
  options: { ssl?: DatabaseSslMode; max?: number } = {},
): PoolConfig {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${u.protocol}//)`);
  }
  const sslMode = options.ssl ?? sslModeFromUrl(u);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username) || "postgres",
    password: decodeURIComponent(u.password) || undefined,
    max: options.max,
    ssl: sslMode === "disable" ? undefined : { rejectUnauthorized: sslMode === "verify-full" },
  };
}

function sslModeFromUrl(u: URL): DatabaseSslMode {
  const mode = u.searchParams.get("sslmode");
  if (mode === "verify-full" || mode === "verify-ca") return "verify-full";
  if (mode === "require" || mode === "prefer") return "require";
  return "disable";
}
