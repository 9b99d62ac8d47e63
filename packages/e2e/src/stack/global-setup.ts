// Playwright's global setup: the real stack for the whole run, on 127.0.0.1 only.
//   - a fresh migrated database (a copy of the migrated template, packages/db/src/testing) seeded with the demo
//     institution through the seed's own command, as an application role of its own;
//   - a Redis key prefix of its own (e2e-{random}:), queues included;
//   - the api (NODE_ENV=production) serving the built SPA and /trpc from one origin on a free port;
//   - the worker, analysing repositories from a local fixture root (ANALYSIS_SOURCE=local).
// The teardown it returns stops both processes, deletes the run's Redis keys, drops the database and the fixture
// root. A run killed before its teardown is cleaned up by the next run (its record in logs/stack-{pid}.json).
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbWithPool } from "@edu/db";
import { createRedis, createRedisLayer } from "@edu/db/redis";
import { createTestDatabase, deleteMatching, type TestDatabase } from "@edu/db/testing";
import { STACK_ENV, type StackInfo } from "./info";
import { chromiumPath, logsDir, packageDir, webDistDir } from "./paths";
import { freePort, runToEnd, type Service, startService, waitUntilReady } from "./processes";

/** Demo students seeded: enough for lists and leaderboards, quick to seed (~1 s). */
const SEED_STUDENTS = 12;
const READY_SECONDS = 60;

type RunRecord = { runnerPid: number; database?: string; redisKeyPrefix?: string; fixtureRoot?: string };

const recordFile = (pid: number) => join(logsDir, `stack-${pid}.json`);

/** The role and server that create test databases (as packages/db/src/testing decides), on its `postgres` database. */
function adminUrl(): string {
  const url = new URL(
    process.env.TEST_DATABASE_URL ||
      process.env.MIGRATION_DATABASE_URL ||
      process.env.DATABASE_URL ||
      "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  url.pathname = "/postgres";
  return url.toString();
}

const redisUrl = () => process.env.REDIS_URL || "redis://127.0.0.1:6379";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createRedis({ REDIS_URL: redisUrl() });
  try {
    const { keys } = createRedisLayer(redis, prefix);
    await deleteMatching(redis, keys.all);
    await deleteMatching(redis, `${keys.queuePrefix}*`);
  } finally {
    redis.disconnect();
  }
}

/** What runs killed before their teardown left: their database, Redis keys and fixture root. */
async function cleanUpAbandonedRuns(): Promise<void> {
  const records = readdirSync(logsDir).filter((f) => /^stack-\d+\.json$/.test(f));
  for (const file of records) {
    let record: RunRecord;
    try {
      record = JSON.parse(readFileSync(join(logsDir, file), "utf8")) as RunRecord;
    } catch {
      rmSync(join(logsDir, file), { force: true });
      continue;
    }
    if (alive(record.runnerPid)) continue;
    if (record.database && /^edu_test_[0-9a-f]{12}$/.test(record.database)) {
      const { db, pool } = createDbWithPool({ DATABASE_URL: adminUrl(), DATABASE_POOL_MAX: 1 });
      try {
        await pool.query(`DROP DATABASE IF EXISTS "${record.database}" WITH (FORCE)`);
        await pool.query(`DROP ROLE IF EXISTS "${record.database}_app"`);
      } finally {
        await db.$disconnect();
        await pool.end();
      }
    }
    if (record.redisKeyPrefix) await deleteRedisKeys(record.redisKeyPrefix);
    if (record.fixtureRoot) rmSync(record.fixtureRoot, { recursive: true, force: true });
    rmSync(join(logsDir, file), { force: true });
  }
}

