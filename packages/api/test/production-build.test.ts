// The production build as the api image runs it: every package's `build` script (scripts/build.mjs) writes its
// dist/ into a copy of the Docker image's layout (package.json, node_modules links and dist/, no TypeScript sources),
// then the compiled api and worker start there with NODE_ENV=production and `--conditions=edu-compiled` over a
// database of their own: /readyz (PostgreSQL, Redis, migrations), a sign-in (Prisma's query compiler, argon2), "worker
// ready", and a clean stop. The real packages/*/dist folders are left alone.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@edu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./support/free-port";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
/** What the api and worker import, in dependency order. */
const PACKAGES = ["domain", "db", "jobs", "ai", "api", "worker"] as const;

type Manifest = { scripts?: Record<string, string>; dependencies?: Record<string, string> };
const manifest = (name: string): Manifest =>
  JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8"));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => join(dir, file));
}

/** The bare specifiers a built file imports (statically or with `import("...")`), as package names. */
function importedPackages(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"([^".][^"]*)"/g)].map(
    (m) => m[1] ?? "",
  );
  return specifiers
    .filter((s) => !s.startsWith("node:") && !builtinModules.includes(s))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    );
}

let image: string;
let database: TestDatabase;
let redis: TestRedis;
const running: ChildProcess[] = [];

function start(entry: string, env: Record<string, string>, ready: (output: string) => boolean) {
  const child = spawn(process.execPath, ["--conditions=edu-compiled", entry], {
    cwd: image,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: redis.keys.prefix,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  return new Promise<{ child: ChildProcess; output: () => string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 30_000);
    const check = () => {
      if (!ready(output)) return;
      clearTimeout(timer);
      resolve({ child, output: () => output });
    };
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      check();
    });
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });

beforeAll(async () => {
  image = mkdtempSync(join(tmpdir(), "edu-production-build-"));
  symlinkSync(join(repoRoot, "node_modules"), join(image, "node_modules"));
  for (const name of PACKAGES) {
    const source = join(repoRoot, "packages", name);
    const target = join(image, "packages", name);
    mkdirSync(target, { recursive: true });
    cpSync(join(source, "package.json"), join(target, "package.json"));
    // pnpm's links are relative, so they lead into the repository's node_modules from here too.
    cpSync(join(source, "node_modules"), join(target, "node_modules"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const build = manifest(name).scripts?.build ?? "";
    const entries = build.split(" ").slice(build.split(" ").indexOf("../../scripts/build.mjs") + 1);
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, "scripts", "build.mjs"), "--outdir", join(target, "dist"), ...entries],
      { cwd: source, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`build of ${name} failed:\n${result.stdout}${result.stderr}`);
  }
  // /readyz compares the database with the migrations the image carries.
  cpSync(join(repoRoot, "packages/db/prisma/migrations"), join(image, "packages/db/prisma/migrations"), {
    recursive: true,
  });
  database = await createTestDatabase();
  redis = await createTestRedis();
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map(stopped));
  await redis?.cleanup();
  await database?.drop();
  if (image) rmSync(image, { recursive: true, force: true });
}, 60_000);

describe("the production build", () => {
  it("imports, at run time, only what each package lists in its dependencies", () => {
    for (const name of PACKAGES) {
      const declared = new Set(Object.keys(manifest(name).dependencies ?? {}));
      const imported = new Set(jsFiles(join(image, "packages", name, "dist")).flatMap(importedPackages));
      const undeclared = [...imported].filter((p) => !declared.has(p)).sort();
      expect(undeclared, `@edu/${name}'s dist imports what is not in its dependencies`).toEqual([]);
    }
  });

  it("runs the compiled api: ready over PostgreSQL, Redis and the migrations, signs in, stops cleanly", async () => {
    const port = await freePort();
    const api = await start("packages/api/dist/main.js", { API_PORT: String(port) }, (output) =>
      output.includes("Server listening"),
    );
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toMatchObject({ status: "ready", migrations: { ok: true, detail: { pending: [] } } });
    // An unknown login walks the whole sign-in path (limits in Redis, a Prisma query, argon2) to its refusal.
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ json: { email: "nobody@example.org", password: "not-the-password" } }),
    });
    expect(login.status).toBe(401);
    expect(await stopped(api.child)).toBe(0);
    expect(api.output()).not.toMatch(/"level":50/);
  }, 60_000);

  it("runs the compiled worker until it is ready, and stops it cleanly", async () => {
    const worker = await start("packages/worker/dist/main.js", {}, (output) =>
      output.includes("worker ready"),
    );
    expect(await stopped(worker.child)).toBe(0);
  }, 60_000);
});
