import { z } from "zod";

/**
 * The typed JSON stored in Badge.criteria. One rule engine (meetsCriteria below) judges every kind; adding a
 * kind here makes the type checker point at every place that must handle it.
 */
export const badgeCriteriaSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("submissions"), count: z.number().int().positive() }),
  z.object({ kind: z.literal("streak"), days: z.number().int().positive() }),
  z.object({
    kind: z.literal("quality"),
    minScore: z.number().min(0).max(100),
    count: z.number().int().positive(),
  }),
  z.object({ kind: z.literal("points"), total: z.number().int().positive() }),
  // The first submission to an assignment among its class.
  z.object({ kind: z.literal("first-of-class") }),
  z.object({ kind: z.literal("on-time"), count: z.number().int().positive() }),
]);

export type BadgeCriteria = z.infer<typeof badgeCriteriaSchema>;

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

/**
 * The badges a student earns with these stats, among those not yet held. Criteria are stored as JSON, so each
 * is parsed first; a badge whose criteria do not parse is never awarded.
 */
export function earnedBadges<B extends { criteria: unknown }>(candidates: B[], stats: StudentStats): B[] {
  return candidates.filter((badge) => {
    const criteria = badgeCriteriaSchema.safeParse(badge.criteria);
    return criteria.success && meetsCriteria(criteria.data, stats);
  });
}
