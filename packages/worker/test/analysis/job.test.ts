import { rmSync } from "node:fs";
import { blockingConnectionOptions } from "@edu/db/redis";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAnalysisJob } from "../../src/analysis/job";
import { assertAllowedUrl, fetchRepository, RepositoryError } from "../../src/analysis/source";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";
import { createFixtureRepo, createFixtureRoot, GRADE_JS, WALK_PY } from "../support/fixtures";

let deps: TestWorkerDeps;
let root: string;
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  root = createFixtureRoot();
  createFixtureRepo(root, "sam", "kata", {
    "src/grade.js": GRADE_JS,
    "src/walk.py": WALK_PY,
    "README.md": "# kata\n",
  });
  const filler = (c: string) => c.repeat(2000);
  createFixtureRepo(root, "sam", "bomb", { "a.js": filler("x"), "b.js": filler("y"), "c.js": filler("z") });
  createFixtureRepo(
    root,
    "sam",
    "huge",
    Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`src/f${i}.js`, GRADE_JS])),
  );
  deps = await createTestWorkerDeps({
    students: 3,
    env: {
      ANALYSIS_SOURCE: "local",
      ANALYSIS_LOCAL_ROOT: root,
      ANALYSIS_MAX_FILES: "5",
      ANALYSIS_MAX_EXTRACTED_BYTES: "4000",
    },
  });
}, 120_000);
afterAll(async () => {
  await deps?.close();
  rmSync(root, { recursive: true, force: true });
});

async function submit(githubUrl: string) {
  const assignment = await deps.db.assignment.findFirstOrThrow({
    where: { classId: seedId("class", "python") },
  });
  return deps.db.submission.create({ data: { studentId, assignmentId: assignment.id, githubUrl } });
}

describe("handleAnalysisJob", () => {
  it("scores a submission, stores its findings, announces it and queues points and risk", async () => {
    const submission = await submit("https://github.com/sam/kata");
    const reader = deps.redis.redis.duplicate(blockingConnectionOptions);
    const result = await handleAnalysisJob(deps, { submissionId: submission.id });
    const stored = await deps.db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored).toMatchObject({
      analysisStatus: "SCORED",
      codeQualityScore: result.codeQualityScore,
      complexityScore: result.complexityScore,
    });
    expect(stored.codeQualityScore).toBeGreaterThan(80);
    expect(stored.analysisMessage).toMatch(/^Rating A: 2 files/);
    const events = await deps.redis.updates.read(reader, "submission", submission.id, "0", 100);
    reader.disconnect();
    expect(events.at(-1)?.event.data).toMatchObject({ status: "SCORED" });
    const followUps = await Promise.all([
      deps.queues.gamification.getJob(`gamification-submission-scored-${submission.id}`),
      deps.queues.risk.getJob(`risk-student-${studentId}-submission-${submission.id}`),
    ]);
    expect(followUps.map((job) => job?.data)).toEqual([
      { kind: "submission-scored", submissionId: submission.id },
      { scope: "student", studentId },
    ]);
    // A second run replaces the findings instead of adding to them.
    const before = await deps.db.analysisFinding.count({ where: { submissionId: submission.id } });
    await handleAnalysisJob(deps, { submissionId: submission.id });
    expect(await deps.db.analysisFinding.count({ where: { submissionId: submission.id } })).toBe(before);
  });

  it.each([
    ["https://github.com/sam/huge", /more than 5 files/],
    ["https://github.com/sam/bomb", /unpacks to more than 0\.00 MB/],
    ["https://github.com/sam/missing", /not found/],
    ["https://github.com/sam/kata/tree/no-such-branch", /not found/],
  ])("fails %s cleanly, with a message and no retry", async (url, message) => {
    const submission = await submit(url);
    await expect(handleAnalysisJob(deps, { submissionId: submission.id })).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const stored = await deps.db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.analysisStatus).toBe("FAILED");
    expect(stored.analysisMessage).toMatch(message);
  });
});

describe("repository sources", () => {
  it("fetch only from GitHub over https, whatever a redirect says", () => {
    expect(assertAllowedUrl("https://codeload.github.com/a/b/tar.gz/HEAD").hostname).toBe(
      "codeload.github.com",
    );
    for (const url of [
      "http://github.com/a/b",
      "https://169.254.169.254/latest/meta-data",
      "https://github.com.evil.example/x",
      "https://github.com:444/a",
      "file:///etc/passwd",
      "https://user:pw@github.com/a",
    ]) {
      expect(() => assertAllowedUrl(url)).toThrow(RepositoryError);
    }
  });

  it("refuse submission URLs that are not GitHub repositories before any download", async () => {
    await expect(fetchRepository("http://169.254.169.254/", deps.config)).rejects.toThrow(/https/);
    await expect(fetchRepository("https://github.com/../../etc", deps.config)).rejects.toThrow(
      RepositoryError,
    );
  });
});
