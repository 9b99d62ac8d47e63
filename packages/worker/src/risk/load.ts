import type { Db } from "@edu/db";
import type { StudentActivity } from "@edu/domain";

const DAY = 86_400_000;

type PastDue = StudentActivity["pastDueAssignments"][number];

/**
 * Each query below returns its rows as JSON arrays, aggregated server-side into one JSON text: one string
 * through the client and one native JSON.parse, instead of a per-value conversion of tens of thousands of rows.
 * Timestamps come as epoch milliseconds (the columns hold milliseconds, so exactly), floats in PostgreSQL's
 * shortest exact form.
 */
const parseRows = <T>(result: { rows: string | null }[]): T[] => JSON.parse(result[0]?.rows ?? "[]") as T[];

/**
 * The activity of many students, in five set-based queries whatever their number, each student's record built
 * in one pass over the rows (no per-student scans).
 */
export async function loadRiskInputs(
  db: Db,
  studentIds: string[],
  now: Date,
): Promise<Map<string, StudentActivity>> {
  const since = new Date(now.getTime() - 28 * DAY);
  const [enrollments, submissions, feedback, activeDays] = await Promise.all([
    db.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array("studentId", "classId"))::text AS rows
      FROM "Enrollment" WHERE "studentId" = ANY(${studentIds}::uuid[])`.then(parseRows<[string, string]>),
    db.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array("studentId", "assignmentId",
                                       floor(extract(epoch FROM "submittedAt") * 1000)::bigint,
                                       "codeQualityScore", "contentHash"))::text AS rows
      FROM "Submission" WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "submittedAt" <= ${now}`.then(
      parseRows<[string, string, number, number | null, string | null]>,
    ),
    db.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array("studentId", floor(extract(epoch FROM "createdAt") * 1000)::bigint))::text
        AS rows
      FROM "Feedback" WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" <= ${now}`.then(
      parseRows<[string, number]>,
    ),
    db.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array("studentId", floor(extract(epoch FROM day) * 1000)::bigint))::text AS rows
      FROM (
        SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "ChatMessage"
          WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}
        UNION
        SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "GamificationEvent"
          WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}
            AND NOT ("eventType" = 'SUBMISSION' AND "pointsAwarded" = 0)
      ) AS days`.then(parseRows<[string, number]>),
  ]);
  const classIds = [...new Set(enrollments.map(([, classId]) => classId))];
  const assignments = parseRows<[string, string, number]>(
    await db.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array(id, "classId", floor(extract(epoch FROM "dueDate") * 1000)::bigint))::text
        AS rows
      FROM "Assignment" WHERE "classId" = ANY(${classIds}::uuid[]) AND "dueDate" <= ${now}`,
  );
  const byClass = new Map<string, PastDue[]>();
  for (const [id, classId, dueDate] of assignments) {
    const group = byClass.get(classId);
    const pastDue = { id, dueDate: new Date(dueDate) };
    if (group) group.push(pastDue);
    else byClass.set(classId, [pastDue]);
  }
  const activity = new Map<string, StudentActivity>();
  for (const id of studentIds)
    activity.set(id, { submissions: [], pastDueAssignments: [], feedbackAt: [], otherActiveDays: [] });
  for (const [studentId, classId] of enrollments) {
    const pastDue = activity.get(studentId)?.pastDueAssignments;
    for (const a of byClass.get(classId) ?? []) pastDue?.push(a);
  }
  // Copies (same assignment and contentHash) travel too: computeFeatures counts each distinct attempt once.
  for (const [studentId, assignmentId, submittedAt, codeQualityScore, contentHash] of submissions)
    activity
      .get(studentId)
      ?.submissions.push({ assignmentId, submittedAt: new Date(submittedAt), codeQualityScore, contentHash });
  for (const [studentId, createdAt] of feedback)
    activity.get(studentId)?.feedbackAt.push(new Date(createdAt));
  for (const [studentId, day] of activeDays)
    activity.get(studentId)?.otherActiveDays.push(Math.floor(day / DAY) * DAY);
  return activity;
}
