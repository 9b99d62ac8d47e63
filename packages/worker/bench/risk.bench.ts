// Risk recompute for 10,000 students (goal: under 1.5 s), beside reading the same rows with one plain query.

import { header, row, timed, writeBenchmarkSection } from "@edu/db/testing";
import { seedDemoData } from "@edu/seed";
import { recomputeRisk } from "../src/risk/recompute";
import { createTestWorkerDeps } from "../test/support/deps";

export async function run() {
  header("Risk recompute");
  const deps = await createTestWorkerDeps();
  const { database } = deps;
  try {
    const seeded = await timed(() => seedDemoData(database.db, { students: 10_000 }));
    const seedSeconds = seeded.ms / 1000;
    row(
      "seed 10,000 students",
      `${seedSeconds.toFixed(1)} s (${seeded.value.submissions} submissions; goal < 15 s)`,
    );
    // Planner statistics, as autovacuum would have them on a live database minutes after such a load.
    await database.analyze();
    const baseline = await timed(
      () =>
        database.db
          .$queryRaw`SELECT s.id, count(sub.id) FROM "Student" s LEFT JOIN "Submission" sub ON sub."studentId" = s.id GROUP BY s.id`,
    );
    row("baseline: one query over students and submissions", `${baseline.ms.toFixed(0)} ms`);
    const result = await timed(() => recomputeRisk(deps, { scope: "all" }));
    const seconds = result.ms / 1000;
    row(
      "recompute risk for every student",
      `${seconds.toFixed(2)} s for ${result.value.students} students (goal < 1.5 s)`,
    );
    writeBenchmarkSection(
      "risk",
      "Risk recompute and seeding (`pnpm --filter @edu/worker bench risk`)",
      [
        "| figure | result | baseline in the same run | goal | met |",
        "|---|---|---|---|---|",
        `| seeding 10,000 students (\`seedDemoData\`, as \`pnpm db:seed --students 10000\`) | ${seedSeconds.toFixed(1)} s, ${seeded.value.submissions} submissions | — | < 15 s | ${seedSeconds < 15 ? "yes" : "no"} |`,
        `| risk recompute, ${result.value.students.toLocaleString("en")} students | ${seconds.toFixed(2)} s | one query over students and submissions: ${baseline.ms.toFixed(0)} ms | < 1.5 s | ${seconds < 1.5 ? "yes" : "no"} |`,
      ].join("\n"),
    );
  } finally {
    await deps.close();
  }
}
