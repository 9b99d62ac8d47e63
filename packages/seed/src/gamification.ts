// Points, levels, streaks and badges, by replaying the worker's award (packages/worker/src/gamification/award.ts)
// over every scored submission in the order the student made them, with @edu/domain's rules; then badge rarity
// from the share of students holding each badge, as the maintenance job computes it.
import type { Db, Prisma } from "@edu/db";
import {
  type Attempt,
  awardForAttempt,
  BADGE_CATALOG,
  badgeEventKey,
  badgeRarity,
  earnedBadges,
  groupBy,
  levelForPoints,
  NO_STREAK,
  nextStreak,
  type ScoredAttempt,
  type StreakState,
  statsFromAttempts,
  submissionEventKey,
} from "@edu/domain";
import type { Classes } from "./classes";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { People, SeededStudent } from "./institution-and-people";
import type { Coursework, SeededSubmission } from "./submissions";
import { insertChunks } from "./support";

const BADGES = BADGE_CATALOG.map((b) => ({ id: seedId("badge", b.name), ...b }));

type Totals = { points: number; level: number; streak: StreakState };

type GamificationRows = {
  events: Prisma.GamificationEventCreateManyInput[];
  studentBadges: Prisma.StudentBadgeCreateManyInput[];
  totals: Totals;
};

/** The award the worker makes for each scored submission, one after another, for one student. */
function replayAwards(
  student: SeededStudent,
  mine: SeededSubmission[],
  facts: {
    dueDate: (assignmentId: string) => Date;
    /** When the submission got feedback, each time it did. */
    feedbackAt: (submissionId: string) => Date[];
  },
): GamificationRows {
  const ordered = [...mine].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const events: GamificationRows["events"] = [];
  const studentBadges: GamificationRows["studentBadges"] = [];
  const held = new Set<string>();
  const attempts = new Map<string, Attempt[]>();
  const earned = new Map<string, number>();
  const scored: ScoredAttempt[] = [];
  let points = 0;
  let streak: StreakState = NO_STREAK;
  for (const submission of ordered) {
    const { submittedAt, assignmentId } = submission;
    const dueDate = facts.dueDate(assignmentId);
    const attempt: Attempt = {
      id: submission.id,
      submittedAt,
      score: submission.codeQualityScore,
      contentHash: null,
      feedbackAt: facts.feedbackAt(submission.id),
    };
    const earlier = attempts.get(assignmentId) ?? [];
    const award = awardForAttempt({ earlier, attempt, dueDate, earned: earned.get(assignmentId) ?? 0 });
    attempts.set(assignmentId, [...earlier, attempt]);
    earned.set(assignmentId, (earned.get(assignmentId) ?? 0) + award.points);
    const at = { studentId: student.studentId, userId: student.userId, createdAt: submittedAt };
    events.push({
      id: seedId("event", submission.id),
      ...at,
      eventType: "SUBMISSION",
      pointsAwarded: award.points,
      assignmentId,
      dedupeKey: submissionEventKey(submission.id),
    });
    points += award.points;
    if (!award.copy) streak = nextStreak(streak, submittedAt, student.timeZone);
    scored.push({ assignmentId, submittedAt, score: submission.codeQualityScore, dueDate });
    const stats = statsFromAttempts(scored, { points, streak: streak.streak });
    for (const badge of earnedBadges(
      BADGES.filter((b) => !held.has(b.id)),
      stats,
    )) {
      held.add(badge.id);
      studentBadges.push({
        id: seedId("student-badge", student.studentId, badge.name),
        studentId: student.studentId,
        badgeId: badge.id,
        unlockedAt: submittedAt,
      });
      events.push({
        id: seedId("event", student.studentId, badge.name),
        ...at,
        eventType: "ACHIEVEMENT",
        pointsAwarded: 0,
        badgeUnlockedId: badge.id,
        dedupeKey: badgeEventKey(student.studentId, badge.id),
      });
    }
  }
  return { events, studentBadges, totals: { points, level: levelForPoints(points), streak } };
}

/**
 * Each badge's rarity from the share of students holding it (@edu/domain's badgeRarity), as the worker's
 * scheduled maintenance job sets it.
 */
