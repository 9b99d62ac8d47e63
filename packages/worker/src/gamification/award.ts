import { afterCommit, type Prisma } from "@edu/db";
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

export type AwardResult = {
  studentId: string;
  points: number;
  awarded: number;
  badges: string[];
  classIds: string[];
};

async function loadStats(
  tx: Prisma.TransactionClient,
  studentId: string,
  points: number,
  streak: number,
): Promise<StudentStats> {
  const [row] = await tx.$queryRaw<{ scores: number[] | null; on_time: bigint; first_of_class: bigint }[]>`
    SELECT
      array_agg(coalesce(s."codeQualityScore", 0)) AS scores,
      count(*) FILTER (WHERE s."submittedAt" <= a."dueDate") AS on_time,
      count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "Submission" o WHERE o."assignmentId" = s."assignmentId" AND o."submittedAt" < s."submittedAt"
      )) AS first_of_class
    FROM "Submission" s JOIN "Assignment" a ON a.id = s."assignmentId"
    WHERE s."studentId" = ${studentId}::uuid AND s."analysisStatus" = 'SCORED'`;
  const scores = row?.scores ?? [];
  return {
    scoredSubmissions: scores.length,
    onTimeSubmissions: Number(row?.on_time ?? 0),
    qualityScores: scores,
    points,
    streak,
    firstOfClass: Number(row?.first_of_class ?? 0),
  };
}

/**
 * Awards a scored submission's points, streak and badges exactly once: the SUBMISSION event's unique dedupe
 * key decides, inside the one transaction that also moves the student's totals, so a retried or repeated job
 * changes nothing. Leaderboards and update streams follow after commit.
 */
export async function awardForScoredSubmission(
  deps: WorkerDeps,
  submissionId: string,
): Promise<AwardResult | null> {
  const result = await deps.db.$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({
      where: { id: submissionId },
      select: {
        studentId: true,
        assignmentId: true,
        submittedAt: true,
        codeQualityScore: true,
        analysisStatus: true,
        assignment: { select: { dueDate: true } },
      },
    });
    if (submission?.analysisStatus !== "SCORED") return null;
    const { studentId } = submission;
    // Awards for one student apply one after another, so totals and streaks never race.
    const [student] = await tx.$queryRaw<
      {
        userId: string;
        currentPoints: number;
        currentStreak: number;
        lastActiveOn: Date | null;
        classIds: string[];
      }[]
    >`
      SELECT "userId", "currentPoints", "currentStreak", "lastActiveOn",
             array(SELECT "classId" FROM "Enrollment" WHERE "studentId" = ${studentId}::uuid)::text[] AS "classIds"
      FROM "Student" WHERE id = ${studentId}::uuid FOR UPDATE`;
    if (!student) return null;
    const earlier = await tx.submission.findFirst({
      where: {
        studentId,
        assignmentId: submission.assignmentId,
        submittedAt: { lt: submission.submittedAt },
        feedback: { some: {} },
      },
      orderBy: { submittedAt: "desc" },
      select: { codeQualityScore: true },
    });
    const points = pointsForSubmission({
      onTime: submission.submittedAt <= submission.assignment.dueDate,
      qualityScore: submission.codeQualityScore,
      actedOnFeedback:
        earlier !== null && (submission.codeQualityScore ?? 0) > (earlier.codeQualityScore ?? 0),
    });
    const inserted = await tx.gamificationEvent.createManyAndReturn({
      data: [
        {
          studentId,
          userId: student.userId,
          eventType: "SUBMISSION",
          pointsAwarded: points.total,
          dedupeKey: submissionEventKey(submissionId),
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (inserted.length === 0) return null; // awarded before: a retry or a duplicate job
    const total = student.currentPoints + points.total;
    const streak = nextStreak(
      { streak: student.currentStreak, lastActiveOn: student.lastActiveOn },
      submission.submittedAt,
    );
    await tx.student.update({
      where: { id: studentId },
      data: {
        currentPoints: total,
        currentLevel: levelForPoints(total),
        currentStreak: streak.streak,
        lastActiveOn: streak.lastActiveOn,
      },
    });
    const stats = await loadStats(tx, studentId, total, streak.streak);
    const candidates = await tx.badge.findMany({
      where: { students: { none: { studentId } } },
      select: { id: true, name: true, criteria: true },
    });
    const earned = earnedBadges(candidates, stats);
    if (earned.length > 0) {
      await tx.studentBadge.createMany({
        data: earned.map((b) => ({ studentId, badgeId: b.id })),
        skipDuplicates: true,
      });
      await tx.gamificationEvent.createMany({
        data: earned.map((b) => ({
          studentId,
          userId: student.userId,
          eventType: "ACHIEVEMENT" as const,
          badgeUnlockedId: b.id,
          dedupeKey: badgeEventKey(studentId, b.id),
        })),
        skipDuplicates: true,
      });
    }
    return {
      studentId,
      points: total,
      awarded: points.total,
      badges: earned.map((b) => b.name),
      classIds: student.classIds,
    };
  });
  if (result) await announce(deps, result);
  return result;
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
