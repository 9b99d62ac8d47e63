import type { Db } from "@edu/db";
import { groupBy, type StudentActivity } from "@edu/domain";

const DAY = 86_400_000;

/** The activity of many students, in five queries whatever their number. */
export async function loadRiskInputs(
  db: Db,
  studentIds: string[],
  now: Date,
): Promise<Map<string, StudentActivity>> {
  const since = new Date(now.getTime() - 28 * DAY);
  const [enrollments, submissions, feedback, activeDays] = await Promise.all([
    db.enrollment.findMany({
      where: { studentId: { in: studentIds } },
      select: { studentId: true, classId: true },
    }),
    db.submission.findMany({
      where: { studentId: { in: studentIds }, submittedAt: { lte: now } },
      select: { studentId: true, assignmentId: true, submittedAt: true, codeQualityScore: true },
    }),
    db.feedback.findMany({
      where: { studentId: { in: studentIds }, createdAt: { lte: now } },
      select: { studentId: true, createdAt: true },
    }),
    db.$queryRaw<{ studentId: string; day: Date }[]>`
      SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "ChatMessage"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}
      UNION
      SELECT "studentId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day FROM "GamificationEvent"
        WHERE "studentId" = ANY(${studentIds}::uuid[]) AND "createdAt" BETWEEN ${since} AND ${now}`,
  ]);
  const classIds = [...new Set(enrollments.map((e) => e.classId))];
  const assignments = await db.assignment.findMany({
    where: { classId: { in: classIds }, dueDate: { lte: now } },
    select: { id: true, classId: true, dueDate: true },
  });
  const byClass = groupBy(assignments, (a) => a.classId);
  const activity = new Map<string, StudentActivity>(
    studentIds.map((id) => [
      id,
      { submissions: [], pastDueAssignments: [], feedbackAt: [], otherActiveDays: [] },
    ]),
  );
  for (const e of enrollments)
    activity.get(e.studentId)?.pastDueAssignments.push(...(byClass.get(e.classId) ?? []));
  for (const s of submissions) activity.get(s.studentId)?.submissions.push(s);
  for (const f of feedback) activity.get(f.studentId)?.feedbackAt.push(f.createdAt);
  for (const d of activeDays)
    activity.get(d.studentId)?.otherActiveDays.push(Math.floor(new Date(d.day).getTime() / DAY) * DAY);
  return activity;
}
