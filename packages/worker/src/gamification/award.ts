import { afterCommit, type Db, Prisma } from "@edu/db";
import {
  badgeEventKey,
  earnedBadges,
  levelForPoints,
  nextStreak,
  pointsForSubmission,
  type StudentStats,
  submissionEventKey,
} from "@edu/domain";
import type { WorkerDeps } from "../deps";
import { uuid7s } from "./uuid7";

export type AwardResult = {
  studentId: string;
  points: number;
  awarded: number;
  badges: string[];
  classIds: string[];
};

type Client = Db | Prisma.TransactionClient;

/** Everything an award is decided on, read in one statement. */
type Facts = {
  studentId: string;
  submittedAt: Date;
  codeQualityScore: number | null;
  dueDate: Date;
  userId: string;
  currentPoints: number;
  currentStreak: number;
  lastActiveOn: Date | null;
  classIds: string[];
  awarded: boolean;
  /** The latest earlier submission of the same assignment that got feedback, if any. */
  earlierFound: boolean | null;
  earlierScore: number | null;
  /** Badges the student does not hold yet; the stats below are only loaded when there are some. */
  candidates: { id: string; name: string; criteria: unknown }[];
  scores: number[] | null;
  onTime: bigint | null;
  firstOfClass: bigint | null;
};

/**
 * The submission, its student's totals, the earlier submission its feedback bonus compares with, the badges
 * still to earn and the stats they are judged on. With `lock`, the student's row is locked for the transaction.
 */
async function loadFacts(client: Client, submissionId: string, lock: boolean): Promise<Facts | null> {
  const [facts] = await client.$queryRaw<Facts[]>`
    WITH sub AS (
      SELECT s.id, s."studentId", s."assignmentId", s."submittedAt", s."codeQualityScore", a."dueDate"
      FROM "Submission" s JOIN "Assignment" a ON a.id = s."assignmentId"
      WHERE s.id = ${submissionId}::uuid AND s."analysisStatus" = 'SCORED'
    ), st AS (
      SELECT id, "userId", "currentPoints", "currentStreak", "lastActiveOn" FROM "Student"
      WHERE id = (SELECT "studentId" FROM sub) ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}
    ), candidates AS (
      SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'criteria', b.criteria) ORDER BY b.id),
                      '[]'::json) AS list, count(*) AS n
      FROM "Badge" b
      WHERE NOT EXISTS (SELECT 1 FROM "StudentBadge" x WHERE x."badgeId" = b.id AND x."studentId" = (SELECT id FROM st))
    )
    SELECT sub."studentId"::text AS "studentId", sub."submittedAt", sub."codeQualityScore", sub."dueDate",
           st."userId"::text AS "userId", st."currentPoints", st."currentStreak", st."lastActiveOn",
           array(SELECT "classId" FROM "Enrollment" WHERE "studentId" = st.id)::text[] AS "classIds",
           EXISTS (SELECT 1 FROM "GamificationEvent" WHERE "dedupeKey" = ${submissionEventKey(submissionId)})
             AS awarded,
           earlier.found AS "earlierFound", earlier.score AS "earlierScore",
           candidates.list AS candidates, stats.scores, stats.on_time AS "onTime",
           stats.first_of_class AS "firstOfClass"
    FROM sub JOIN st ON st.id = sub."studentId" CROSS JOIN candidates
    LEFT JOIN LATERAL (
      SELECT true AS found, e."codeQualityScore" AS score FROM "Submission" e
      WHERE e."studentId" = sub."studentId" AND e."assignmentId" = sub."assignmentId"
        AND e."submittedAt" < sub."submittedAt" AND EXISTS (SELECT 1 FROM "Feedback" f WHERE f."submissionId" = e.id)
      ORDER BY e."submittedAt" DESC LIMIT 1
    ) earlier ON true
    LEFT JOIN LATERAL (
      SELECT
        array_agg(coalesce(s."codeQualityScore", 0)) AS scores,
        count(*) FILTER (WHERE s."submittedAt" <= a."dueDate") AS on_time,
        count(*) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM "Submission" o WHERE o."assignmentId" = s."assignmentId" AND o."submittedAt" < s."submittedAt"
        )) AS first_of_class
      FROM "Submission" s JOIN "Assignment" a ON a.id = s."assignmentId"
      WHERE s."studentId" = sub."studentId" AND s."analysisStatus" = 'SCORED' AND candidates.n > 0
    ) stats ON true`;
  return facts ?? null;
}

