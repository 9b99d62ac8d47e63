// The api process: loads its config, serves HTTP, and on SIGTERM/SIGINT stops taking requests, lets those
// in flight finish, then closes its connections.
import { pino } from "pino";
import { loadApiConfig } from "./config";
import { createApiDeps } from "./deps";
import { buildServer } from "./server";

const config = loadApiConfig();
const log = pino({ level: config.LOG_LEVEL, base: { service: "api" } });
const deps = createApiDeps(config, log);
const app = await buildServer(deps);
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "api shutting down");
  await app.close();
  await deps.close();
  process.exit(0);
}
// Handlers go in before listening, so a signal during start-up also ends cleanly.
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ host: config.API_HOST, port: config.API_PORT });
