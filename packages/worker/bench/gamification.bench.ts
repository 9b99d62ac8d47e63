// Gamification awards per second, beside plain single-row INSERTs per second on the same database.

import { header, row, timed, writeBenchmarkSection } from "@edu/db/testing";
import { DEMO_LOGINS, seedDemoData, seedId } from "@edu/seed";
import pg from "pg";
import { awardForScoredSubmission } from "../src/gamification/award";
import { createTestWorkerDeps } from "../test/support/deps";

const AWARDS = 1_000;
const CONCURRENCY = 8;
// The seeded institution of the other benches: awards go to students spread over it.
const STUDENTS = 10_000;

async function inParallel(count: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

export async function run() {
  header("Gamification awards");
  const deps = await createTestWorkerDeps();
  const { database } = deps;
  try {
    await seedDemoData(database.db, { students: STUDENTS });
    const students = await database.db.student.findMany({
      select: { id: true, enrollments: { select: { classId: true }, take: 1 } },
    });
    const assignments = await database.db.assignment.findMany({ select: { id: true, classId: true } });
    const rows = Array.from({ length: AWARDS }, (_, i) => {
      const student = students[i % students.length];
      const assignment =
        assignments.find((a) => a.classId === student?.enrollments[0]?.classId) ?? assignments[0];
      return {
        studentId: student?.id ?? seedId("student", DEMO_LOGINS.student),
        assignmentId: assignment?.id ?? "",
        githubUrl: "https://github.com/b/b",
        codeQualityScore: 50 + (i % 50),
        analysisStatus: "SCORED" as const,
      };
    });
    const submissions = await database.db.submission.createManyAndReturn({
      data: rows,
      select: { id: true },
    });
    // Planner statistics, as autovacuum would have them on a live database minutes after such a load.
    await database.analyze();
    // DDL needs the owner; default privileges give the application role (database.db) its rows at once.
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    await owner.query("CREATE TABLE bench_scratch (id serial PRIMARY KEY, note text)");
    await owner.end();
    const baseline = await timed(() =>
      inParallel(
        AWARDS,
        (i) => database.db.$executeRaw`INSERT INTO bench_scratch (note) VALUES (${String(i)})`,
      ),
    );
    row(
      `baseline: ${AWARDS} single-row INSERTs, ${CONCURRENCY} at a time`,
      `${((AWARDS / baseline.ms) * 1000).toFixed(0)} /s`,
    );
    const awards = await timed(() =>
      inParallel(AWARDS, (i) => awardForScoredSubmission(deps, submissions[i]?.id ?? "")),
    );

    const perSecond = (AWARDS / awards.ms) * 1000;
    const insertsPerSecond = (AWARDS / baseline.ms) * 1000;
    const ratio = baseline.ms / awards.ms;
    row(
      `${AWARDS} awards (points, streak, badges, leaderboards)`,
      `${perSecond.toFixed(0)} /s · ${ratio.toFixed(2)}× the INSERTs (goal ≥ 0.3×)`,
    );
    writeBenchmarkSection(
      "gamification",
      "Gamification awards (`pnpm --filter @edu/worker bench gamification`)",
      [
        "| figure | result | baseline in the same run | ratio | goal | met |",
        "|---|---|---|---|---|---|",
        `| ${AWARDS} awards, ${CONCURRENCY} at a time (points, streak, badges, leaderboards; exactly once) | ${perSecond.toFixed(0)} /s | ${AWARDS} single-row INSERTs, ${CONCURRENCY} at a time: ${insertsPerSecond.toFixed(0)} /s | ${ratio.toFixed(2)}× | ≥ 0.3× | ${ratio >= 0.3 ? "yes" : "no"} |`,
      ].join("\n"),
    );
  } finally {
    await deps.close();
  }
}
