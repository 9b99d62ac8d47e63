// A seeded database passes the invariants a live one keeps: everything below is read back from PostgreSQL and
// judged with @edu/domain's rules, independently of the seed's in-memory state.
import type { Db } from "@edu/db";
import { createTestDatabase, type TestDatabase } from "@edu/db/testing";
import {
  ASSIGNMENT_MAX_POINTS,
  type Attempt,
  assignmentPoints,
  awardForAttempt,
  BADGE_CATALOG,
  badgeCriteriaSchema,
  badgeEventKey,
  badgeRarity,
  computeFeatures,
  currentModel,
  feedbackActedOn,
  type GrievanceStatus,
  groupBy,
  isLegalPath,
  levelForPoints,
  meetsCriteria,
  NO_STREAK,
  nextStreak,
  OPEN_STATUSES,
  predictRisk,
  type RoutingDecision,
  riskLevelFor,
  routeGrievance,
  routingInputFor,
  type StreakState,
  type StudentStats,
  statsFromAttempts,
  submissionEventKey,
  transitionAction,
} from "@edu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/seed";

const DAY = 86_400_000;
const END_OF_TIME = new Date(8.64e15);

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemoData(db, { students: 40 });
});
afterAll(async () => {
  await t?.drop();
});

type Details = Record<string, unknown>;
const detailsOf = (row: { details: unknown }) => (row.details ?? {}) as Details;

