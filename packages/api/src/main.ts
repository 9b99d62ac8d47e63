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
await app.listen({ host: config.API_HOST, port: config.API_PORT });

async function shutdown(signal: string) {
  log.info({ signal }, "api shutting down");
  await app.close();
  await deps.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
