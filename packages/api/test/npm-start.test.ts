// `npm start` as a user runs it: a child process over an empty database of its own, on free ports.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createRedis } from "@edu/db/redis";
import { createEmptyDatabase, deleteMatching } from "@edu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./support/free-port";

const repoRoot = join(import.meta.dirname, "..", "..", "..");

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let child: ChildProcess;
let output = "";
const prefix = `test-${randomBytes(5).toString("hex")}:`;
let apiPort: number;
let webPort: number;

beforeAll(async () => {
  database = await createEmptyDatabase();
  apiPort = await freePort();
  webPort = await freePort();
  child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      // The two-URL setup: migrate as the owner, run as the database's own application role.
      MIGRATION_DATABASE_URL: database.url,
      DATABASE_URL: database.appUrl,
      REDIS_KEY_PREFIX: prefix,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 150_000;
  while (!output.includes("EduPlatform is running")) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  const redis = createRedis({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
  await deleteMatching(redis, `${prefix}*`);
  await deleteMatching(redis, `{${prefix}bull}*`);
  redis.disconnect();
  await database?.drop();
}, 60_000);

describe("npm start", () => {
  it("migrates, seeds, serves /healthz and prints the URL to open", async () => {
    expect(output).toContain(`open http://localhost:${webPort}`);
    const health = await fetch(`http://127.0.0.1:${apiPort}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
  });

  it("serves the web app, which reaches the api over seeded data", async () => {
    const page = await (await fetch(`http://127.0.0.1:${webPort}/`)).text();
    expect(page).toContain('<div id="root">');
    const login = await fetch(`http://127.0.0.1:${webPort}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "teacher@demo.edu", password: "demo-password" } }),
    });
    expect(login.status).toBe(200);
    expect(
      ((await login.json()) as { result: { data: { json: { user: { role: string } } } } }).result.data.json
        .user.role,
    ).toBe("TEACHER");
  });

  it("lets the browser sign in with a cookie and change its profile through the dev proxy", async () => {
    const origin = `http://localhost:${webPort}`;
    const json = { "content-type": "application/json", origin };
    const login = await fetch(`http://127.0.0.1:${webPort}/trpc/auth.login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        json: { email: "student@demo.edu", password: "demo-password", session: "cookie" },
      }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^edu_session=/);
    const update = await fetch(`http://127.0.0.1:${webPort}/trpc/user.updateProfile`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify({ json: { theme: "dark" } }),
    });
    expect(update.status).toBe(200);
    const forged = await fetch(`http://127.0.0.1:${webPort}/trpc/user.updateProfile`, {
      method: "POST",
      headers: { ...json, cookie, origin: "https://evil.example" },
      body: JSON.stringify({ json: { theme: "light" } }),
    });
    expect(forged.status).toBe(403);
  });

  it("stops api, worker and web on SIGTERM", async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 1000));
    await expect(fetch(`http://127.0.0.1:${apiPort}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${webPort}/`)).rejects.toThrow();
  });
});
