// Makes sure PostgreSQL and Redis answer. With MIGRATION_DATABASE_URL / DATABASE_URL / REDIS_URL unset they
// default to the local servers; if those do not answer, local ones are started from PATH under .data/, or we
// stop with one line. Which database URL migrates and which one the api and worker use: packages/db/scripts/app-role.mjs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { resolveDatabaseUrls } from "../../packages/db/scripts/app-role.mjs";
import { fail, root, step } from "./output.mjs";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

const COMPOSE_HINT =
  "or run `docker compose up -d postgres redis` and set MIGRATION_DATABASE_URL/DATABASE_URL/REDIS_URL (see README)";

function answers(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await answers(host, port, 250)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const isLocal = (host) => ["127.0.0.1", "localhost", "::1", "[::1]"].includes(host);

function findBinary(name) {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (onPath.status === 0) return onPath.stdout.trim();
  // Debian and Ubuntu keep PostgreSQL's server programs off PATH.
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  for (const version of readdirSync(base).sort().reverse()) {
    const candidate = join(base, version, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function startPostgres(port) {
  const dataDir = join(root, ".data", "postgres");
  if (userInfo().uid === 0) {
    // initdb refuses to run as root; a system cluster (Debian's pg_ctlcluster) is the way there.
    const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
    if (versions.length > 0 && findBinary("pg_ctlcluster")) {
      step("starting the system PostgreSQL cluster");
      spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", versions[0], "main", "start"], {
        stdio: "inherit",
      });
      return;
    }
    return;
  }
  const initdb = findBinary("initdb");
  const pgCtl = findBinary("pg_ctl");
  if (!initdb || !pgCtl) return;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    step("creating a local PostgreSQL cluster in .data/postgres");
    mkdirSync(dataDir, { recursive: true });
    spawnSync(initdb, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"], { stdio: "ignore" });
  }
  step(`starting PostgreSQL from .data/postgres on port ${port}`);
  spawnSync(
    pgCtl,
    [
      "-D",
      dataDir,
      "-l",
      join(root, ".data", "postgres.log"),
      "-w",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir}`,
      "start",
    ],
    {
      stdio: "ignore",
    },
  );
}

function startRedis(port) {
  const redisServer = findBinary("redis-server");
  if (!redisServer) return;
  const dir = join(root, ".data", "redis");
  mkdirSync(dir, { recursive: true });
  step(`starting Redis from .data/redis on port ${port}`);
  spawnSync(
    redisServer,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--daemonize",
      "yes",
      "--appendonly",
      "yes",
      "--logfile",
      join(root, ".data", "redis.log"),
    ],
    {
      stdio: "ignore",
    },
  );
}

/**
 * Returns the URLs to use, after making sure both services answer (or exiting with one line):
 * MIGRATION_DATABASE_URL (the owner, for migrations only), DATABASE_URL (the application role) and REDIS_URL.
 */
export async function ensureServices(env = process.env) {
  const { migrationUrl, appUrl } = resolveDatabaseUrls(env);
  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  const pg = new URL(migrationUrl);
  const redis = new URL(redisUrl);
  const pgPort = Number(pg.port || 5432);
  const redisPort = Number(redis.port || 6379);

  if (!(await answers(pg.hostname, pgPort))) {
    if (!isLocal(pg.hostname))
      fail(`PostgreSQL at ${pg.hostname}:${pgPort} (MIGRATION_DATABASE_URL) is not answering`);
    startPostgres(pgPort);
    if (!(await waitFor(pg.hostname, pgPort, 20))) {
      fail(
        `PostgreSQL is not answering on ${pg.hostname}:${pgPort}: install PostgreSQL 13+ (initdb and pg_ctl on PATH) ${COMPOSE_HINT}`,
      );
    }
  }
  if (!(await answers(redis.hostname, redisPort))) {
    if (!isLocal(redis.hostname))
      fail(`Redis at ${redis.hostname}:${redisPort} (REDIS_URL) is not answering`);
    startRedis(redisPort);
    if (!(await waitFor(redis.hostname, redisPort, 10))) {
      fail(
        `Redis is not answering on ${redis.hostname}:${redisPort}: install Redis 6+ (redis-server on PATH) ${COMPOSE_HINT}`,
      );
    }
  }
  return { MIGRATION_DATABASE_URL: migrationUrl, DATABASE_URL: appUrl, REDIS_URL: redisUrl };
}
