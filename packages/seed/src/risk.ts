// Risk predictions made by the product's model from each student's seeded activity, as the worker's recompute
// (packages/worker/src/risk/recompute.ts) makes them from the database.
import type { Db } from "@edu/db";
import { computeFeatures, groupBy, predictionRecord, type StudentActivity } from "@edu/domain";
import type { Classes } from "./classes";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { People } from "./institution-and-people";
import type { Coursework } from "./submissions";
import { DAY, HOUR, insertChunks } from "./support";

const WINDOW = 28 * DAY;

const PREDICTION_COLUMNS = {
  id: "uuid",
  studentId: "uuid",
  riskScore: "float8",
  riskLevel: '"RiskLevel"',
  submissionFrequency: "float8",
  codeQualityTrend: "float8",
  engagementScore: "float8",
  feedbackResponseTime: "float8",
  confidence: "float8",
  topFactors: "jsonb",
  modelVersion: "text",
  predictedAt: "timestamptz",
} as const;
/** Chat messages and gamification events: what makes a day active besides a submission. */
type OtherActivity = {
  studentId: string;
  createdAt?: Date | string;
  eventType?: string;
  pointsAwarded?: number;
};

const dayOf = (at: Date) => Math.floor(at.getTime() / DAY) * DAY;

/** Each student's activity as the worker loads it (packages/worker/src/risk/load.ts), as of `at`. */
function activityOf(
  people: People,
  classes: Classes,
  coursework: Coursework,
  /** Chat messages and gamification events: what makes a day active besides a submission. */
  other: OtherActivity[],
  at: Date,
): Map<string, StudentActivity> {
  const since = at.getTime() - WINDOW;
  const submissions = groupBy(coursework.submissions, (s) => s.studentId);
  const feedback = groupBy(coursework.feedback, (f) => f.studentId);
  const activeDays = new Map<string, Set<number>>();
  for (const o of other) {
    // As the worker loads them: a SUBMISSION event that earned nothing is no activity of its own.
    if (o.eventType === "SUBMISSION" && o.pointsAwarded === 0) continue;
    const t = new Date(o.createdAt ?? at);
    if (t.getTime() < since || t > at) continue;
    const days = activeDays.get(o.studentId) ?? new Set<number>();
    days.add(dayOf(t));
    activeDays.set(o.studentId, days);
  }
  const pastDue = classes.ids.map((_, c) =>
    classes.assignments
      .filter((a) => a.classIndex === c && a.dueDate <= at)
      .map((a) => ({ id: a.id, dueDate: a.dueDate })),
  );
  return new Map(
    people.students.map((s) => [
      s.studentId,
      {
        submissions: (submissions.get(s.studentId) ?? []).filter((x) => x.submittedAt <= at),
        pastDueAssignments: s.classIndexes.flatMap((c) => pastDue[c] ?? []),
        feedbackAt: (feedback.get(s.studentId) ?? []).map((f) => f.createdAt).filter((t) => t <= at),
        otherActiveDays: [...(activeDays.get(s.studentId) ?? [])],
      },
    ]),
  );
}

/**
 * One prediction per student, made an hour before the seed's `now`, and the student's risk following it in the
 * same transaction, a thousand students at a time. As with points, a student's risk is written only with a
 * prediction this run inserted.
 */
export async function seedRisk(
  db: Db,
  people: People,
  classes: Classes,
  coursework: Coursework,
  other: OtherActivity[],
  now: Date,
) {
  const at = new Date(now.getTime() - HOUR);
  const activity = activityOf(people, classes, coursework, other, at);
  const rows = people.students.map((s) => {
    const features = computeFeatures(activity.get(s.studentId) as StudentActivity, at);
    return {
      id: seedId("risk", s.studentId),
      studentId: s.studentId,
      ...predictionRecord(features),
      predictedAt: at,
    };
  });
  await insertChunks(rows, (chunk) =>
    db.$transaction(
      async (tx) => {
        const inserted = await insertRows(tx, "RiskPrediction", PREDICTION_COLUMNS, chunk);
        const moved = chunk.filter((r) => inserted.has(r.id));
        if (moved.length === 0) return;
        await tx.$executeRaw`
          UPDATE "Student" AS s SET "riskScore" = v.score, "riskLevel" = v.level::"RiskLevel"
          FROM unnest(${moved.map((r) => r.studentId)}::uuid[], ${moved.map((r) => r.riskScore)}::float8[],
                      ${moved.map((r) => r.riskLevel)}::text[]) AS v(id, score, level)
          WHERE s.id = v.id`;
      },
      { timeout: 60_000 },
    ),
  );
}
