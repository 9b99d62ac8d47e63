// Real worker processes (src/main.ts): each scheduler exists once however many run, a start clears what killed
// workers left, and a worker killed with SIGKILL mid-job leaves the job to another without counting points twice.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BADGE_RARITY_SCHEDULER,
  enqueueAnalysis,
  enqueueGamification,
  NIGHTLY_RISK_SCHEDULER,
  RECONCILE_SCHEDULER,
} from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createTestWorkerDeps, type TestWorkerDeps } from "./support/deps";
import { createFixtureRepo, createFixtureRoot, GRADE_JS, WALK_PY } from "./support/fixtures";
import { exited, startWorkerProcess as start, stopAll, until } from "./support/worker-process";

let deps: TestWorkerDeps;
const running: ChildProcess[] = [];

const startWorkerProcess = (extraEnv: Record<string, string> = {}) =>
  start({ DATABASE_URL: deps.database.url, REDIS_KEY_PREFIX: deps.redis.keys.prefix, ...extraEnv }, running);

beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 3 });
}, 120_000);
afterAll(async () => {
  await stopAll(running);
  await deps?.close();
}, 60_000);

describe("worker processes", () => {
  it("register each scheduler once with two workers running, clear what killed workers left, and stop cleanly on SIGTERM", async () => {
    // A temp folder of their own, holding a killed worker's analysis folder (old enough after a second).
    const tmp = mkdtempSync(join(tmpdir(), "edu-worker-tmp-"));
    onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
    mkdirSync(join(tmp, "edu-analysis-left"));
    await new Promise((r) => setTimeout(r, 1_100));
    const env = { TMPDIR: tmp, ANALYSIS_TMP_MAX_AGE_MS: "1000", RECONCILE_EVERY_MS: "60000" };
    const [a, b] = await Promise.all([startWorkerProcess(env), startWorkerProcess(env)]);
    expect(readdirSync(tmp).filter((name) => name.startsWith("edu-analysis-"))).toEqual([]);
    const schedulers = await deps.queues.risk.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([NIGHTLY_RISK_SCHEDULER.id]);
    expect(schedulers[0]?.pattern).toBe(NIGHTLY_RISK_SCHEDULER.pattern);
    expect(await deps.queues.risk.getDelayedCount()).toBe(1);
    const reconcile = await deps.queues.maintenance.getJobSchedulers();
    expect(reconcile.map((s) => [s.key, s.every ?? s.pattern]).sort()).toEqual(
      [
        [BADGE_RARITY_SCHEDULER.id, BADGE_RARITY_SCHEDULER.pattern],
        [RECONCILE_SCHEDULER.id, 60_000],
      ].sort(),
    );
    a?.kill("SIGTERM");
    b?.kill("SIGTERM");
    await Promise.all([exited(a as ChildProcess), exited(b as ChildProcess)]);
    expect([a?.exitCode, b?.exitCode]).toEqual([0, 0]);
  }, 60_000);

  it("hands a job whose worker was killed mid-job to another worker, and counts the points once", async () => {
    const studentId = seedId("student", DEMO_LOGINS.student);
    const assignment = await deps.db.assignment.findFirstOrThrow({
      where: { classId: seedId("class", "python") },
    });
    const submission = await deps.db.submission.create({
      data: {
        studentId,
        assignmentId: assignment.id,
        githubUrl: "https://github.com/sam/k",
        codeQualityScore: 90,
        analysisStatus: "SCORED",
      },
    });
    const before = (await deps.db.student.findUniqueOrThrow({ where: { id: studentId } })).currentPoints;

    // Hold the student's row, so the first worker stops inside its award transaction.
    const blocker = new pg.Client({ connectionString: deps.database.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Student" WHERE id = $1 FOR UPDATE`, [studentId]);

    const first = await startWorkerProcess();
    const job = await enqueueGamification(deps.queues, {
      kind: "submission-scored",
      submissionId: submission.id,
    });
    expect(
      await until(
        () => job.getState(),
        (s) => s === "active",
      ),
    ).toBe("active");
    first.kill("SIGKILL");
    await exited(first);
    await blocker.query("COMMIT");
    await blocker.end();

    await startWorkerProcess();
    const state = await until(
      () => job.getState(),
      (s) => s === "completed",
      30,
    );
    expect(state).toBe("completed");
    const after = (await deps.db.student.findUniqueOrThrow({ where: { id: studentId } })).currentPoints;
    expect(
      await deps.db.gamificationEvent.count({ where: { dedupeKey: `submission:${submission.id}` } }),
    ).toBe(1);
    const event = await deps.db.gamificationEvent.findUniqueOrThrow({
      where: { dedupeKey: `submission:${submission.id}` },
    });
    expect(after - before).toBe(event.pointsAwarded);
  }, 90_000);

  it("carries a submission from analysis through points and risk", async () => {
    // Only a worker reading local repositories may take this job.
    for (const child of running) if (child.exitCode === null && !child.signalCode) child.kill("SIGTERM");
    await Promise.all(running.map(exited));
    const root = createFixtureRoot();
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    createFixtureRepo(root, "sam", "pipeline", { "src/grade.js": GRADE_JS, "src/walk.py": WALK_PY });
    await startWorkerProcess({ ANALYSIS_SOURCE: "local", ANALYSIS_LOCAL_ROOT: root });
    const studentId = seedId("student", DEMO_LOGINS.student);
    const assignment = await deps.db.assignment.findFirstOrThrow({
      where: { classId: seedId("class", "python") },
      orderBy: { dueDate: "desc" },
    });
    const submission = await deps.db.submission.create({
      data: { studentId, assignmentId: assignment.id, githubUrl: "https://github.com/sam/pipeline" },
    });
    const predictionsBefore = await deps.db.riskPrediction.count({ where: { studentId } });
    await enqueueAnalysis(deps.queues, submission.id);

    const scored = await until(
      () => deps.db.submission.findUniqueOrThrow({ where: { id: submission.id } }),
      (s) => s.analysisStatus === "SCORED" || s.analysisStatus === "FAILED",
      60,
    );
    expect(scored.analysisStatus).toBe("SCORED");
    const event = await until(
      () => deps.db.gamificationEvent.findUnique({ where: { dedupeKey: `submission:${submission.id}` } }),
      (e) => e !== null,
    );
    expect(event?.pointsAwarded).toBeGreaterThanOrEqual(20); // submitted before the due date
    expect(
      await until(
        () => deps.db.riskPrediction.count({ where: { studentId } }),
        (n) => n > predictionsBefore,
      ),
    ).toBe(predictionsBefore + 1);
  }, 120_000);
});
