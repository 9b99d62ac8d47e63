// The analysis queue's processor runs in a worker thread (workers.ts, analysis/processor.ts): while a large
// repository is parsed, linted and searched for clones, the main thread keeps consuming the other queues and
// renewing the analysis job's lock, so a short lock (1.5 s here) is never lost and the job completes on its
// first attempt.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { enqueueAnalysis, enqueueGamification } from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createTestWorkerDeps, type TestWorkerDeps } from "./support/deps";
import { createFixtureRepo, createFixtureRoot } from "./support/fixtures";
import { startWorkerProcess, stopAll, until } from "./support/worker-process";

let deps: TestWorkerDeps;
const running: ChildProcess[] = [];

beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 3 });
}, 120_000);
afterAll(async () => {
  await stopAll(running);
  await deps?.close();
}, 60_000);

/** A JavaScript function of its own with a few branches, about 14 lines. */
const generatedFunction = (file: number, fn: number) => `export function rule${file}x${fn}(order, limit) {
  let total = ${file * 31 + fn};
  for (const line of order.lines) {
    if (line.quantity > ${fn + 2} && line.price < limit) {
      total += line.price * ${file + 1};
    } else if (line.kind === "k${file}-${fn}") {
      total -= ${fn * 7 + 3};
    } else {
      total += line.quantity % ${fn + 5};
    }
  }
  return total > limit ? "over-${file}-${fn}" : total;
}
`;

/** A repository of `files` files of 12 functions each (about 170 code lines per file). */
function largeRepository(files: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: files }, (_, file) => [
      `src/rules/part${file}.js`,
      `// Pricing rules, part ${file}.\n${Array.from({ length: 12 }, (_, fn) => generatedFunction(file, fn)).join("\n")}`,
    ]),
  );
}

describe("sandboxed analysis", () => {
  it("lets another queue's job complete while a large repository is analysed, and keeps the analysis job's lock", async () => {
    const root = createFixtureRoot();
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    createFixtureRepo(root, "sam", "large", largeRepository(400));
    // JOB_LOCK_DURATION_MS 1500 and JOB_STALLED_INTERVAL_MS 1000 (the helper's): a thread blocked for 1.5 s loses it.
    await startWorkerProcess(
      {
        DATABASE_URL: deps.database.url,
        REDIS_KEY_PREFIX: deps.redis.keys.prefix,
        ANALYSIS_SOURCE: "local",
        ANALYSIS_LOCAL_ROOT: root,
        RECONCILE_EVERY_MS: "600000",
      },
      running,
    );
    const studentId = seedId("student", DEMO_LOGINS.student);
    const assignment = await deps.db.assignment.findFirstOrThrow({
      where: { classId: seedId("class", "python") },
      orderBy: { dueDate: "desc" },
    });
    const large = await deps.db.submission.create({
      data: { studentId, assignmentId: assignment.id, githubUrl: "https://github.com/sam/large" },
    });
    const analysis = await enqueueAnalysis(deps.queues, large.id);
    const status = () =>
      deps.db.submission.findUniqueOrThrow({ where: { id: large.id } }).then((s) => s.analysisStatus);
    expect(await until(status, (s) => s === "ANALYZING", 30)).toBe("ANALYZING");
    // Well into the analysis (the fetch of a local repository takes a fraction of this).
    await new Promise((r) => setTimeout(r, 2_000));

    const scored = await deps.db.submission.create({
      data: {
        studentId,
        assignmentId: assignment.id,
        githubUrl: "https://github.com/sam/small",
        codeQualityScore: 90,
        analysisStatus: "SCORED",
      },
    });
    const points = await enqueueGamification(deps.queues, {
      kind: "submission-scored",
      submissionId: scored.id,
    });
    const started = Date.now();
    expect(
      await until(
        () => points.getState(),
        (s) => s === "completed",
        30,
      ),
    ).toBe("completed");
    const pointsMs = Date.now() - started;
    // The points were awarded while the large repository was still being analysed.
    expect(await status()).toBe("ANALYZING");
    expect(await analysis.getState()).toBe("active");
    expect(pointsMs).toBeLessThan(5_000);

    expect(await until(status, (s) => s === "SCORED" || s === "FAILED", 240)).toBe("SCORED");
    const done = await until(
      async () => deps.queues.analysis.getJob(analysis.id as string),
      (job) => job?.finishedOn !== undefined,
    );
    expect(done?.id).toBe(`analysis-${large.id}`);
    expect(await done?.getState()).toBe("completed");
    // One attempt, never found stalled: its lock held throughout.
    expect(done?.attemptsStarted).toBe(1);
    expect(done?.stalledCounter).toBe(0);
    expect(done?.failedReason ?? "").toBe("");
  }, 300_000);
});
