import type { Db } from "@edu/db";
import type { StudentActivity } from "@edu/domain";

const DAY = 86_400_000;

type Submission = StudentActivity["submissions"][number];
type PastDue = StudentActivity["pastDueAssignments"][number];

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
    db.$queryRaw<{ studentId: string; classId: string }[]>`
      SELECT "studentId", "classId" FROM "Enrollment" WHERE "studentId" = ANY(${studentIds}::uuid[])`,
    db.$queryRaw<(Submission & { studentId: string })[]>`
      SELECT "studentId", "assignmentId", "submittedAt", "codeQualityScore" FROM "Submission"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "submittedAt" <= ${now}`,
    db.$queryRaw<{ studentId: string; createdAt: Date }[]>`
      SELECT "studentId", "createdAt" FROM "Feedback"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" <= ${now}`,
    db.$queryRaw<{ studentId: string; day: Date }[]>`
      SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "ChatMessage"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}
      UNION
      SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "GamificationEvent"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}`,
  ]);
  const classIds = [...new Set(enrollments.map((e) => e.classId))];
  const assignments = await db.$queryRaw<(PastDue & { classId: string })[]>`
    SELECT id, "classId", "dueDate" FROM "Assignment"
      WHERE "classId" = ANY(${classIds}::uuid[]) AND "dueDate" <= ${now}`;
  const byClass = new Map<string, PastDue[]>();
  for (const a of assignments) {
    const pastDue = { id: a.id, dueDate: a.dueDate };
    const group = byClass.get(a.classId);
    if (group) group.push(pastDue);
    else byClass.set(a.classId, [pastDue]);
  }
  const activity = new Map<string, StudentActivity>();
  for (const id of studentIds)
    activity.set(id, { submissions: [], pastDueAssignments: [], feedbackAt: [], otherActiveDays: [] });
  for (const e of enrollments) {
    const pastDue = activity.get(e.studentId)?.pastDueAssignments;
    for (const a of byClass.get(e.classId) ?? []) pastDue?.push(a);
  }
  for (const s of submissions)
    activity.get(s.studentId)?.submissions.push({
      assignmentId: s.assignmentId,
      submittedAt: s.submittedAt,
      codeQualityScore: s.codeQualityScore,
    });
  for (const f of feedback) activity.get(f.studentId)?.feedbackAt.push(f.createdAt);
  for (const d of activeDays)
    activity.get(d.studentId)?.otherActiveDays.push(Math.floor(new Date(d.day).getTime() / DAY) * DAY);
  return activity;
}
