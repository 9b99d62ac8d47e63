// The risk model's features, computed from a student's records at a reference time `now`.
//
// | feature              | definition                                                                                  |
// |----------------------|---------------------------------------------------------------------------------------------|
// | submissionFrequency  | submissions in the 28 days before `now`, per week (count / 4)                               |
// | codeQualityTrend     | least-squares slope of codeQualityScore over the last 5 scored submissions, points per      |
// |                      | submission (0 with fewer than 2)                                                            |
// | engagementScore      | 0.5 · min(1, active days in the last 28 / 12) + 0.5 · on-time rate, in [0, 1]; a day is     |
// |                      | active with a submission, a chat message or a gamification event; on-time rate = share of    |
// |                      | past-due assignments of the student's classes submitted by their due date (1 when none)     |
// | feedbackResponseTime | mean hours from each feedback (older than 14 days, or answered) to the student's next       |
// |                      | submission, capped at 336 h; 168 h when there is no feedback to measure                     |
// | missingRate          | share of past-due assignments of the student's classes with no submission (0 when none)     |
// | averageQuality       | mean codeQualityScore of the last 5 scored submissions / 100 (0.5 when none)                |
//
// Submissions are distinct attempts: a submission with the same contentHash as an earlier one of the same
// assignment is a copy (the analysis copied its result) and is left out of every feature, so resubmitting the
// same code neither raises the frequency nor pads the scores.

const DAY = 86_400_000;
const WINDOW_DAYS = 28;
const RESPONSE_CAP_HOURS = 336;
export const NO_FEEDBACK_HOURS = 168;

export const FEATURE_NAMES = [
  "submissionFrequency",
  "codeQualityTrend",
  "engagementScore",
  "feedbackResponseTime",
  "missingRate",
  "averageQuality",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type RiskFeatures = Record<FeatureName, number>;

/** Everything the features are computed from, for one student. */
export type StudentActivity = {
  submissions: {
    assignmentId: string;
    submittedAt: Date;
    codeQualityScore: number | null;
    /** The analysed tree's hash, when known: copies of an earlier attempt count once. */
    contentHash?: string | null;
  }[];
  /** Assignments of the student's classes whose due date has passed. */
  pastDueAssignments: { id: string; dueDate: Date }[];
  feedbackAt: Date[];
  /**
   * Distinct UTC days (ms at midnight) with a chat message or gamification event in the window; a SUBMISSION
   * event that earned nothing (a copy, a not-better attempt) is no activity of its own.
   */
  otherActiveDays: number[];
};

/** Slope of the least-squares line through (0, y0), (1, y1), ... */
export function slope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** The distinct attempts, oldest first: a later submission of the same assignment and contentHash is dropped. */
export function distinctSubmissions<S extends StudentActivity["submissions"][number]>(submissions: S[]): S[] {
  const seen = new Set<string>();
  return [...submissions]
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .filter((s) => {
      if (s.contentHash == null) return true;
      const key = `${s.assignmentId}\u0000${s.contentHash}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function computeFeatures(activity: StudentActivity, now: Date): RiskFeatures {
  const since = now.getTime() - WINDOW_DAYS * DAY;
  const submissions = distinctSubmissions(activity.submissions);
  const recent = submissions.filter((s) => s.submittedAt.getTime() >= since && s.submittedAt <= now);
  const lastScores = submissions
    .filter((s) => s.codeQualityScore !== null)
    .slice(-5)
    .map((s) => s.codeQualityScore ?? 0);

  const firstSubmission = new Map<string, Date>();
  for (const s of submissions)
    if (!firstSubmission.has(s.assignmentId)) firstSubmission.set(s.assignmentId, s.submittedAt);
  const pastDue = activity.pastDueAssignments.filter((a) => a.dueDate <= now);
  const onTime = pastDue.filter(
    (a) => (firstSubmission.get(a.id)?.getTime() ?? Number.POSITIVE_INFINITY) <= a.dueDate.getTime(),
  );
  const missing = pastDue.filter((a) => !firstSubmission.has(a.id));

  const activeDays = new Set([
    ...activity.otherActiveDays,
    ...recent.map((s) => Math.floor(s.submittedAt.getTime() / DAY) * DAY),
  ]);
  const onTimeRate = pastDue.length === 0 ? 1 : onTime.length / pastDue.length;

  const responses: number[] = [];
  for (const at of activity.feedbackAt) {
    const next = submissions.find((s) => s.submittedAt > at);
    if (next)
      responses.push(Math.min(RESPONSE_CAP_HOURS, (next.submittedAt.getTime() - at.getTime()) / 3_600_000));
    else if (now.getTime() - at.getTime() > RESPONSE_CAP_HOURS * 3_600_000)
      responses.push(RESPONSE_CAP_HOURS);
  }

  return {
    submissionFrequency: recent.length / (WINDOW_DAYS / 7),
    codeQualityTrend: slope(lastScores),
    engagementScore: 0.5 * Math.min(1, activeDays.size / 12) + 0.5 * onTimeRate,
    feedbackResponseTime:
      responses.length === 0 ? NO_FEEDBACK_HOURS : responses.reduce((a, b) => a + b, 0) / responses.length,
    missingRate: pastDue.length === 0 ? 0 : missing.length / pastDue.length,
    averageQuality:
      lastScores.length === 0 ? 0.5 : lastScores.reduce((a, b) => a + b, 0) / lastScores.length / 100,
  };
}
