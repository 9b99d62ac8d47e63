import { afterCommit, type Prisma } from "@edu/db";
import { type AnalysisSummary, MAX_STORED_FINDINGS, scoreRepository, summarizeAnalysis } from "@edu/domain";
import { analysisJobSchema, enqueueGamification, enqueueRisk } from "@edu/jobs";
import { UnrecoverableError } from "bullmq";
import type { WorkerDeps } from "../deps";
import { analyzeRepository } from "./analyze";
import { hashTree } from "./content-hash";
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

const attemptDate = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** A scored result as stored: the submission's findings replaced and its scores set, in one transaction. */
async function storeScored(
  deps: WorkerDeps,
  submissionId: string,
  {
    findings,
    ...scored
  }: {
    findings: Omit<Prisma.AnalysisFindingCreateManyInput, "submissionId">[];
  } & Pick<
    Prisma.SubmissionUpdateInput,
    "codeQualityScore" | "complexityScore" | "maintainabilityRating" | "analysisSummary" | "analysisMessage"
  > & { contentHash: string },
) {
  await deps.db.$transaction([
    deps.db.analysisFinding.deleteMany({ where: { submissionId } }),
    deps.db.analysisFinding.createMany({ data: findings.map((f) => ({ ...f, submissionId })) }),
    deps.db.submission.update({ where: { id: submissionId }, data: { analysisStatus: "SCORED", ...scored } }),
  ]);
}

type Outcome = {
  codeQualityScore: number | null;
  complexityScore: number | null;
  rating: string | null;
  files: number;
  findings: number;
  reused: boolean;
};

/**
 * The earlier scored attempt of the same student at the same assignment with the same code, its result copied
 * (scores, rating, summary, findings) instead of analysing the same tree again; null when there is none.
 */
async function reuseEarlierResult(
  deps: WorkerDeps,
  submissionId: string,
  submission: { studentId: string; assignmentId: string; submittedAt: Date },
  contentHash: string,
): Promise<Outcome | null> {
  const earlier = await deps.db.submission.findFirst({
    where: {
      studentId: submission.studentId,
      assignmentId: submission.assignmentId,
      contentHash,
      analysisStatus: "SCORED",
      id: { not: submissionId },
      submittedAt: { lte: submission.submittedAt },
    },
    orderBy: { submittedAt: "desc" },
    include: { findings: { orderBy: { createdAt: "asc" } } },
  });
  if (!earlier) return null;
  const summary = {
    ...((earlier.analysisSummary ?? {}) as Partial<AnalysisSummary>),
    reusedFrom: { submissionId: earlier.id, submittedAt: earlier.submittedAt.toISOString() },
  };
  await storeScored(deps, submissionId, {
    findings: earlier.findings.map(({ id: _id, createdAt: _createdAt, submissionId: _from, ...f }) => f),
    codeQualityScore: earlier.codeQualityScore,
    complexityScore: earlier.complexityScore,
    maintainabilityRating: earlier.maintainabilityRating,
    analysisSummary: summary as Prisma.InputJsonObject,
    contentHash,
    analysisMessage: `Same code as your attempt of ${attemptDate(earlier.submittedAt)}; result reused`,
  });
  return {
    codeQualityScore: earlier.codeQualityScore,
    complexityScore: earlier.complexityScore,
    rating: earlier.maintainabilityRating,
    files: summary.files ?? 0,
    findings: earlier.findings.length,
    reused: true,
  };
}

/**
 * Fetches, analyses and scores a submission, storing its findings; then queues points and risk. Code identical
 * to an earlier scored attempt (same student, same assignment, same content hash) takes that attempt's result
 * instead of a new analysis. A repository that cannot be fetched or analysed ends FAILED with a message, and
 * is not retried.
 */
export async function handleAnalysisJob(deps: WorkerDeps, data: unknown, attempt = { number: 1, max: 1 }) {
  const { submissionId } = analysisJobSchema.parse(data);
  const submission = await deps.db.submission.update({
    where: { id: submissionId },
    data: { analysisStatus: "ANALYZING", analysisMessage: null },
    select: {
      githubUrl: true,
      studentId: true,
      assignmentId: true,
      submittedAt: true,
      assignment: { select: { starterPaths: true } },
    },
  });
  let repository: Awaited<ReturnType<typeof fetchRepository>> | undefined;
  try {
    repository = await fetchRepository(submission.githubUrl, deps.config);
    const contentHash = await hashTree(repository.dir);
    const outcome =
      (await reuseEarlierResult(deps, submissionId, submission, contentHash)) ??
      (await analyseAndStore(
        deps,
        submissionId,
        repository.dir,
        submission.assignment.starterPaths,
        contentHash,
      ));
    await publishAnalysis(deps, submissionId, {
      status: "SCORED",
      codeQualityScore: outcome.codeQualityScore,
      complexityScore: outcome.complexityScore,
      rating: outcome.rating,
      reused: outcome.reused,
    });
    await enqueueGamification(deps.queues, { kind: "submission-scored", submissionId });
    await enqueueRisk(
      deps.queues,
      { scope: "student", studentId: submission.studentId },
      `submission-${submissionId}`,
    );
    return outcome;
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

/** Analyses the tree and stores the score, rating, summary and the first findings (worst first). */
async function analyseAndStore(
  deps: WorkerDeps,
  submissionId: string,
  dir: string,
  starterPaths: string[],
  contentHash: string,
): Promise<Outcome> {
  const metrics = await analyzeRepository(dir, deps.config.ANALYSIS_MAX_FILE_BYTES, { starterPaths });
  if (metrics.files === 0) {
    const excluded =
      metrics.excluded.tests.length + metrics.excluded.starter.length + metrics.excluded.data.length;
    throw new RepositoryError(
      excluded > 0
        ? `No JavaScript, TypeScript, Python or Java files to score (${excluded} test, data or starter files left out)`
        : "No JavaScript, TypeScript, Python or Java files found",
      true,
    );
  }
  const scores = scoreRepository(metrics);
  // Storage is capped; the score above counted every finding.
  const stored = metrics.findings.slice(0, MAX_STORED_FINDINGS);
  const summary = summarizeAnalysis(metrics, scores, stored.length);
  await storeScored(deps, submissionId, {
    findings: stored,
    codeQualityScore: scores.codeQualityScore,
    complexityScore: scores.complexityScore,
    maintainabilityRating: scores.rating,
    analysisSummary: summary as unknown as Prisma.InputJsonObject,
    contentHash,
    analysisMessage: `${metrics.files} files, ${metrics.codeLines} code lines, ${metrics.functions.length} functions, about ${scores.debtMinutes} min of fixes`,
  });
  return {
    codeQualityScore: scores.codeQualityScore,
    complexityScore: scores.complexityScore,
    rating: scores.rating,
    files: metrics.files,
    findings: metrics.findings.length,
    reused: false,
  };
}
