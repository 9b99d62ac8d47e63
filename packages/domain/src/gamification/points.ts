// Points are earned per assignment, from the student's attempts at it; the worker awards them and the seed
// writes its history with them.
//
// An assignment is worth, at most, ASSIGNMENT_MAX_POINTS:
//
// | reason            | points | when                                                                          |
// |-------------------|--------|-------------------------------------------------------------------------------|
// | submission        | 10     | the assignment has a scored attempt                                           |
// | on-time           | 10     | an attempt was submitted at or before the due date                            |
// | quality-80        | 15     | the best attempt's codeQualityScore ≥ 80                                      |
// | quality-95        | 10     | the best attempt's codeQualityScore ≥ 95 (on top of quality-80)               |
// | acted-on-feedback | 20     | per feedback answered (see feedbackActedOn), at most FEEDBACK_BONUSES of them |
//
// Each attempt is awarded the improvement it brings: the assignment's points with it minus the points already
// earned on the assignment (never below 0). So an identical or not-better resubmission earns 0, and however many
// attempts a student makes, the assignment never pays more than its maximum. Every part is monotone in the
// attempts (best score, any on time, feedback answered), so the points only grow as attempts come in.

export const POINTS = {
  submission: 10,
  onTime: 10,
  quality80: 15,
  quality95: 10,
  actedOnFeedback: 20,
} as const;

/** Feedback bonuses one assignment can pay: two rounds of review and improvement. */
export const FEEDBACK_BONUSES = 2;

export const ASSIGNMENT_MAX_POINTS =
  POINTS.submission +
  POINTS.onTime +
  POINTS.quality80 +
  POINTS.quality95 +
  FEEDBACK_BONUSES * POINTS.actedOnFeedback;

export type PointsBreakdown = { total: number; parts: { reason: string; points: number }[] };

/** One scored attempt at an assignment. */
export type Attempt = {
  id: string;
  submittedAt: Date;
  score: number | null;
  /** The analysed tree's hash; null when unknown (older submissions). */
  contentHash: string | null;
  /** When each feedback on this attempt was given. */
  feedbackAt: Date[];
};

const byTime = <T extends { submittedAt: Date; id: string }>(a: T, b: T) =>
  a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The distinct attempts, oldest first: an attempt whose contentHash equals an earlier attempt's is a copy of it
 * (the analysis copied that result) and counts as no attempt; feedback given on a copy counts for the original.
 */
export function distinctAttempts<T extends Attempt>(attempts: T[]): T[] {
  const originals = new Map<string, T>();
  const out: T[] = [];
  for (const attempt of [...attempts].sort(byTime)) {
    const original = attempt.contentHash === null ? undefined : originals.get(attempt.contentHash);
    if (original) {
      original.feedbackAt = [...original.feedbackAt, ...attempt.feedbackAt];
      continue;
    }
    const copy = { ...attempt, feedbackAt: [...attempt.feedbackAt] };
    if (attempt.contentHash !== null) originals.set(attempt.contentHash, copy);
    out.push(copy);
  }
  return out;
}

/** Whether `next` is a changed, better attempt than `earlier`: the score rose, and the code is not the same. */
export function improvedOn(
  earlier: Pick<Attempt, "score" | "contentHash">,
  next: Pick<Attempt, "score" | "contentHash">,
): boolean {
  const sameCode =
    earlier.contentHash !== null && next.contentHash !== null && earlier.contentHash === next.contentHash;
  return !sameCode && (next.score ?? 0) > (earlier.score ?? 0);
}

/**
 * How many feedbacks the student acted on: each feedback counts once, when the next distinct attempt after it
 * (submitted after both the feedbacked attempt and the feedback) scores higher than the feedbacked attempt with
 * changed code. A next attempt that does not improve uses the feedback up.
 */
export function feedbackActedOn(attempts: Attempt[]): number {
  const ordered = distinctAttempts(attempts);
  let acted = 0;
  for (const feedbacked of ordered)
    for (const at of feedbacked.feedbackAt) {
      const next = ordered.find(
        (a) => a.submittedAt > feedbacked.submittedAt && a.submittedAt.getTime() >= at.getTime(),
      );
      if (next && improvedOn(feedbacked, next)) acted++;
    }
  return acted;
}

/** Points for the quality of an assignment's best attempt: a monotone step function of the score. */
export function qualityPoints(score: number | null): number {
  const s = score ?? 0;
  return (s >= 80 ? POINTS.quality80 : 0) + (s >= 95 ? POINTS.quality95 : 0);
}

/** What an assignment is worth with these scored attempts (at most ASSIGNMENT_MAX_POINTS). */
export function assignmentPoints(attempts: Attempt[], dueDate: Date): PointsBreakdown {
  if (attempts.length === 0) return { total: 0, parts: [] };
  const parts: PointsBreakdown["parts"] = [{ reason: "submission", points: POINTS.submission }];
  if (attempts.some((a) => a.submittedAt.getTime() <= dueDate.getTime()))
    parts.push({ reason: "on-time", points: POINTS.onTime });
  const best = Math.max(...attempts.map((a) => a.score ?? 0));
  if (best >= 80) parts.push({ reason: "quality-80", points: POINTS.quality80 });
  if (best >= 95) parts.push({ reason: "quality-95", points: POINTS.quality95 });
  const acted = Math.min(FEEDBACK_BONUSES, feedbackActedOn(attempts));
  if (acted > 0) parts.push({ reason: "acted-on-feedback", points: acted * POINTS.actedOnFeedback });
  return { total: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

export type AttemptAward = {
  /** Points this attempt earns: the improvement over what the assignment had paid. */
  points: number;
  /** The assignment's points with this attempt. */
  assignment: PointsBreakdown;
  /** A copy of an earlier attempt (same contentHash): no learning activity of its own. */
  copy: boolean;
};

/**
 * The award for one attempt: `earlier` are the assignment's attempts already awarded, `earned` the points they
 * earned (the sum of the assignment's SUBMISSION events).
 */
export function awardForAttempt(input: {
  earlier: Attempt[];
  attempt: Attempt;
  dueDate: Date;
  earned: number;
}): AttemptAward {
  const assignment = assignmentPoints([...input.earlier, input.attempt], input.dueDate);
  const copy =
    input.attempt.contentHash !== null &&
    input.earlier.some((e) => e.contentHash === input.attempt.contentHash && byTime(e, input.attempt) < 0);
  return { points: Math.max(0, assignment.total - input.earned), assignment, copy };
}
