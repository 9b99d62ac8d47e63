// Points, levels, streaks and badges, by replaying the worker's award (packages/worker/src/gamification/award.ts)
// over every scored submission in the order the student made them, with @edu/domain's rules.
import type { Db, Prisma } from "@edu/db";
import {
  BADGE_CATALOG,
  badgeEventKey,
  earnedBadges,
  groupBy,
  levelForPoints,
  nextStreak,
  pointsForSubmission,
  type StreakState,
  type StudentStats,
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
    /** When the submission first got feedback, if it did. */
    feedbackAt: (submissionId: string) => Date | undefined;
    /** The earliest submission to the assignment by anyone. */
    firstAt: (assignmentId: string) => Date;
  },
): GamificationRows {
  const ordered = [...mine].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const events: GamificationRows["events"] = [];
  const studentBadges: GamificationRows["studentBadges"] = [];
  const held = new Set<string>();
  const scores: number[] = [];
  let points = 0;
  let streak: StreakState = { streak: 0, lastActiveOn: null };
  let onTimeSubmissions = 0;
  let firstOfClass = 0;
  ordered.forEach((submission, k) => {
    const { submittedAt, codeQualityScore: qualityScore } = submission;
    // The latest earlier submission of the same assignment that had feedback by then.
    const answered = ordered
      .slice(0, k)
      .filter(
        (e) =>
          e.assignmentId === submission.assignmentId &&
          e.submittedAt < submittedAt &&
          (facts.feedbackAt(e.id)?.getTime() ?? Number.POSITIVE_INFINITY) <= submittedAt.getTime(),
      )
      .at(-1);
    const onTime = submittedAt <= facts.dueDate(submission.assignmentId);
    const award = pointsForSubmission({
      onTime,
      qualityScore,
      actedOnFeedback: answered !== undefined && qualityScore > answered.codeQualityScore,
    });
    const at = { studentId: student.studentId, userId: student.userId, createdAt: submittedAt };
    events.push({
      id: seedId("event", submission.id),
      ...at,
      eventType: "SUBMISSION",
      pointsAwarded: award.total,
      dedupeKey: submissionEventKey(submission.id),
    });
    points += award.total;
    streak = nextStreak(streak, submittedAt);
    scores.push(qualityScore);
    if (onTime) onTimeSubmissions++;
    if (submittedAt.getTime() === facts.firstAt(submission.assignmentId).getTime()) firstOfClass++;
    const stats: StudentStats = {
      scoredSubmissions: k + 1,
      onTimeSubmissions,
      qualityScores: [...scores],
      points,
      streak: streak.streak,
      firstOfClass,
    };
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
  });
  return { events, studentBadges, totals: { points, level: levelForPoints(points), streak } };
}

const EVENT_COLUMNS = {
  id: "uuid",
  studentId: "uuid",
  userId: "uuid",
  eventType: '"GamificationEventType"',
  pointsAwarded: "int",
  badgeUnlockedId: "uuid",
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
  const feedbackAt = new Map<string, Date>();
  for (const f of coursework.feedback) {
    const known = feedbackAt.get(f.submissionId);
    if (!known || f.createdAt < known) feedbackAt.set(f.submissionId, f.createdAt);
  }
  const firstAt = new Map<string, Date>();
  for (const s of coursework.submissions) {
    const known = firstAt.get(s.assignmentId);
    if (!known || s.submittedAt < known) firstAt.set(s.assignmentId, s.submittedAt);
  }
  const facts = {
    dueDate: (id: string) => dueDates.get(id) as Date,
    feedbackAt: (id: string) => feedbackAt.get(id),
    firstAt: (id: string) => firstAt.get(id) as Date,
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
            "currentStreak" = v.streak, "lastActiveOn" = v.day::date
          FROM unnest(${moved.map((r) => r.s.studentId)}::uuid[], ${moved.map((r) => r.totals.points)}::int[],
                      ${moved.map((r) => r.totals.level)}::int[], ${moved.map((r) => r.totals.streak.streak)}::int[],
                      ${moved.map((r) => utcDate(r.totals.streak.lastActiveOn))}::text[])
            AS v(id, points, level, streak, day)
          WHERE s.id = v.id`;
      },
      { timeout: 60_000 },
    ),
  );
  return replays.flatMap((r) => r.events);
}
