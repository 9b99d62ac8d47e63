import { randomBytes } from "node:crypto";
import { createTestDatabase, deleteMatching, type TestDatabase } from "@edu/db/testing";
import { DEMO_PASSWORD, seedDemoData } from "@edu/seed";
import { pino } from "pino";
import { createClient, type EduClient } from "../../src/client";
import { loadApiConfig } from "../../src/config";
import { type ApiDeps, createApiDeps } from "../../src/deps";
import { buildServer } from "../../src/server";

export type TestServer = {
  url: string;
  trpcUrl: string;
  deps: ApiDeps;
  database: TestDatabase;
  /** A client without a session. */
  anonymous: EduClient;
  /** Signs in and returns the session token. */
  tokenFor(email: string, password?: string): Promise<string>;
  /** Signs in and returns a client carrying the session token. */
  login(email: string, password?: string): Promise<EduClient>;
  close(): Promise<void>;
};

/**
 * A real api server on a free port, over a fresh migrated database seeded with the demo institution
 * (`students` of them) and a Redis key prefix of its own.
 */
export async function startTestServer(
  options: { students?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  if (options.students !== 0) await seedDemoData(database.db, { students: options.students ?? 12 });
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `test-${randomBytes(5).toString("hex")}:`,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    LOGIN_IP_RATE_LIMIT_PER_MINUTE: "100000",
    MUTATIONS_PER_MINUTE: "100000",
    ...options.env,
  });
  const deps = createApiDeps(config, pino({ level: "silent" }));
  const app = await buildServer(deps);
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const trpcUrl = `${url}/trpc`;
  const tokenFor = async (email: string, password = DEMO_PASSWORD) => {
    const { token } = await createClient({ url: trpcUrl }).auth.login.mutate({ email, password });
    if (!token) throw new Error("a token login answered without a token");
    return token;
  };
  return {
    url,
    trpcUrl,
    deps,
    database,
    anonymous: createClient({ url: trpcUrl }),
    tokenFor,
    async login(email, password) {
      return createClient({ url: trpcUrl, token: await tokenFor(email, password) });
    },
    async close() {
      await app.close();
      await deleteMatching(deps.redis.redis, deps.redis.keys.all);
      await deleteMatching(deps.redis.redis, `${deps.redis.keys.queuePrefix}*`);
      await deps.close();
      await database.drop();
    },
  };
}
