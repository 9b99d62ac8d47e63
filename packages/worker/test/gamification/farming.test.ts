// The reported farming, replayed through the real job path (handleAnalysisJob → the gamification job it queues):
// identical resubmissions used to earn +45 each (20 copies: +900, four badges); after feedback on one weak
// attempt, every later copy of the good code earned +65. Now an assignment pays the improvement of each attempt.

import { rmSync } from "node:fs";
import { ASSIGNMENT_MAX_POINTS, computeFeatures } from "@edu/domain";
import { gamificationJobId } from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAnalysisJob } from "../../src/analysis/job";
import { handleGamificationJob } from "../../src/gamification/job";
import { loadRiskInputs } from "../../src/risk/load";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";
import { branchy, createFixtureRepo, createFixtureRoot, GRADE_JS, WALK_PY } from "../support/fixtures";

let deps: TestWorkerDeps;
let root: string;
const studentId = seedId("student", DEMO_LOGINS.student);
const python = seedId("class", "python");

beforeAll(async () => {
  root = createFixtureRoot();
  createFixtureRepo(root, "sam", "good", { "src/grade.js": GRADE_JS, "src/walk.py": WALK_PY });
  createFixtureRepo(
    root,
    "sam",
    "weak",
    Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`src/f${i}.js`, branchy(`f${i}`)])),
  );
  deps = await createTestWorkerDeps({
    students: 3,
    env: { ANALYSIS_SOURCE: "local", ANALYSIS_LOCAL_ROOT: root },
  });
}, 120_000);
afterAll(async () => {
  await deps?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A fresh assignment of the student's Python class, due in a week. */
const newAssignment = (title: string) =>
  deps.db.assignment.create({
    data: { classId: python, title, dueDate: new Date(Date.now() + 7 * 86_400_000) },
  });

/** Submits, analyses and awards as the worker does: the award job is the one the analysis queued. */
async function submitThroughJobs(assignmentId: string, githubUrl: string) {
  const { id } = await deps.db.submission.create({ data: { studentId, assignmentId, githubUrl } });
  await handleAnalysisJob(deps, { submissionId: id });
  const job = await deps.queues.gamification.getJob(
    gamificationJobId({ kind: "submission-scored", submissionId: id }),
  );
  expect(job, "the analysis queues the award").toBeDefined();
  const result = await handleGamificationJob(deps, job?.data);
  return { id, awarded: result?.awarded ?? 0, badges: result?.badges ?? [] };
}

const snapshot = async () => {
  const [student, events, badges] = await Promise.all([
    deps.db.student.findUniqueOrThrow({ where: { id: studentId } }),
    deps.db.gamificationEvent.aggregate({ where: { studentId }, _sum: { pointsAwarded: true } }),
    deps.db.studentBadge.findMany({ where: { studentId }, select: { badge: { select: { name: true } } } }),
  ]);
  return {
    points: student.currentPoints,
    level: student.currentLevel,
    fromEvents: events._sum.pointsAwarded ?? 0,
    badges: badges.map((b) => b.badge.name).sort(),
  };
};

describe("farming by resubmission, through the job path", () => {
  it("20 identical submissions earn the points of one and no extra badge", async () => {
    const assignment = await newAssignment("Farming: identical copies");
    const before = await snapshot();
    const first = await submitThroughJobs(assignment.id, "https://github.com/sam/good");
    const afterOne = await snapshot();
    const copies = [];
    for (let i = 1; i < 20; i++)
      copies.push(await submitThroughJobs(assignment.id, "https://github.com/sam/good"));
    const after = await snapshot();
    console.info(
      `farming: 20 identical submissions → +${after.points - before.points} (first +${first.awarded}), ` +
        `level ${before.level} → ${after.level}, new badges ${JSON.stringify(after.badges.filter((b) => !before.badges.includes(b)))}`,
    );
    expect(first.awarded).toBeGreaterThan(0);
    expect(copies.every((c) => c.awarded === 0 && c.badges.length === 0)).toBe(true);
    expect(after.points - before.points).toBe(first.awarded);
    expect(first.awarded).toBeLessThanOrEqual(ASSIGNMENT_MAX_POINTS);
    expect(after.badges).toEqual(afterOne.badges);
    expect(after.points).toBe(after.fromEvents);
    const events = await deps.db.gamificationEvent.findMany({
      where: { studentId, eventType: "SUBMISSION", assignmentId: assignment.id },
    });
    expect(events).toHaveLength(20);
  }, 120_000);

  it("after feedback on a weak attempt, only the first better copy earns the feedback bonus", async () => {
    const assignment = await newAssignment("Farming: copies after feedback");
    const before = await snapshot();
    const weak = await submitThroughJobs(assignment.id, "https://github.com/sam/weak");
    const weakRow = await deps.db.submission.findUniqueOrThrow({ where: { id: weak.id } });
    await deps.db.feedback.create({
      data: {
        submissionId: weak.id,
        studentId,
        teacherId: seedId("user", DEMO_LOGINS.teacher),
        content: "Split the branching functions.",
      },
    });
    const good = [];
    for (let i = 0; i < 20; i++)
      good.push(await submitThroughJobs(assignment.id, "https://github.com/sam/good"));
    const goodRow = await deps.db.submission.findUniqueOrThrow({ where: { id: good[0]?.id ?? "" } });
    expect(goodRow.codeQualityScore ?? 0).toBeGreaterThan(weakRow.codeQualityScore ?? 0);
    const after = await snapshot();
    console.info(
      `feedback farming: weak ${weakRow.codeQualityScore} +${weak.awarded}, good ${goodRow.codeQualityScore} ` +
        `+${good[0]?.awarded}, 19 more copies +${good.slice(1).reduce((a, g) => a + g.awarded, 0)}`,
    );
    // The first better attempt earns its improvement, the feedback bonus (20) among it; the copies nothing.
    expect(good[0]?.awarded ?? 0).toBeGreaterThanOrEqual(20);
    expect(good.slice(1).every((g) => g.awarded === 0)).toBe(true);
    expect(after.points - before.points).toBe(weak.awarded + (good[0]?.awarded ?? 0));
    expect(after.points - before.points).toBeLessThanOrEqual(ASSIGNMENT_MAX_POINTS);
    expect(after.points).toBe(after.fromEvents);
  }, 120_000);

  it("risk features count the identical copies once (same assignment, same contentHash)", async () => {
    const assignment = await newAssignment("Farming: risk");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await submitThroughJobs(assignment.id, "https://github.com/sam/good")).id);
    // The analysis stores the analysed tree's hash; identical trees share it.
    await deps.db.submission.updateMany({ where: { id: { in: ids } }, data: { contentHash: "tree-good" } });
    const copies = await deps.db.submission.findMany({
      where: { id: { in: ids.slice(1) } },
      select: { submittedAt: true },
    });
    const copyTimes = new Set(copies.map((c) => c.submittedAt.getTime()));
    const now = new Date(Date.now() + 1_000);
    const activity = (await loadRiskInputs(deps.db, [studentId], now)).get(studentId);
    if (!activity) throw new Error("no activity loaded");
    expect(activity.submissions.filter((s) => s.contentHash === "tree-good")).toHaveLength(5);
    const withoutCopies = {
      ...activity,
      submissions: activity.submissions.filter((s) => !copyTimes.has(s.submittedAt.getTime())),
    };
    expect(computeFeatures(activity, now)).toEqual(computeFeatures(withoutCopies, now));
  }, 120_000);
});
