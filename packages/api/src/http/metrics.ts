import type { DbPool } from "@edu/db";
import type { Queues } from "@edu/jobs";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// One registry per process: prom-client's global one would make tests that start several servers collide.
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requests = new Counter({
  name: "edu_trpc_requests_total",
  help: "tRPC procedure calls by procedure, type and result code",
  labelNames: ["procedure", "type", "code"] as const,
  registers: [registry],
});

const latency = new Histogram({
  name: "edu_trpc_request_duration_seconds",
  help: "tRPC procedure latency",
  labelNames: ["procedure", "type"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export function observeProcedure(procedure: string, type: string, code: string, seconds: number) {
  requests.inc({ procedure, type, code });
  latency.observe({ procedure, type }, seconds);
}

/** Gauges read at scrape time: the PostgreSQL pool and BullMQ queue depths. */
export function registerResourceGauges(pool: DbPool | undefined, queues: Queues) {
  for (const name of ["edu_db_pool_connections", "edu_queue_jobs"]) registry.removeSingleMetric(name);
  new Gauge({
    name: "edu_db_pool_connections",
    help: "PostgreSQL pool connections by state",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  new Gauge({
    name: "edu_queue_jobs",
    help: "BullMQ jobs by queue and state",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      for (const queue of Object.values(queues)) {
        try {
          const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "completed");
          for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
        } catch {
          // Redis away: the scrape still answers with what it has.
        }
      }
    },
  });
}
