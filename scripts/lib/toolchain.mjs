// Finds pnpm (the version package.json names), installing it under .data/tools when it is missing, so a
// fresh clone needs nothing but Node and npm.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fail, root, step } from "./output.mjs";

const wanted = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const localPnpm = join(root, ".data", "tools", "node_modules", ".bin", "pnpm");

function versionOf(command) {
  const result = spawnSync(command, ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  return result.status === 0 ? result.stdout.trim() : null;
}

// Child processes (turbo runs `pnpm run ...`) must find the same pnpm on PATH.
function useLocalPnpm() {
  process.env.PATH = `${dirname(localPnpm)}${delimiter}${process.env.PATH ?? ""}`;
  return localPnpm;
}

export function ensurePnpm() {
  const onPath = versionOf("pnpm");
  if (onPath?.split(".")[0] === wanted.split(".")[0]) return "pnpm";
  if (existsSync(localPnpm) && versionOf(localPnpm) === wanted) return useLocalPnpm();
  step(
    `installing pnpm ${wanted} into .data/tools (pnpm ${onPath ? `${onPath} is not major ${wanted.split(".")[0]}` : "is not installed"})`,
  );
  const npm = spawnSync(
    "npm",
    [
      "install",
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--prefix",
      join(root, ".data", "tools"),
      `pnpm@${wanted}`,
    ],
    {
      stdio: "inherit",
    },
  );
  if (npm.status !== 0 || !existsSync(localPnpm))
    fail(`could not install pnpm ${wanted} with npm; install it yourself: npm install -g pnpm@${wanted}`);
  return useLocalPnpm();
}

/** Runs a command to completion with inherited output; exits with its status on failure. */
export function run(command, args, { env = process.env, what = `${command} ${args.join(" ")}` } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** True when node_modules was installed from the current lockfile (pnpm keeps a copy of it there). */
function installedFromCurrentLockfile() {
  const installed = join(root, "node_modules", ".pnpm", "lock.yaml");
  const generatedClient = join(root, "packages", "db", "src", "generated", "prisma", "client.ts");
  return (
    existsSync(installed) &&
    existsSync(generatedClient) &&
    readFileSync(installed, "utf8") === readFileSync(join(root, "pnpm-lock.yaml"), "utf8")
  );
}

export function installDependencies(pnpm, { skipWhenCurrent = false } = {}) {
  if (skipWhenCurrent && installedFromCurrentLockfile()) return;
  step("installing dependencies");
  run(pnpm, ["install", ...(process.env.CI ? ["--frozen-lockfile"] : [])], { what: "pnpm install" });
}
