#!/usr/bin/env node
// `npm start`: installs, makes sure PostgreSQL and Redis answer, applies migrations as the owner and sets up the
// application role (packages/db/scripts/app-role.mjs), seeds an empty database with the demo data as that role,
// then runs api + worker + web with only the application role's URL and prints the URL to open. Ctrl-C stops all three.
import { spawn } from "node:child_process";
import { fail, root, step } from "./lib/output.mjs";
import { ensureServices } from "./lib/services.mjs";
import { ensurePnpm, installDependencies, run } from "./lib/toolchain.mjs";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) fail(`Node 20 or newer is needed (this is ${process.version})`);

const apiPort = Number(process.env.API_PORT || 3000);
const webPort = Number(process.env.WEB_PORT || 5173);
const pnpm = ensurePnpm();
installDependencies(pnpm, { skipWhenCurrent: true });
const services = await ensureServices();
const { MIGRATION_DATABASE_URL, ...appServices } = services;
// What api, worker, web and the seed see: the owner's URL is not among it.
const env = {
  ...process.env,
  ...appServices,
  API_PORT: String(apiPort),
  WEB_PORT: String(webPort),
  API_URL: `http://127.0.0.1:${apiPort}`,
  WEB_ORIGIN: process.env.WEB_ORIGIN || `http://localhost:${webPort}`,
};
delete env.MIGRATION_DATABASE_URL;

step("applying database migrations as the owner and granting the application role its rows");
run(pnpm, ["--filter", "@edu/db", "db:deploy"], {
  env: { ...env, MIGRATION_DATABASE_URL },
  what: "prisma migrate deploy",
});
step("seeding demo data if the database is empty");
run(pnpm, ["--filter", "@edu/seed", "db:seed", "--if-empty"], { env, what: "the seed" });

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  setTimeout(() => process.exit(code), 1500).unref();
}

function launch(name, args) {
  // Each service runs in its own process group, so stopping reaches pnpm's children too.
  const child = spawn(pnpm, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream.on("data", (chunk) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`\u2716 ${name} stopped (${signal ?? `exit ${code}`}); stopping the others`);
      stopAll(1);
    }
  });
  children.push(child);
}

launch("api", ["--filter", "@edu/api", "start"]);
launch("worker", ["--filter", "@edu/worker", "start"]);
launch("web", ["--filter", "@edu/web", "dev"]);
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
for (let i = 0; i < 120 && !stopping; i++) {
  if (
    (await answers(`http://127.0.0.1:${apiPort}/healthz`)) &&
    (await answers(`http://127.0.0.1:${webPort}/`))
  ) {
    step(
      `EduPlatform is running: open http://localhost:${webPort}  (api: http://localhost:${apiPort}/trpc, sign in as student@demo.edu / demo-password)`,
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
