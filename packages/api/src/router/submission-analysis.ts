// A submission's analysis from the api's side: queueing it, and telling its watchers where it stands.
import { afterCommit, type Prisma } from "@edu/db";
import type { Queues } from "@edu/jobs";
import type { ApiDeps } from "../deps";

export const submissionSelect = {
  id: true,
  studentId: true,
  assignmentId: true,
  githubUrl: true,
  codeQualityScore: true,
  complexityScore: true,
  maintainabilityRating: true,
  analysisStatus: true,
  analysisMessage: true,
  submittedAt: true,
} as const;

export type SubmissionRow = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;

/** A thunk that tells the submission's watchers where its analysis stands (as the worker does). */
export const publishAnalysis = (deps: ApiDeps, id: string, data: Record<string, unknown>) => () =>
  deps.redis.updates.publish("submission", id, { type: "submission.analysis", data });

/**
 * Queues the analysis of a committed submission. When the queue refuses, the submission is kept and says why
 * it is not being analysed (FAILED, which a retry accepts) rather than waiting forever.
 */
export async function queueAnalysis(
  deps: ApiDeps,
  submission: SubmissionRow,
  enqueue: (queues: Queues, submissionId: string) => Promise<unknown>,
): Promise<SubmissionRow> {
  try {
    await enqueue(deps.queues, submission.id);
    return submission;
  } catch (error) {
    deps.log.warn({ err: error, submissionId: submission.id }, "analysis could not be queued");
    const message = "Analysis could not be queued; submit again later";
    const failed = await deps.db.submission.update({
      where: { id: submission.id },
      data: { analysisStatus: "FAILED", analysisMessage: message },
      select: submissionSelect,
    });
    await afterCommit(deps.log, "analysis.publish", [
      publishAnalysis(deps, submission.id, { status: "FAILED", message }),
    ]);
    return failed;
  }
}
