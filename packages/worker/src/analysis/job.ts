import { afterCommit } from "@edu/db";
import { scoreRepository } from "@edu/domain";
import { analysisJobSchema, enqueueGamification, enqueueRisk } from "@edu/jobs";
import { UnrecoverableError } from "bullmq";
import type { WorkerDeps } from "../deps";
import { analyzeRepository } from "./analyze";
import { fetchRepository, RepositoryError } from "./source";

/** After commit: watchers of the submission hear its analysis status. */
export function publishAnalysis(deps: WorkerDeps, submissionId: string, data: Record<string, unknown>) {
  return afterCommit(
    deps.log,
    "analysis.publish",
    [() => deps.redis.updates.publish("submission", submissionId, { type: "submission.analysis", data })],
    { submissionId },
  );
}

/**
 * Fetches, analyses and scores a submission, storing its findings; then queues points and risk. A repository that cannot be fetched or analysed ends FAILED with a message, and is not retried.
 */
export async function handleAnalysisJob(deps: WorkerDeps, data: unknown, attempt = { number: 1, max: 1 }) {
  const { submissionId } = analysisJobSchema.parse(data);
  const submission = await deps.db.submission.update({
    where: { id: submissionId },
    data: { analysisStatus: "ANALYZING", analysisMessage: null },
    select: { githubUrl: true, studentId: true },
  });
  let repository: Awaited<ReturnType<typeof fetchRepository>> | undefined;
  try {
    repository = await fetchRepository(submission.githubUrl, deps.config);
    const metrics = await analyzeRepository(repository.dir, deps.config.ANALYSIS_MAX_FILE_BYTES);
    if (metrics.files === 0)
      throw new RepositoryError("No JavaScript, TypeScript, Python or Java files found", true);
    const scores = scoreRepository(metrics);
    await deps.db.$transaction([
      deps.db.analysisFinding.deleteMany({ where: { submissionId } }),
      deps.db.analysisFinding.createMany({ data: metrics.findings.map((f) => ({ ...f, submissionId })) }),
      deps.db.submission.update({
        where: { id: submissionId },
        data: {
          analysisStatus: "SCORED",
          codeQualityScore: scores.codeQualityScore,
          complexityScore: scores.complexityScore,
          analysisMessage: `Rating ${scores.rating}: ${metrics.files} files, ${metrics.codeLines} code lines, ${metrics.functions.length} functions, about ${scores.debtMinutes} min of fixes`,
        },
      }),
    ]);
    await publishAnalysis(deps, submissionId, {
      status: "SCORED",
      codeQualityScore: scores.codeQualityScore,
      complexityScore: scores.complexityScore,
    });
    await enqueueGamification(deps.queues, { kind: "submission-scored", submissionId });
    await enqueueRisk(
      deps.queues,
      { scope: "student", studentId: submission.studentId },
      `submission-${submissionId}`,
    );
    return { ...scores, files: metrics.files, findings: metrics.findings.length };
  } catch (error) {
    const permanent = !(error instanceof RepositoryError) || error.permanent;
    const message = error instanceof RepositoryError ? error.message : "The analysis failed unexpectedly";
    if (permanent || attempt.number >= attempt.max) {
      await deps.db.submission.update({
        where: { id: submissionId },
        data: { analysisStatus: "FAILED", analysisMessage: message },
      });
      await publishAnalysis(deps, submissionId, { status: "FAILED", message });
    }
    if (!(error instanceof RepositoryError)) deps.log.error({ err: error, submissionId }, "analysis failed");
    throw permanent ? new UnrecoverableError(message) : error;
  } finally {
    await repository?.cleanup();
  }
}
