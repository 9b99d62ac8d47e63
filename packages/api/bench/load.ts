// Load from a separate process, so the load generator does not share the measured server's event loop.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

export type LoadResult = { requests: number; p50: number; p99: number; errors: number; non2xx: number };

const autocannon = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

/** autocannon against one URL for `seconds`, loopback only, bounded in time. */
export function load(
  url: string,
  headers: Record<string, string>,
  { connections = 50, seconds = 5, body }: { connections?: number; seconds?: number; body?: string } = {},
) {
  if (!/^http:\/\/127\.0\.0\.1:/.test(url)) throw new Error("load runs target 127.0.0.1 only");
  const args = [autocannon, "-c", String(connections), "-d", String(seconds), "-j"];
  if (body !== undefined) args.push("-m", "POST", "-b", body);
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
    child.on("exit", () => {
      clearTimeout(timer);
      try {
        const r = JSON.parse(out);
        resolve({
          requests: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}
