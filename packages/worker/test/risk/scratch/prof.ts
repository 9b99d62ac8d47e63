import { createDbWithPool } from "@edu/db";
import { computeFeatures, predictionRecord } from "@edu/domain";
import { loadRiskInputs } from "../../../src/risk/load";
const name = process.argv[2] ?? "edu_scratch_risk";
const { db, pool } = createDbWithPool({ DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`, DATABASE_POOL_MAX: 5 });
const now = new Date();
const ids = (await db.student.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
const t: Record<string, number> = { load: 0, features: 0, predict: 0 };
let t0 = performance.now();
for (let i = 0; i < ids.length; i += 1000) {
  const chunk = ids.slice(i, i + 1000);
  let a = performance.now();
  const activity = await loadRiskInputs(db, chunk, now);
  t.load += performance.now() - a;
  a = performance.now();
  const feats = chunk.map((id) => computeFeatures(activity.get(id)!, now));
  t.features += performance.now() - a;
  a = performance.now();
  feats.map((f) => predictionRecord(f));
  t.predict += performance.now() - a;
  if (i === 0) {
    const act = [...activity.values()];
    console.log("avg subs", act.reduce((s, x) => s + x.submissions.length, 0) / act.length, "avg pastDue", act.reduce((s, x) => s + x.pastDueAssignments.length, 0) / act.length, "avg fb", act.reduce((s, x) => s + x.feedbackAt.length, 0) / act.length, "avg days", act.reduce((s, x) => s + x.otherActiveDays.length, 0) / act.length);
  }
}
console.log(t, "total", performance.now() - t0);
await db.$disconnect(); await pool.end();
