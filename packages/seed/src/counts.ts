// The row counts the seed reports, and its tests compare between runs.
import type { Db } from "@edu/db";

export type SeedCounts = Record<string, number>;

/** Each table the seed fills, under the name its count is reported by. */
const COUNTED_TABLES = {
  institutions: "Institution",
  users: "User",
  students: "Student",
  classes: "Class",
  enrollments: "Enrollment",
  assignments: "Assignment",
  submissions: "Submission",
  feedback: "Feedback",
  grievances: "Grievance",
  grievanceAudit: "GrievanceAuditLog",
  badges: "Badge",
  studentBadges: "StudentBadge",
  events: "GamificationEvent",
  predictions: "RiskPrediction",
  chat: "ChatMessage",
} as const;

export async function countRows(db: Db): Promise<SeedCounts> {
  const counts = await Promise.all(
    Object.entries(COUNTED_TABLES).map(async ([name, table]) => {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      return [name, Number(row?.n ?? 0)] as const;
    }),
  );
  return Object.fromEntries(counts);
}
