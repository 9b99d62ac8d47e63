import { z } from "zod";

/**
 * The typed JSON stored in Badge.criteria. One rule engine (meetsCriteria below) judges every kind; adding a
 * kind here makes the type checker point at every place that must handle it. Counts are over distinct
 * assignments, so resubmitting (a copy or not) cannot farm them; no criteria rewards speed alone.
 */
export const badgeCriteriaSchema = z.discriminatedUnion("kind", [
  // Assignments with a scored attempt.
  z.object({ kind: z.literal("submissions"), count: z.number().int().positive() }),
  z.object({ kind: z.literal("streak"), days: z.number().int().positive() }),
  // Assignments whose best attempt scored at least minScore.
  z.object({
    kind: z.literal("quality"),
    minScore: z.number().min(0).max(100),
    count: z.number().int().positive(),
  }),
  z.object({ kind: z.literal("points"), total: z.number().int().positive() }),
  // Assignments submitted (an attempt) by their due date.
  z.object({ kind: z.literal("on-time"), count: z.number().int().positive() }),
  // Assignments whose best score rose at least minGain over the first attempt's.
  z.object({
    kind: z.literal("improvement"),
    minGain: z.number().positive().max(100),
    count: z.number().int().positive(),
  }),
]);

export type BadgeCriteria = z.infer<typeof badgeCriteriaSchema>;

/** What badge rules are judged on: a student's totals after the award being made, per distinct assignment. */
export type StudentStats = {
  /** Assignments with a scored attempt. */
  assignments: number;
  /** Assignments with an attempt by the due date. */
  onTimeAssignments: number;
  /** Per assignment, the best attempt's score. */
  bestScores: number[];
  /** Per assignment, best score minus the first attempt's score. */
  improvements: number[];
  points: number;
  streak: number;
};

/** A scored attempt as the badge stats see it. */
export type ScoredAttempt = { assignmentId: string; submittedAt: Date; score: number | null; dueDate: Date };

/** The badge stats from a student's scored attempts (any order), their points and streak. */
export function statsFromAttempts(
  attempts: ScoredAttempt[],
  totals: { points: number; streak: number },
): StudentStats {
  const byAssignment = new Map<string, ScoredAttempt[]>();
  for (const a of [...attempts].sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime())) {
    const list = byAssignment.get(a.assignmentId);
    if (list) list.push(a);
    else byAssignment.set(a.assignmentId, [a]);
  }
  const groups = [...byAssignment.values()];
  const bestScores = groups.map((g) => Math.max(...g.map((a) => a.score ?? 0)));
  return {
    assignments: groups.length,
    onTimeAssignments: groups.filter((g) => g.some((a) => a.submittedAt.getTime() <= a.dueDate.getTime()))
      .length,
    bestScores,
    improvements: groups.map((g, i) => (bestScores[i] ?? 0) - (g[0]?.score ?? 0)),
    points: totals.points,
    streak: totals.streak,
  };
}

/** The one rule engine for every badge; the switch is exhaustive, so a new criteria kind must be handled here. */
export function meetsCriteria(criteria: BadgeCriteria, stats: StudentStats): boolean {
  switch (criteria.kind) {
    case "submissions":
      return stats.assignments >= criteria.count;
    case "on-time":
      return stats.onTimeAssignments >= criteria.count;
    case "quality":
      return stats.bestScores.filter((q) => q >= criteria.minScore).length >= criteria.count;
    case "points":
      return stats.points >= criteria.total;
    case "streak":
      return stats.streak >= criteria.days;
    case "improvement":
      return stats.improvements.filter((g) => g >= criteria.minGain).length >= criteria.count;
    default: {
      const unknown: never = criteria;
      throw new Error(`unhandled badge criteria ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The badges a student earns with these stats, among those not yet held. Criteria are stored as JSON, so each
 * is parsed first; a badge whose criteria do not parse (a retired kind such as "first-of-class") is never awarded.
 */
export function earnedBadges<B extends { criteria: unknown }>(candidates: B[], stats: StudentStats): B[] {
  return candidates.filter((badge) => {
    const criteria = badgeCriteriaSchema.safeParse(badge.criteria);
    return criteria.success && meetsCriteria(criteria.data, stats);
  });
}
