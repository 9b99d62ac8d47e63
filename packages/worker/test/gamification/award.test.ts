import { ASSIGNMENT_MAX_POINTS } from "@edu/domain";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardForScoredSubmission } from "../../src/gamification/award";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";

let deps: TestWorkerDeps;
const studentId = seedId("student", DEMO_LOGINS.student);
const python = seedId("class", "python");
let assignmentId: string;
let dueDate: Date;

beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 4 });
  const assignment = await deps.db.assignment.findFirstOrThrow({
    where: { classId: python },
    orderBy: { dueDate: "desc" },
  });
  assignmentId = assignment.id;
  dueDate = assignment.dueDate;
}, 120_000);
afterAll(async () => {
  await deps?.close();
});

async function scoredSubmission(score: number) {
  return deps.db.submission.create({
    data: {
      studentId,
      assignmentId,
      githubUrl: "https://github.com/sam/x",
      codeQualityScore: score,
      analysisStatus: "SCORED",
      submittedAt: new Date(dueDate.getTime() - 3_600_000),
    },
  });
}

const totals = async () => {
  const [student, events] = await Promise.all([
    deps.db.student.findUniqueOrThrow({ where: { id: studentId } }),
    deps.db.gamificationEvent.aggregate({ where: { studentId }, _sum: { pointsAwarded: true } }),
  ]);
  return {
    points: student.currentPoints,
    fromEvents: events._sum.pointsAwarded ?? 0,
    level: student.currentLevel,
  };
};

describe("awardForScoredSubmission", () => {
  it("awards on-time and quality points once, and moves the leaderboard in step", async () => {
    const entries = await deps.db.enrollment.findMany({
      where: { classId: python },
      include: { student: { include: { user: { select: { name: true } } } } },
    });
    await deps.redis.leaderboards.rebuild(
      python,
      entries.map((e) => ({
        studentId: e.studentId,
        points: e.student.currentPoints,
        name: e.student.user.name,
      })),
    );
    const before = await totals();
    const submission = await scoredSubmission(82);
    const result = await awardForScoredSubmission(deps, submission.id);
    expect(result?.awarded).toBe(35);
    const after = await totals();
    expect(after.points).toBe(before.points + 35);
    expect(after.points).toBe(after.fromEvents);
    expect(await deps.redis.leaderboards.rank(python, studentId)).toMatchObject({ points: after.points });
    expect(await awardForScoredSubmission(deps, submission.id)).toBeNull();
    expect((await totals()).points).toBe(after.points);
  });

  it("counts each submission once under any mix of retries and concurrent duplicates, within the assignment's maximum (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        async (repeats) => {
          const before = await totals();
          const submissions = await Promise.all(repeats.map((_, i) => scoredSubmission(60 + i * 10)));
          // Each submission is awarded `repeats[i]` times at once (duplicate jobs), then once more (a retry).
          await Promise.all(
            submissions.flatMap((s, i) =>
              Array.from({ length: repeats[i] ?? 1 }, () => awardForScoredSubmission(deps, s.id)),
            ),
          );
          await Promise.all(submissions.map((s) => awardForScoredSubmission(deps, s.id)));
          const events = await deps.db.gamificationEvent.count({
            where: { dedupeKey: { in: submissions.map((s) => `submission:${s.id}`) } },
          });
          expect(events).toBe(submissions.length);
          const after = await totals();
          expect(after.points).toBe(after.fromEvents);
          expect(after.points).toBeGreaterThanOrEqual(before.points);
          const paid = await deps.db.gamificationEvent.aggregate({
            where: { studentId, assignmentId, eventType: "SUBMISSION" },
            _sum: { pointsAwarded: true },
          });
          expect(paid._sum.pointsAwarded ?? 0).toBeLessThanOrEqual(ASSIGNMENT_MAX_POINTS);
          const badgeRows = await deps.db.studentBadge.groupBy({
            by: ["badgeId"],
            where: { studentId },
            _count: true,
          });
          expect(badgeRows.every((b) => b._count === 1)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("moves the streak on the student's calendar days (Asia/Tokyo), uses a freeze, and ignores copies", async () => {
    const assignment = await deps.db.assignment.create({
      data: { classId: python, title: "Streak days", dueDate: new Date("2026-11-30T00:00:00Z") },
    });
    await deps.db.user.update({
      where: { id: seedId("user", DEMO_LOGINS.student) },
      data: { timeZone: "Asia/Tokyo" },
    });
    await deps.db.student.update({
      where: { id: studentId },
      data: { currentStreak: 3, lastActiveOn: new Date("2026-11-01T00:00:00Z"), streakFreezes: 1 },
    });
    const submit = (submittedAt: string, score: number, contentHash: string) =>
      deps.db.submission.create({
        data: {
          studentId,
          assignmentId: assignment.id,
          githubUrl: "https://github.com/sam/days",
          codeQualityScore: score,
          analysisStatus: "SCORED",
          submittedAt: new Date(submittedAt),
          contentHash,
        },
      });
    const streak = async () => {
      const s = await deps.db.student.findUniqueOrThrow({ where: { id: studentId } });
      return {
        streak: s.currentStreak,
        lastActiveOn: s.lastActiveOn?.toISOString().slice(0, 10),
        freezes: s.streakFreezes,
      };
    };
    // 16:00 UTC on 1 Nov is 2 Nov in Tokyo: the next day.
    await awardForScoredSubmission(deps, (await submit("2026-11-01T16:00:00Z", 60, "t1")).id);
    expect(await streak()).toEqual({ streak: 4, lastActiveOn: "2026-11-02", freezes: 1 });
    // A copy of that attempt on 3 Nov (Tokyo) is no activity: earns nothing, moves nothing.
    const copy = await awardForScoredSubmission(deps, (await submit("2026-11-03T01:00:00Z", 60, "t1")).id);
    expect(copy?.awarded).toBe(0);
    expect(await streak()).toEqual({ streak: 4, lastActiveOn: "2026-11-02", freezes: 1 });
    // 4 Nov (Tokyo) with 3 Nov missed: the freeze covers it.
    await awardForScoredSubmission(deps, (await submit("2026-11-04T01:00:00Z", 70, "t2")).id);
    expect(await streak()).toEqual({ streak: 5, lastActiveOn: "2026-11-04", freezes: 0 });
    // 7 Nov with two days missed and no freeze: it starts again.
    await awardForScoredSubmission(deps, (await submit("2026-11-07T01:00:00Z", 75, "t3")).id);
    expect(await streak()).toEqual({ streak: 1, lastActiveOn: "2026-11-07", freezes: 0 });
    expect((await totals()).points).toBe((await totals()).fromEvents);
  });

  it("ignores submissions that are not scored", async () => {
    const pending = await deps.db.submission.create({
      data: { studentId, assignmentId, githubUrl: "https://github.com/sam/p" },
    });
    expect(await awardForScoredSubmission(deps, pending.id)).toBeNull();
    expect(await deps.db.gamificationEvent.count({ where: { dedupeKey: `submission:${pending.id}` } })).toBe(
      0,
    );
  });
});