/**
 * Writes an award in one statement, under the student's row lock: only while the student's totals are still
 * those the award was computed from (`expected`), and only if the SUBMISSION event's dedupe key is new. Returns
 * whether the totals matched and whether the event was inserted.
 */
async function writeAward(
  client: Client,
  award: {
    studentId: string;
    userId: string;
    expected: { points: number; streak: number; lastActiveOn: Date | null };
    points: number;
    total: number;
    level: number;
    streak: number;
    lastActiveOn: Date | null;
    dedupeKey: string;
    badgeIds: string[];
  },
): Promise<{ matched: boolean; inserted: boolean }> {
  const { studentId, expected, badgeIds } = award;
  const [eventId = "", ...ids] = uuid7s(1 + 2 * badgeIds.length);
  const [row] = await client.$queryRaw<{ matched: boolean; inserted: boolean }[]>`
    WITH st AS (
      SELECT id FROM "Student"
      WHERE id = ${studentId}::uuid AND "currentPoints" = ${expected.points}::int
        AND "currentStreak" = ${expected.streak}::int
        AND "lastActiveOn" IS NOT DISTINCT FROM ${day(expected.lastActiveOn)}::date
      FOR UPDATE
    ), ev AS (
      INSERT INTO "GamificationEvent" (id, "studentId", "userId", "eventType", "pointsAwarded", "dedupeKey")
      SELECT ${eventId}::uuid, st.id, ${award.userId}::uuid, 'SUBMISSION'::"GamificationEventType",
             ${award.points}::int, ${award.dedupeKey}::text
      FROM st
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id
    ), moved AS (
      UPDATE "Student" SET "currentPoints" = ${award.total}::int, "currentLevel" = ${award.level}::int,
        "currentStreak" = ${award.streak}::int, "lastActiveOn" = ${day(award.lastActiveOn)}::date
      WHERE id = ${studentId}::uuid AND EXISTS (SELECT 1 FROM ev)
    ), badges AS (
      SELECT * FROM unnest(${badgeIds}::uuid[], ${ids.slice(0, badgeIds.length)}::uuid[],
                           ${ids.slice(badgeIds.length)}::uuid[],
                           ${badgeIds.map((b) => badgeEventKey(studentId, b))}::text[]) AS b(badge, id, event, key)
      WHERE EXISTS (SELECT 1 FROM ev)
    ), held AS (
      INSERT INTO "StudentBadge" (id, "studentId", "badgeId")
      SELECT id, ${studentId}::uuid, badge FROM badges
      ON CONFLICT ("studentId", "badgeId") DO NOTHING
    ), announced AS (
      INSERT INTO "GamificationEvent" (id, "studentId", "userId", "eventType", "badgeUnlockedId", "dedupeKey")
      SELECT event, ${studentId}::uuid, ${award.userId}::uuid, 'ACHIEVEMENT'::"GamificationEventType", badge, key
      FROM badges
      ON CONFLICT ("dedupeKey") DO NOTHING
    )
    SELECT EXISTS (SELECT 1 FROM st) AS matched, EXISTS (SELECT 1 FROM ev) AS inserted`;
  return { matched: row?.matched ?? false, inserted: row?.inserted ?? false };
}

/** A @db.Date column's value as the calendar day it stands for (UTC, as the streak rules count days). */
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

type Attempt = { done: true; result: AwardResult | null } | { done: false };