async function loadSubmissions() {
  return db.submission.findMany({
    select: {
      id: true,
      studentId: true,
      assignmentId: true,
      submittedAt: true,
      codeQualityScore: true,
      contentHash: true,
      analysisStatus: true,
      assignment: { select: { dueDate: true } },
      feedback: { select: { createdAt: true } },
      student: { select: { user: { select: { timeZone: true } } } },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
}
type LoadedSubmission = Awaited<ReturnType<typeof loadSubmissions>>[number];

const attemptOf = (s: LoadedSubmission): Attempt => ({
  id: s.id,
  submittedAt: s.submittedAt,
  score: s.codeQualityScore,
  contentHash: s.contentHash,
  feedbackAt: s.feedback.map((f) => f.createdAt),
});

/**
 * The worker's award for every scored submission, replayed from the database: per student in submission order,
 * each attempt earns its improvement over what its assignment had paid.
 */
function replayAwards(all: LoadedSubmission[]) {
  const awards = new Map<string, { points: number; copy: boolean }>();
  for (const mine of groupBy(
    all.filter((s) => s.analysisStatus === "SCORED"),
    (s) => s.studentId,
  ).values()) {
    const attempts = new Map<string, Attempt[]>();
    const earned = new Map<string, number>();
    for (const s of mine) {
      const earlier = attempts.get(s.assignmentId) ?? [];
      const award = awardForAttempt({
        earlier,
        attempt: attemptOf(s),
        dueDate: s.assignment.dueDate,
        earned: earned.get(s.assignmentId) ?? 0,
      });
      attempts.set(s.assignmentId, [...earlier, attemptOf(s)]);
      earned.set(s.assignmentId, (earned.get(s.assignmentId) ?? 0) + award.points);
      awards.set(s.id, { points: award.points, copy: award.copy });
    }
  }
  return awards;
}

/** A student's badge stats from their scored submissions up to `at` (all of them without), streak replayed. */
function statsOf(
  mine: LoadedSubmission[],
  points: number,
  awards: Map<string, { copy: boolean }>,
  at?: Date,
): StudentStats & { bestStreak: number; state: StreakState } {
  const scored = mine.filter((s) => s.analysisStatus === "SCORED" && (!at || s.submittedAt <= at));
  let streak: StreakState = NO_STREAK;
  let bestStreak = 0;
  for (const s of scored) {
    if (awards.get(s.id)?.copy) continue;
    streak = nextStreak(streak, s.submittedAt, s.student.user.timeZone);
    bestStreak = Math.max(bestStreak, streak.streak);
  }
  return {
    ...statsFromAttempts(
      scored.map((s) => ({
        assignmentId: s.assignmentId,
        submittedAt: s.submittedAt,
        score: s.codeQualityScore,
        dueDate: s.assignment.dueDate,
      })),
      { points, streak: streak.streak },
    ),
    bestStreak,
    state: streak,
  };
}

describe("a seeded database keeps the invariants of a live one", () => {
  it("(a) every student's points are the sum of their events, at the level those points make", async () => {
    const students = await db.student.findMany({
      select: {
        id: true,
        currentPoints: true,
        currentLevel: true,
        gamification: { select: { pointsAwarded: true } },
      },
    });
    expect(students.length).toBe(40);
    for (const s of students) {
      const sum = s.gamification.reduce((total, e) => total + e.pointsAwarded, 0);
      expect(s.currentPoints, s.id).toBe(sum);
      expect(s.currentLevel, s.id).toBe(levelForPoints(s.currentPoints));
    }
  });

  it("(e) every SUBMISSION event is the award of one scored submission: its dedupe key, its student, its points", async () => {
    const submissions = await loadSubmissions();
    const scored = submissions.filter((s) => s.analysisStatus === "SCORED");
    const byKey = new Map(scored.map((s) => [submissionEventKey(s.id), s]));
    const awards = replayAwards(submissions);
    const events = await db.gamificationEvent.findMany({ where: { eventType: "SUBMISSION" } });
    expect(events.length).toBe(scored.length);
    const seen = new Set<string>();
    for (const e of events) {
      const submission = byKey.get(e.dedupeKey);
      expect(submission, `${e.dedupeKey} is no scored submission's key`).toBeDefined();
      if (!submission) continue;
      seen.add(submission.id);
      expect(e.studentId).toBe(submission.studentId);
      expect(e.assignmentId).toBe(submission.assignmentId);
      expect(e.pointsAwarded, e.dedupeKey).toBe(awards.get(submission.id)?.points);
    }
    expect(seen.size).toBe(scored.length);
    // Per student and assignment: the events add up to what the attempts are worth, never over the maximum.
    const paid = groupBy(events, (e) => `${e.studentId}/${e.assignmentId}`);
    for (const [key, attempts] of groupBy(scored, (s) => `${s.studentId}/${s.assignmentId}`)) {
      const total = (paid.get(key) ?? []).reduce((sum, e) => sum + e.pointsAwarded, 0);
      expect(total, key).toBe(
        assignmentPoints(attempts.map(attemptOf), attempts[0]?.assignment.dueDate as Date).total,
      );
      expect(total, key).toBeLessThanOrEqual(ASSIGNMENT_MAX_POINTS);
    }
  });

  it("(g) every student's streak, last active day and freezes are the replay of their distinct attempts in their time zone", async () => {
    const submissions = await loadSubmissions();
    const awards = replayAwards(submissions);
    const students = await db.student.findMany({
      select: { id: true, currentStreak: true, lastActiveOn: true, streakFreezes: true, currentPoints: true },
    });
    for (const student of students) {
      const { state } = statsOf(
        submissions.filter((s) => s.studentId === student.id),
        student.currentPoints,
        awards,
      );
      expect(
        { streak: student.currentStreak, lastActiveOn: student.lastActiveOn, freezes: student.streakFreezes },
        student.id,
      ).toEqual(state);
    }
  });

  it("(h) every badge's rarity follows the share of students holding it", async () => {
    const [badges, students] = await Promise.all([
      db.badge.findMany({ include: { _count: { select: { students: true } } } }),
      db.student.count(),
    ]);
    for (const b of badges) {
      const expected = badgeRarity(b._count.students, students, b.rarity);
      expect({ rarity: b.rarity, holderShare: b.holderShare }, b.name).toEqual(expected);
    }
  });

  it("(d) every badge held was earned by the student's stats when unlocked, with its event; every badge earned is held", async () => {
    const submissions = await loadSubmissions();
    const [students, badges, events] = await Promise.all([
      db.student.findMany({ select: { id: true, currentPoints: true, badges: true } }),
      db.badge.findMany(),
      db.gamificationEvent.findMany(),
    ]);
    expect(badges.map((b) => b.name).sort()).toEqual(BADGE_CATALOG.map((b) => b.name).sort());
    const criteria = new Map(badges.map((b) => [b.id, badgeCriteriaSchema.parse(b.criteria)]));
    const achievements = events.filter((e) => e.eventType === "ACHIEVEMENT");
    const awards = replayAwards(submissions);
    let held = 0;
    for (const student of students) {
      const mine = submissions.filter((s) => s.studentId === student.id);
      const mineEvents = events.filter((e) => e.studentId === student.id);
      for (const sb of student.badges) {
        held++;
        const points = mineEvents
          .filter((e) => e.createdAt <= sb.unlockedAt)
          .reduce((total, e) => total + e.pointsAwarded, 0);
        const rule = criteria.get(sb.badgeId);
        expect(rule && meetsCriteria(rule, statsOf(mine, points, awards, sb.unlockedAt)), sb.id).toBe(true);
        const event = achievements.find((e) => e.dedupeKey === badgeEventKey(student.id, sb.badgeId));
        expect(event, sb.id).toMatchObject({
          studentId: student.id,
          badgeUnlockedId: sb.badgeId,
          pointsAwarded: 0,
          createdAt: sb.unlockedAt,
        });
      }
      const final = statsOf(mine, student.currentPoints, awards);
      for (const badge of badges) {
        const rule = criteria.get(badge.id);
        if (!rule || !meetsCriteria(rule, { ...final, streak: final.bestStreak })) continue;
        expect(
          student.badges.some((b) => b.badgeId === badge.id),
          `${student.id} earned ${badge.name}`,
        ).toBe(true);
      }
    }
    expect(achievements.length).toBe(held);
  });

  it("(b) every grievance went to whom the routing table chooses, from its references and the workloads when filed", async () => {
    const { grievances, decisions } = await routeFromDatabase();
    expect(grievances.length).toBe(8);
    for (const g of grievances) {
      const decision = decisions.get(g.id);
      const routed = g.auditLogs.filter((a) => a.action === "ROUTED");
      expect(routed.length, g.id).toBe(1);
      expect(detailsOf(routed[0] ?? { details: null }), g.id).toEqual({
        rule: decision?.rule,
        assignedToId: decision?.assignedToId,
      });
      expect(g.assignedToId, g.id).toBe(assigneeAt(g, END_OF_TIME));
      const filed = g.auditLogs[0];
      expect(filed?.action).toBe("FILED");
      expect(filed?.actorId).toBe(g.student.userId);
      expect(filed && detailsOf(filed)).toEqual({ category: g.category, severity: g.severity });
    }
  });

  it("(c) every grievance's history is a legal path from OPEN to its status", async () => {
    const grievances = await loadGrievances();
    for (const g of grievances) {
      expect(
        g.auditLogs.slice(0, 2).map((a) => a.action),
        g.id,
      ).toEqual(["FILED", "ROUTED"]);
      const moves = g.auditLogs.filter((a) => a.action === "STATUS_CHANGED" || a.action === "RESOLVED");
      const statuses: GrievanceStatus[] = ["OPEN"];
      for (const move of moves) {
        const { from, to } = detailsOf(move) as { from: GrievanceStatus; to: GrievanceStatus };
        expect(from, g.id).toBe(statuses.at(-1));
        expect(move.action, g.id).toBe(transitionAction(to));
        statuses.push(to);
      }
      expect(isLegalPath(statuses), `${g.id}: ${statuses.join(" → ")}`).toBe(true);
      expect(statuses.at(-1), g.id).toBe(g.status);
      const resolved = moves.filter((m) => m.action === "RESOLVED").at(-1);
      if (g.status === "RESOLVED" || g.status === "CLOSED") {
        expect(g.resolution).toBe(resolved && detailsOf(resolved).resolution);
        expect(g.resolvedAt).toEqual(resolved?.createdAt);
      } else {
        expect(g.resolvedAt).toBeNull();
      }
    }
  });

  it("(f) every student's risk is the model's prediction from their activity when it was made", async () => {
    const students = await db.student.findMany({
      select: {
        id: true,
        riskScore: true,
        riskLevel: true,
        enrollments: { select: { classId: true } },
        riskPredictions: { orderBy: [{ predictedAt: "desc" }, { createdAt: "desc" }], take: 1 },
      },
    });
    for (const s of students) {
      const p = s.riskPredictions[0];
      expect(p, s.id).toBeDefined();
      if (!p) continue;
      expect(s.riskScore).toBe(p.riskScore);
      expect(s.riskLevel).toBe(p.riskLevel);
      expect(p.riskLevel).toBe(riskLevelFor(p.riskScore));
      expect(p.modelVersion).toBe(currentModel.version);
      const at = p.predictedAt;
      const since = new Date(at.getTime() - 28 * DAY);
      const [submissions, pastDue, feedback, chat, events] = await Promise.all([
        db.submission.findMany({
          where: { studentId: s.id, submittedAt: { lte: at } },
          select: { assignmentId: true, submittedAt: true, codeQualityScore: true },
        }),
        db.assignment.findMany({
          where: { classId: { in: s.enrollments.map((e) => e.classId) }, dueDate: { lte: at } },
          select: { id: true, dueDate: true },
        }),
        db.feedback.findMany({
          where: { studentId: s.id, createdAt: { lte: at } },
          select: { createdAt: true },
        }),
        db.chatMessage.findMany({ where: { studentId: s.id, createdAt: { gte: since, lte: at } } }),
        db.gamificationEvent.findMany({
          where: {
            studentId: s.id,
            createdAt: { gte: since, lte: at },
            NOT: { eventType: "SUBMISSION", pointsAwarded: 0 },
          },
        }),
      ]);
      const features = computeFeatures(
        {
          submissions,
          pastDueAssignments: pastDue,
          feedbackAt: feedback.map((f) => f.createdAt),
          otherActiveDays: [
            ...new Set([...chat, ...events].map((x) => Math.floor(x.createdAt.getTime() / DAY) * DAY)),
          ],
        },
        at,
      );
      expect(p.submissionFrequency).toBeCloseTo(features.submissionFrequency, 9);
      expect(p.codeQualityTrend).toBeCloseTo(features.codeQualityTrend, 9);
      expect(p.engagementScore).toBeCloseTo(features.engagementScore, 9);
      expect(p.feedbackResponseTime).toBeCloseTo(features.feedbackResponseTime, 9);
      const prediction = predictRisk(features);
      expect(p.riskScore, s.id).toBeCloseTo(prediction.riskScore, 9);
      expect(p.confidence).toBeCloseTo(prediction.confidence, 9);
      expect((p.topFactors as { feature: string }[]).map((f) => f.feature)).toEqual(
        prediction.topFactors.map((f) => f.feature),
      );
    }
  });

  it("exercises the rules it claims to: acted-on-feedback points, time zones, least-loaded routing, every rule and status", async () => {
    const submissions = await loadSubmissions();
    const acted = [...groupBy(submissions, (s) => `${s.studentId}/${s.assignmentId}`).values()].filter(
      (attempts) => feedbackActedOn(attempts.map(attemptOf)) > 0,
    );
    expect(acted.length).toBeGreaterThan(0);
    const zones = await db.user.findMany({ where: { role: "STUDENT" }, select: { timeZone: true } });
    expect(new Set(zones.map((z) => z.timeZone)).size).toBeGreaterThan(1);
    const { grievances, decisions, inputs } = await routeFromDatabase();
    expect(new Set([...decisions.values()].map((d) => d.rule))).toEqual(
      new Set([
        "critical-severity",
        "grade-class-teacher",
        "feedback-author",
        "fairness-admin",
        "other-mentor",
        "fallback-admin",
      ]),
    );
    expect(new Set(grievances.map((g) => g.status))).toEqual(
      new Set(["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"]),
    );
    // A choice between class teachers with different workloads that went against the id tie-break.
    const leastLoaded = grievances.filter((g) => {
      const teachers = inputs.get(g.id)?.classTeachers ?? [];
      const lowestId = [...teachers].sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id;
      return (
        decisions.get(g.id)?.rule === "grade-class-teacher" &&
        new Set(teachers.map((c) => c.openGrievances)).size > 1 &&
        decisions.get(g.id)?.assignedToId !== lowestId
      );
    });
    expect(leastLoaded.length).toBeGreaterThan(0);
  });
});

async function loadGrievances() {
  return db.grievance.findMany({
    include: {
      auditLogs: { orderBy: { id: "asc" } },
      student: { select: { userId: true, mentorId: true, user: { select: { institutionId: true } } } },
      feedback: {
        select: { teacherId: true, submission: { select: { assignment: { select: { classId: true } } } } },
      },
      submission: { select: { assignment: { select: { classId: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
type LoadedGrievance = Awaited<ReturnType<typeof loadGrievances>>[number];

const moveRows = (g: LoadedGrievance, at: Date) =>
  g.auditLogs.filter((a) => a.createdAt < at && (a.action === "STATUS_CHANGED" || a.action === "RESOLVED"));

/** A grievance's status at `at` from its audit rows: OPEN once filed, then each transition written before. */
function statusAt(g: LoadedGrievance, at: Date): GrievanceStatus | null {
  if (!(g.createdAt < at)) return null;
  const last = moveRows(g, at).at(-1);
  return last ? (detailsOf(last).to as GrievanceStatus) : "OPEN";
}

/** Whom the grievance was assigned to at `at`: routed, then reassigned by each ASSIGNED row before. */
function assigneeAt(g: LoadedGrievance, at: Date): string | null {
  let assignee: string | null = null;
  for (const a of g.auditLogs) {
    if (a.action === "ROUTED") assignee = (detailsOf(a).assignedToId as string | null) ?? null;
    else if (a.action === "ASSIGNED" && a.createdAt < at) assignee = detailsOf(a).to as string;
  }
  return assignee;
}

/** Routes every grievance again, as the api would have when it was filed, from the database alone. */
async function routeFromDatabase() {
  const grievances = await loadGrievances();
  const [teaching, admins] = await Promise.all([
    db.teacherClass.findMany({ select: { classId: true, userId: true } }),
    db.user.findMany({ where: { role: "ADMIN" }, select: { id: true, institutionId: true } }),
  ]);
  const decisions = new Map<string, RoutingDecision>();
  const inputs = new Map<string, ReturnType<typeof routingInputFor>>();
  for (const g of grievances) {
    // The api's order: a feedback's class, overridden by a submission's, overridden by a class given directly.
    const classId =
      g.classId ?? g.submission?.assignment.classId ?? g.feedback?.submission.assignment.classId ?? null;
    const openGrievances = (userId: string) =>
      grievances.filter(
        (h) =>
          h.id !== g.id &&
          assigneeAt(h, g.createdAt) === userId &&
          OPEN_STATUSES.includes(statusAt(h, g.createdAt) ?? "CLOSED"),
      ).length;
    const input = routingInputFor(
      { category: g.category, severity: g.severity },
      {
        classTeacherIds: teaching.filter((t) => classId && t.classId === classId).map((t) => t.userId),
        feedbackAuthorId: g.feedback?.teacherId ?? null,
        mentorId: g.student.mentorId,
        adminIds: admins.filter((a) => a.institutionId === g.student.user.institutionId).map((a) => a.id),
      },
      openGrievances,
    );
    inputs.set(g.id, input);
    decisions.set(g.id, routeGrievance(input));
  }
  return { grievances, decisions, inputs };
}