export async function seedBadgeRarity(db: Db) {
  const rows = await db.$queryRaw<{ id: string; holders: bigint; students: bigint }[]>`
    SELECT b.id::text AS id, (SELECT count(*) FROM "StudentBadge" x WHERE x."badgeId" = b.id) AS holders,
           (SELECT count(*) FROM "Student") AS students
    FROM "Badge" b`;
  const rarity = new Map(BADGES.map((b) => [b.id, b.rarity]));
  const updates = rows.map((r) => ({
    id: r.id,
    ...badgeRarity(Number(r.holders), Number(r.students), rarity.get(r.id) ?? "COMMON"),
  }));
  if (updates.length === 0) return;
  await db.$executeRaw`
    UPDATE "Badge" AS b SET rarity = v.rarity::"BadgeRarity", "holderShare" = v.share
    FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.rarity)}::text[],
                ${updates.map((u) => u.holderShare)}::float8[]) AS v(id, rarity, share)
    WHERE b.id = v.id`;
}

const EVENT_COLUMNS = {
  id: "uuid",
  studentId: "uuid",
  userId: "uuid",
  eventType: '"GamificationEventType"',
  pointsAwarded: "int",
  badgeUnlockedId: "uuid",
  assignmentId: "uuid",
  dedupeKey: "text",
  createdAt: "timestamptz",
} as const;

const utcDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Writes the badges, then each thousand students' events and badges in one transaction with their totals, as
 * the worker does. Totals are written only for students whose events this run inserted: a second run, or a run
 * over a database the product has since moved on, leaves them as they are.
 */
export async function seedGamification(
  db: Db,
  people: People,
  classes: Classes,
  coursework: Coursework,
): Promise<Prisma.GamificationEventCreateManyInput[]> {
  await insertRows(
    db,
    "Badge",
    {
      id: "uuid",
      name: "text",
      description: "text",
      iconUrl: "text",
      criteria: "jsonb",
      rarity: '"BadgeRarity"',
    },
    BADGES,
  );
  const dueDates = new Map(classes.assignments.map((a) => [a.id, a.dueDate]));
  const feedbackAt = groupBy(coursework.feedback, (f) => f.submissionId);
  const facts = {
    dueDate: (id: string) => dueDates.get(id) as Date,
    feedbackAt: (id: string) => (feedbackAt.get(id) ?? []).map((f) => f.createdAt),
  };
  const byStudent = groupBy(coursework.submissions, (s) => s.studentId);
  const replays = people.students.map((s) => ({
    s,
    ...replayAwards(s, byStudent.get(s.studentId) ?? [], facts),
  }));
  await insertChunks(replays, (chunk) =>
    db.$transaction(
      async (tx) => {
        // One statement each: the arrays are parameters, so a thousand students' rows need no further split.
        const events = chunk.flatMap((r) => r.events);
        const inserted = await insertRows(tx, "GamificationEvent", EVENT_COLUMNS, events);
        const fresh = new Set(events.filter((e) => inserted.has(e.id as string)).map((e) => e.studentId));
        await insertRows(
          tx,
          "StudentBadge",
          { id: "uuid", studentId: "uuid", badgeId: "uuid", unlockedAt: "timestamptz" },
          chunk.flatMap((r) => r.studentBadges),
        );
        const moved = chunk.filter((r) => fresh.has(r.s.studentId));
        if (moved.length === 0) return;
        await tx.$executeRaw`
          UPDATE "Student" AS s SET "currentPoints" = v.points, "currentLevel" = v.level,
            "currentStreak" = v.streak, "lastActiveOn" = v.day::date, "streakFreezes" = v.freezes
          FROM unnest(${moved.map((r) => r.s.studentId)}::uuid[], ${moved.map((r) => r.totals.points)}::int[],
                      ${moved.map((r) => r.totals.level)}::int[], ${moved.map((r) => r.totals.streak.streak)}::int[],
                      ${moved.map((r) => utcDate(r.totals.streak.lastActiveOn))}::text[],
                      ${moved.map((r) => r.totals.streak.freezes)}::int[])
            AS v(id, points, level, streak, day, freezes)
          WHERE s.id = v.id`;
      },
      { timeout: 60_000 },
    ),
  );
  await seedBadgeRarity(db);
  return replays.flatMap((r) => r.events);
}
