// The suite's `test`: Playwright's, with the stack's origin as baseURL and the fixtures below.
import { createDbWithPool, type Db } from "@edu/db";
import { createRedis, createRedisLayer } from "@edu/db/redis";
import { closeQueues, createQueues } from "@edu/jobs";
import { test as base } from "@playwright/test";
import { createFixtureRepo } from "./repos";
import { type Accounts, accounts, type StackInfo, stackInfo } from "./stack/info";

export type E2eFixtures = {
  /** The seeded demo logins: `accounts.student`, `.teacher`, `.mentor`, `.admin` ({ email, password }). */
  accounts: Accounts;
  /** Makes a new fixture repository with a few real findings and returns the GitHub URL the worker analyses. */
  fixtureRepoUrl: (options?: { name?: string; files?: Record<string, string> }) => string;
};

export type E2eWorkerFixtures = {
  /** Where the stack runs: baseURL, database and Redis prefix, fixture root. */
  stack: StackInfo;
  /** Prisma over this run's database, as the application role, for looking up ids and checking results. */
  db: Db;
  /**
   * Holds the worker off new analyses while `hold` runs (the analysis queue is paused), so a spec can see a
   * submission while it waits, then lets the worker go on.
   */
  holdAnalyses: <T>(hold: () => Promise<T>) => Promise<T>;
};

export const test = base.extend<E2eFixtures, E2eWorkerFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  stack: [async ({}, use) => use(stackInfo()), { scope: "worker" }],
  db: [
    async ({ stack }, use) => {
      const { db, pool } = createDbWithPool({ DATABASE_URL: stack.databaseUrl, DATABASE_POOL_MAX: 2 });
      await use(db);
      await db.$disconnect();
      await pool.end();
    },
    { scope: "worker" },
  ],
  holdAnalyses: [
    async ({ stack }, use) => {
      const redis = createRedis({ REDIS_URL: stack.redisUrl }, { maxRetriesPerRequest: 1 });
      const queues = createQueues(redis, createRedisLayer(redis, stack.redisKeyPrefix).keys.queuePrefix);
      await use(async (hold) => {
        await queues.analysis.pause();
        try {
          return await hold();
        } finally {
          await queues.analysis.resume();
        }
      });
      await closeQueues(queues);
      redis.disconnect();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ stack }, use) => use(stack.baseURL),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  accounts: async ({}, use) => use(accounts),
  fixtureRepoUrl: async ({ stack }, use) =>
    use((options = {}) => createFixtureRepo({ ...options, root: stack.fixtureRoot })),
});

export { expect } from "@playwright/test";
