import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { poolConfigFromUrl } from "./pool-config";

export type Db = PrismaClient;

/** The one way to get a database client: Prisma over @prisma/adapter-pg, pool size and SSL from the environment. */
export function createDb(env: Pick<DatabaseEnv, "DATABASE_URL"> & Partial<DatabaseEnv>): Db {
  const adapter = new PrismaPg(
    poolConfigFromUrl(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX, ssl: env.DATABASE_SSL }),
  );
  return new PrismaClient({ adapter });
}
