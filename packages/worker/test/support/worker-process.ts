// Real worker processes (src/main.ts) for tests, and bounded waiting for what they do.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** Starts `src/main.ts` with `env` over the test's own, resolving once it logs "worker ready". */
export function startWorkerProcess(
  env: Record<string, string>,
  running: ChildProcess[],
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "..", "..", "src", "main.ts")],
    {
      env: {
        ...process.env,
        JOB_LOCK_DURATION_MS: "1500",
        JOB_STALLED_INTERVAL_MS: "1000",
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on("data", (chunk) => (output += chunk));
  });
}

export const exited = (child: ChildProcess) =>
  new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once("exit", r)));

/** Stops what is still running: SIGTERM lets jobs finish (and clean their folders), SIGKILL after 10 s. */
export async function stopAll(running: ChildProcess[]): Promise<void> {
  const alive = running.filter((child) => child.exitCode === null && !child.signalCode);
  for (const child of alive) {
    child.kill("SIGCONT"); // a stopped process cannot act on SIGTERM
    child.kill("SIGTERM");
  }
  const timer = setTimeout(() => {
    for (const child of alive) child.kill("SIGKILL");
  }, 10_000);
  await Promise.all(alive.map(exited));
  clearTimeout(timer);
}

/** Probes until `ok` or `seconds` pass; returns the last value, for the caller to assert on. */
export async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
