import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { poolConfigFromUrl } from "./pool-config";

export type Db = PrismaClient;

type DbEnv = Pick<DatabaseEnv, "DATABASE_URL"> & Partial<DatabaseEnv>;

/**
 * The one way to get a database client: Prisma over @prisma/adapter-pg, pool size and SSL from the
 * environment. The pool is returned too, so a server can report its size in /metrics.
 */
export function createDbWithPool(env: DbEnv): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool(
    poolConfigFromUrl(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX, ssl: env.DATABASE_SSL }),
  );
  // An idle connection that the server drops (restart, failover) must not crash the process; the next
  // query gets a fresh connection or a clear error.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { db, pool };
}

/** For processes that keep their client for life; tests and servers that must end the pool use createDbWithPool. */
export function createDb(env: DbEnv): Db {
  return createDbWithPool(env).db;
}
