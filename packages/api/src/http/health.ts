import { createHash, timingSafeEqual } from "node:crypto";
import { migrationStatus } from "@edu/db";
import type { FastifyInstance } from "fastify";
import type { ApiDeps } from "../deps";
import { registry } from "./metrics";

async function check(run: () => Promise<unknown>): Promise<{ ok: boolean; detail?: unknown }> {
  try {
    const detail = await run();
    return { ok: true, detail };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}

/** Liveness, readiness (PostgreSQL, Redis, migrations) and, with METRICS_TOKEN set, Prometheus metrics. */
export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps) {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_req, reply) => {
    const [postgres, redis, migrations] = await Promise.all([
      check(() => deps.db.$queryRaw`SELECT 1`.then(() => undefined)),
      check(() => deps.redis.redis.ping()),
      check(async () => {
        const status = await migrationStatus(deps.db);
        if (status.pending.length > 0) throw new Error(`pending migrations: ${status.pending.join(", ")}`);
        return status;
      }),
    ]);
    const ready = postgres.ok && redis.ok && migrations.ok;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ready" : "not ready", postgres, redis, migrations });
  });

  const { METRICS_TOKEN } = deps.config;
  if (!METRICS_TOKEN) return;
  const expected = createHash("sha256").update(`Bearer ${METRICS_TOKEN}`).digest();
  app.get("/metrics", async (req, reply) => {
    const given = createHash("sha256")
      .update(req.headers.authorization ?? "")
      .digest();
    if (!timingSafeEqual(given, expected)) return reply.code(401).send({ error: "Bearer token required" });
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}
