import pg from "pg";
import { createDbWithPool } from "@edu/db";
import { createTestRedis } from "@edu/db/testing";
import { pino } from "pino";
import { recomputeRisk as oldRecompute } from "./orig/recompute";
import { recomputeRisk as newRecompute } from "../../../src/risk/recompute";
const src = process.argv[2] ?? "edu_scratch_risk";
const mode = process.argv[3] ?? "both";
const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS edu_scratch_cmp WITH (FORCE)`);
await admin.query(`CREATE DATABASE edu_scratch_cmp TEMPLATE ${src}`);
await admin.end();
const { db, pool } = createDbWithPool({ DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/edu_scratch_cmp`, DATABASE_POOL_MAX: 5 });
const redis = await createTestRedis();
const deps = { db, redis, log: pino({ level: "silent" }) } as any;
const nowOld = new Date("2026-12-01T12:00:00Z");
const nowNew = new Date("2026-12-01T12:00:00.001Z");
const runs = Number(process.argv[4] ?? 1);
const res: Record<string, unknown> = {};
for (let k = 0; k < runs; k++) {
  if (mode !== "new") { const a = performance.now(); res.old = await oldRecompute(deps, { scope: "all" }, nowOld); console.log("old ms", (performance.now() - a).toFixed(0), res.old); }
  if (mode !== "old") { const a = performance.now(); res.new = await newRecompute(deps, { scope: "all" }, k === 0 ? nowOld : nowNew); console.log("new ms", (performance.now() - a).toFixed(0), res.new); }
}
if (mode === "both") {
  const cols = `"studentId", "riskScore", "riskLevel", "submissionFrequency", "codeQualityTrend", "engagementScore", "feedbackResponseTime", confidence, "topFactors", "modelVersion", "predictedAt"`;
  const [diff] = await db.$queryRawUnsafe<any[]>(`
    WITH a AS (SELECT ${cols}, count(*) OVER (PARTITION BY "studentId") n FROM "RiskPrediction" WHERE "predictedAt" = '2026-12-01T12:00:00Z')
    SELECT count(*) total, count(DISTINCT "studentId") students, max(n) maxn,
      (SELECT count(*) FROM (SELECT ${cols.replace('"topFactors"', '"topFactors"::text')} FROM "RiskPrediction" WHERE "predictedAt" = '2026-12-01T12:00:00Z' GROUP BY ${cols.replace('"topFactors"', '"topFactors"::text')} HAVING count(*) <> 2) x) AS mismatched
    FROM a`);
  console.log(diff);
  const [bad] = await db.$queryRawUnsafe<any[]>(`SELECT count(*) FROM "RiskPrediction" WHERE "predictedAt" = '2026-12-01T12:00:00Z' AND "id"::text NOT LIKE '________-____-7%'`);
  console.log("non-v7 ids", bad);
}
await redis.cleanup(); await db.$disconnect(); await pool.end();
