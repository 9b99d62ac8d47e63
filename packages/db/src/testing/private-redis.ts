// A redis-server of the test's own on a free port, so a test may kill, pause or replace
// it without touching the machine's Redis. No RDB, no AOF: a killed server comes back empty, as after a loss.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export type PrivateRedis = {
  url: string;
  port: number;
  process: ChildProcess;
  kill(): Promise<void>;
  cleanup(): Promise<void>;
};

/** `port` reuses the port of a server killed before, so clients reconnect to the new, empty one. */
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
  const chosen = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "edu-redis-"));
  const child = spawn(
    "redis-server",
    ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`http://127.0.0.1:${chosen}`).then(
      () => true,
      (e) => !String(e.cause?.code).includes("ECONNREFUSED"),
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
  };
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    process: child,
    kill,
    async cleanup() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
