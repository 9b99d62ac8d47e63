import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@edu/db/testing";
import { closeQueues, createQueues } from "@edu/jobs";
import { seedDemoData } from "@edu/seed";
import { pino } from "pino";
import { loadWorkerConfig } from "../../src/config";
import type { WorkerDeps } from "../../src/deps";

export type TestWorkerDeps = WorkerDeps & {
  database: TestDatabase;
  testRedis: TestRedis;
  close(): Promise<void>;
};

/** Worker dependencies over a fresh database (seeded with `students` demo students) and a Redis prefix of its own. */
export async function createTestWorkerDeps(
  options: { students?: number; env?: Record<string, string> } = {},
): Promise<TestWorkerDeps> {
  const database = await createTestDatabase();
  if (options.students) await seedDemoData(database.db, { students: options.students });
  const testRedis = await createTestRedis();
  const queues = createQueues(testRedis.redis, testRedis.keys.queuePrefix);
  const config = loadWorkerConfig({
    DATABASE_URL: database.url,
    REDIS_KEY_PREFIX: testRedis.keys.prefix,
    ...options.env,
  });
  return {
    db: database.db,
    redis: testRedis,
    queues,
    log: pino({ level: "silent" }),
    config,
    database,
    testRedis,
    async close() {
      await closeQueues(queues);
      await testRedis.cleanup();
      await database.drop();
    },
  };
}