/** One try: read the facts, apply the @edu/domain rules, write if the student's totals have not moved since. */
async function attempt(client: Client, submissionId: string, lock: boolean): Promise<Attempt> {
  const facts = await loadFacts(client, submissionId, lock);
  if (!facts || facts.awarded) return { done: true, result: null }; // not scored, or awarded before
  const { studentId } = facts;
  const points = pointsForSubmission({
    onTime: facts.submittedAt <= facts.dueDate,
    qualityScore: facts.codeQualityScore,
    actedOnFeedback:
      facts.earlierFound === true && (facts.codeQualityScore ?? 0) > (facts.earlierScore ?? 0),
  });
  const total = facts.currentPoints + points.total;
  const streak = nextStreak(
    { streak: facts.currentStreak, lastActiveOn: facts.lastActiveOn },
    facts.submittedAt,
  );
  // Badges only when there is one left to earn: the stats were loaded only then.
  const scores = facts.scores ?? [];
  const stats: StudentStats = {
    scoredSubmissions: scores.length,
    onTimeSubmissions: Number(facts.onTime ?? 0),
    qualityScores: scores,
    points: total,
    streak: streak.streak,
    firstOfClass: Number(facts.firstOfClass ?? 0),
  };
  const earned = facts.candidates.length > 0 ? earnedBadges(facts.candidates, stats) : [];
  const written = await writeAward(client, {
    studentId,
    userId: facts.userId,
    expected: {
      points: facts.currentPoints,
      streak: facts.currentStreak,
      lastActiveOn: facts.lastActiveOn,
    },
    points: points.total,
    total,
    level: levelForPoints(total),
    streak: streak.streak,
    lastActiveOn: streak.lastActiveOn,
    dedupeKey: submissionEventKey(submissionId),
    badgeIds: earned.map((b) => b.id),
  });
  if (!written.matched) return { done: false }; // another award for this student came first: decide again
  if (!written.inserted) return { done: true, result: null }; // a duplicate job won the dedupe key
  return {
    done: true,
    result: {
      studentId,
      points: total,
      awarded: points.total,
      badges: earned.map((b) => b.name),
      classIds: facts.classIds,
    },
  };
}

const OPTIMISTIC_TRIES = 3;

/**
 * Awards a scored submission's points, streak and badges exactly once: the SUBMISSION event's unique dedupe
 * key decides, in the one statement that also moves the student's totals and records badges, so a retried or
 * repeated job changes nothing. Awards for one student apply one after another: that statement holds the
 * student's row lock and writes only if the totals the award was computed from are still current, else the
 * award is decided again (after a few such races, inside a transaction that locks the row before reading).
 * Two round trips in the common case. Leaderboards and update streams follow after commit.
 */
export async function awardForScoredSubmission(
  deps: WorkerDeps,
  submissionId: string,
): Promise<AwardResult | null> {
  let outcome: Attempt = { done: false };
  for (let i = 0; i < OPTIMISTIC_TRIES && !outcome.done; i++)
    outcome = await attempt(deps.db, submissionId, false);
  if (!outcome.done) outcome = await deps.db.$transaction((tx) => attempt(tx, submissionId, true));
  if (!outcome.done) throw new Error(`award for submission ${submissionId} did not settle under its lock`);
  if (outcome.result) await announce(deps, outcome.result);
  return outcome.result;
}

/** After commit: leaderboards in step, update events, stale progress dropped. Redis trouble never fails the award. */
function announce({ redis, log }: WorkerDeps, result: AwardResult) {
  return afterCommit(
    log,
    "gamification.award",
    [
      () => redis.cache.invalidate("student-progress", result.studentId),
      () =>
        redis.updates.publish("student", result.studentId, {
          type: "points.changed",
          data: { points: result.points, badges: result.badges },
        }),
      ...result.classIds.flatMap((classId) => [
        () => redis.leaderboards.setPointsIfPresent(classId, result.studentId, result.points),
        () =>
          redis.updates.publish("leaderboard", classId, {
            type: "leaderboard.moved",
            data: { studentId: result.studentId, points: result.points },
          }),
      ]),
    ],
    { studentId: result.studentId },
  );
}
