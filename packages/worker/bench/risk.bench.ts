// Risk recompute for 10,000 students (goal: under 1.5 s), beside reading the same rows with one plain query.

import { header, row, timed } from "@edu/db/testing";
import { seedDemoData } from "@edu/seed";
import { recomputeRisk } from "../src/risk/recompute";
import { createTestWorkerDeps } from "../test/support/deps";

export async function run() {
  header("Risk recompute");
  const deps = await createTestWorkerDeps();
  const { database } = deps;
  try {
    const seeded = await timed(() => seedDemoData(database.db, { students: 10_000 }));
    row(
      "seed 10,000 students (setup)",
      `${(seeded.ms / 1000).toFixed(1)} s (${seeded.value.submissions} submissions)`,
    );
    const baseline = await timed(
      () =>
        database.db
          .$queryRaw`SELECT s.id, count(sub.id) FROM "Student" s LEFT JOIN "Submission" sub ON sub."studentId" = s.id GROUP BY s.id`,
    );
    row("baseline: one query over students and submissions", `${baseline.ms.toFixed(0)} ms`);
    const result = await timed(() => recomputeRisk(deps, { scope: "all" }));
    row(
      "recompute risk for every student",
      `${(result.ms / 1000).toFixed(2)} s for ${result.value.students} students (goal < 1.5 s)`,
    );
  } finally {
    await deps.close();
  }
}
