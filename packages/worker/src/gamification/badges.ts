import type { BadgeCriteria } from "@edu/db/domain";

/** What badge rules are judged on: a student's totals after the award being made. */
export type StudentStats = {
  scoredSubmissions: number;
  onTimeSubmissions: number;
  qualityScores: number[];
  points: number;
  streak: number;
  /** Assignments the student was the first of their class to submit. */
  firstOfClass: number;
};

/** The one rule engine for every badge; the switch is exhaustive, so a new criteria kind must be handled here. */
export function meetsCriteria(criteria: BadgeCriteria, stats: StudentStats): boolean {
  switch (criteria.kind) {
    case "submissions":
      return stats.scoredSubmissions >= criteria.count;
    case "on-time":
      return stats.onTimeSubmissions >= criteria.count;
    case "quality":
      return stats.qualityScores.filter((q) => q >= criteria.minScore).length >= criteria.count;
    case "points":
      return stats.points >= criteria.total;
    case "streak":
      return stats.streak >= criteria.days;
    case "first-of-class":
      return stats.firstOfClass >= 1;
    default: {
      const unknown: never = criteria;
      throw new Error(`unhandled badge criteria ${JSON.stringify(unknown)}`);
    }
  }
}
