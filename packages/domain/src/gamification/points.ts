// Points for a scored submission; the worker awards them and the seed writes its history with them.
//
// | reason            | points | when                                                                    |
// |-------------------|--------|-------------------------------------------------------------------------|
// | submission        | 10     | every scored submission                                                 |
// | on-time           | 10     | submitted at or before the assignment's due date                       |
// | quality-80        | 15     | codeQualityScore ≥ 80                                                   |
// | quality-95        | 10     | codeQualityScore ≥ 95 (on top of quality-80)                            |
// | acted-on-feedback | 20     | a resubmission of an assignment whose earlier submission got feedback, |
// |                   |        | scoring higher than that earlier submission                            |

export const POINTS = {
  submission: 10,
  onTime: 10,
  quality80: 15,
  quality95: 10,
  actedOnFeedback: 20,
} as const;

export type SubmissionFacts = { onTime: boolean; qualityScore: number | null; actedOnFeedback: boolean };
export type PointsBreakdown = { total: number; parts: { reason: string; points: number }[] };

export function pointsForSubmission(facts: SubmissionFacts): PointsBreakdown {
  const parts: PointsBreakdown["parts"] = [{ reason: "submission", points: POINTS.submission }];
  if (facts.onTime) parts.push({ reason: "on-time", points: POINTS.onTime });
  if ((facts.qualityScore ?? 0) >= 80) parts.push({ reason: "quality-80", points: POINTS.quality80 });
  if ((facts.qualityScore ?? 0) >= 95) parts.push({ reason: "quality-95", points: POINTS.quality95 });
  if (facts.actedOnFeedback) parts.push({ reason: "acted-on-feedback", points: POINTS.actedOnFeedback });
  return { total: parts.reduce((sum, p) => sum + p.points, 0), parts };
}