/** The environment the api and worker get: the run's own, nothing that reaches another database or the network. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      name === "TEST_DATABASE_URL" ||
      name === "MIGRATION_DATABASE_URL" ||
      name === STACK_ENV ||
      name.startsWith("LLM_") || // the embedded AI writer: no calls to a model endpoint
      name.startsWith("ANALYSIS_")
    )
      delete env[name];
  }
  if (env.NODE_OPTIONS?.includes("playwright")) delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `Chromium is missing at ${chromiumPath()}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  const dist = webDistDir();
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build the web app first (pnpm --filter @edu/web build)`);
  }
  mkdirSync(logsDir, { recursive: true });
  await cleanUpAbandonedRuns();

  const record: RunRecord = { runnerPid: process.pid };
  const saveRecord = () => writeFileSync(recordFile(process.pid), JSON.stringify(record));
  const services: Service[] = [];
  let database: TestDatabase | undefined;
  let fixtureRoot: string | undefined;
  const redisKeyPrefix = `e2e-${randomBytes(5).toString("hex")}:`;
  const timings: string[] = [];
  let lap = Date.now();
  const timed = (what: string) => {
    timings.push(`${what} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
    lap = Date.now();
  };

  const teardown = async () => {
    // Each step runs even when an earlier one fails; the first failure is reported at the end.
    const failures: unknown[] = [];
    const step = async (run: () => Promise<void> | void) => {
      try {
        await run();
      } catch (error) {
        failures.push(error);
      }
    };
    await Promise.all(services.map((service) => step(() => service.stop())));
    await step(() => deleteRedisKeys(redisKeyPrefix));
    if (database) await step(() => database?.drop());
    if (fixtureRoot) await step(() => rmSync(fixtureRoot as string, { recursive: true, force: true }));
    if (failures.length === 0) rmSync(recordFile(process.pid), { force: true });
    else throw failures[0];
  };

  try {
    record.redisKeyPrefix = redisKeyPrefix;
    fixtureRoot = mkdtempSync(join(tmpdir(), "edu-e2e-fixtures-"));
    record.fixtureRoot = fixtureRoot;
    saveRecord();
    database = await createTestDatabase();
    record.database = database.name;
    saveRecord();
    // The database's own client is not needed here: the seed, api and worker connect themselves.
    await database.db.$disconnect();
    timed("database");

    runToEnd(
      "seed",
      process.execPath,
      ["--import", "tsx", "src/main.ts", "--students", String(SEED_STUDENTS)],
      {
        cwd: packageDir("seed"),
        env: serviceEnv({ DATABASE_URL: database.url, NODE_ENV: "test" }),
        timeoutMs: 120_000,
      },
    );
    timed("seed");

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const common = {
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: "5",
      REDIS_URL: redisUrl(),
      REDIS_KEY_PREFIX: redisKeyPrefix,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
    };
    const api = startService(
      "api",
      packageDir("api"),
      serviceEnv({
        ...common,
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        WEB_ORIGIN: baseURL,
        WEB_DIST_DIR: dist,
        // Every spec signs in, all from 127.0.0.1: the production limits (5 per e-mail, 30 per IP a minute)
        // would refuse the suite itself.
        LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
        LOGIN_IP_RATE_LIMIT_PER_MINUTE: "10000",
        MUTATIONS_PER_MINUTE: "10000",
      }),
    );
    services.push(api);
    const worker = startService(
      "worker",
      packageDir("worker"),
      serviceEnv({ ...common, ANALYSIS_SOURCE: "local", ANALYSIS_LOCAL_ROOT: fixtureRoot }),
    );
    services.push(worker);

    await Promise.all([
      waitUntilReady(api, async () => (await fetch(`${baseURL}/readyz`)).ok, READY_SECONDS),
      waitUntilReady(
        worker,
        async () => readFileSync(worker.logFile, "utf8").includes("worker ready"),
        READY_SECONDS,
      ),
    ]);
    const index = await fetch(`${baseURL}/`);
    if (!index.ok || !(index.headers.get("content-type") ?? "").includes("text/html")) {
      throw new Error(`the api does not serve the SPA at ${baseURL}/ (${index.status}):\n${api.tail()}`);
    }
    timed("api and worker");

    const info: StackInfo = {
      baseURL,
      databaseUrl: database.url,
      redisUrl: redisUrl(),
      redisKeyPrefix,
      fixtureRoot,
    };
    process.env[STACK_ENV] = JSON.stringify(info);
    console.log(
      `e2e stack ready at ${baseURL} in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(", ")})`,
    );
    return teardown;
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
}
