import type { Db } from "@edu/db";
import { boardName, boardStudentSelect } from "./board";

const WEEK_MS = 7 * 86_400_000;
export const MOST_IMPROVED_MAX = 20;

/**
 * The class's students who gained the most points in the last seven days (opted-out students left out). Points
 * are earned by improving (a better attempt, feedback acted on), so this ranks improvement, not standing.
 */
export async function loadMostImproved(db: Db, classId: string, now = new Date()) {
  const gains = await db.gamificationEvent.groupBy({
    by: ["studentId"],
    where: {
      createdAt: { gte: new Date(now.getTime() - WEEK_MS) },
      pointsAwarded: { gt: 0 },
      student: { leaderboardOptOut: false, enrollments: { some: { classId } } },
    },
    _sum: { pointsAwarded: true },
    orderBy: [{ _sum: { pointsAwarded: "desc" } }, { studentId: "desc" }],
    take: MOST_IMPROVED_MAX,
  });
  const students = await db.student.findMany({
    where: { id: { in: gains.map((g) => g.studentId) } },
    select: boardStudentSelect,
  });
  const names = new Map(students.map((s) => [s.id, boardName(s)]));
  return gains.map((g, i) => ({
    rank: i + 1,
    studentId: g.studentId,
    name: names.get(g.studentId) ?? "",
    pointsGained: g._sum.pointsAwarded ?? 0,
  }));
}
