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
  createFixtureRepo(root, "sam", "again", { "src/grade.js": GRADE_JS });
  createFixtureRepo(root, "sam", "again-copy", { "src/grade.js": GRADE_JS });
  createFixtureRepo(root, "sam", "again-changed", { "src/grade.js": `${GRADE_JS}\nexport const x = 1;\n` });
  createFixtureRepo(root, "sam", "starter", {
    "src/grade.js": GRADE_JS,
    "lib/given.py": WALK_PY,
    "tests/test_grade.py": "def test_grade():\n    assert True\n",
  });
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

async function submit(githubUrl: string, which = 0) {
  const assignments = await deps.db.assignment.findMany({
    where: { classId: seedId("class", "python") },
    orderBy: { id: "asc" },
  });
  const assignment = assignments[which] ?? assignments[0];
  if (!assignment) throw new Error("the seed has no python assignment");
  return deps.db.submission.create({
    data: { studentId, assignmentId: assignment.id, githubUrl },
  });
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
    expect(stored.maintainabilityRating).toBe("A");
    expect(stored.analysisMessage).toMatch(/^2 files, \d+ code lines, 2 functions/);
    expect(stored.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored.analysisSummary).toMatchObject({
      version: 1,
      excluded: { tests: [], data: [], starter: [] },
      capped: false,
      files: 2,
      functions: 2,
    });
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

  it("reuses the result of an earlier scored attempt with the same code, and says so", async () => {
    const first = await submit("https://github.com/sam/again", 1);
    await handleAnalysisJob(deps, { submissionId: first.id });
    const firstStored = await deps.db.submission.findUniqueOrThrow({
      where: { id: first.id },
      include: { findings: true },
    });
    // Another repository with the same files: same tree, same hash, whatever the commit.
    const second = await submit("https://github.com/sam/again-copy", 1);
    const result = await handleAnalysisJob(deps, { submissionId: second.id });
    expect(result.reused).toBe(true);
    const stored = await deps.db.submission.findUniqueOrThrow({
      where: { id: second.id },
      include: { findings: true },
    });
    expect(stored).toMatchObject({
      analysisStatus: "SCORED",
      codeQualityScore: firstStored.codeQualityScore,
      complexityScore: firstStored.complexityScore,
      maintainabilityRating: firstStored.maintainabilityRating,
      contentHash: firstStored.contentHash,
    });
    expect(stored.analysisMessage).toMatch(
      /^Same code as your attempt of \d{4}-\d\d-\d\d \d\d:\d\d UTC; result reused$/,
    );
    expect(stored.analysisSummary).toMatchObject({ reusedFrom: { submissionId: first.id } });
    expect(stored.findings.map((f) => [f.rule, f.line])).toEqual(
      firstStored.findings.map((f) => [f.rule, f.line]),
    );
    // The award is queued as for any scored submission (the award decides what an unchanged score earns).
    expect(await deps.queues.gamification.getJob(`gamification-submission-scored-${second.id}`)).toBeTruthy();
    // Changed code is analysed again.
    const third = await submit("https://github.com/sam/again-changed", 1);
    expect((await handleAnalysisJob(deps, { submissionId: third.id })).reused).toBe(false);
    const thirdStored = await deps.db.submission.findUniqueOrThrow({ where: { id: third.id } });
    expect(thirdStored.contentHash).not.toBe(firstStored.contentHash);
  });

  it("leaves the assignment's starter files and the tests out of the score, and lists them", async () => {
    const submission = await submit("https://github.com/sam/starter", 2);
    await deps.db.assignment.update({
      where: { id: submission.assignmentId },
      data: { starterPaths: ["lib/"] },
    });
    await handleAnalysisJob(deps, { submissionId: submission.id });
    const stored = await deps.db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.analysisSummary).toMatchObject({
      files: 1,
      excluded: { starter: ["lib/given.py"], tests: ["tests/test_grade.py"], data: [] },
    });
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
