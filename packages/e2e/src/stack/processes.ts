// The api and worker as real processes (src/main.ts through tsx, as `npm start` runs them), each behind
// scripts/guard.mjs so that it stops when the test runner goes away, however it goes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { e2eDir, logsDir } from "./paths";

export type Service = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The last lines of the service's log, for error messages. */
  tail(lines?: number): string;
  stop(): Promise<void>;
};

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Runs `node --import tsx src/main.ts` in packages/{cwd}'s folder with `env`, logging to logs/{name}.log. */
export function startService(name: string, cwd: string, env: NodeJS.ProcessEnv): Service {
  const logFile = join(logsDir, `${name}.log`);
  const log = openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [join(e2eDir, "scripts", "guard.mjs"), process.execPath, "--import", "tsx", "src/main.ts"],
    // Its own process group, so a last-resort SIGKILL reaches the service behind the guard as well.
    { cwd, env, stdio: ["pipe", log, log], detached: true },
  );
  closeSync(log);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    const killer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 15_000);
    await exited(child);
    clearTimeout(killer);
  };
  return { name, child, logFile, tail: (lines) => tailOf(logFile, lines), stop };
}

/** Resolves when `ready()` answers true; fails when the service exits first or `seconds` pass. */
export async function waitUntilReady(
  service: Service,
  ready: () => Promise<boolean>,
  seconds: number,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`the ${service.name} stopped while starting:\n${service.tail()}`);
    }
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`the ${service.name} was not ready within ${seconds} s:\n${service.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs a one-off command to its end (bounded), logging to logs/{name}.log; throws with the log's tail. */
export function runToEnd(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): void {
  const logFile = join(logsDir, `${name}.log`);
  const log = openSync(logFile, "w");
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", log, log],
    timeout: options.timeoutMs,
    killSignal: "SIGKILL",
  });
  closeSync(log);
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`${name} failed (${why}):\n${tailOf(logFile)}`);
  }
}
