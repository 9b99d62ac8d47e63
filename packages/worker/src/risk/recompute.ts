import { afterCommit } from "@edu/db";
import { computeFeatures, currentModel, predictionRecord, type StudentActivity } from "@edu/domain";
import type { JobPayloads } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { uuid7s } from "../gamification/uuid7";
import { loadRiskInputs } from "./load";

const CHUNK = 5_000;

const NO_ACTIVITY: StudentActivity = {
  submissions: [],
  pastDueAssignments: [],
  feedbackAt: [],
  otherActiveDays: [],
};

async function studentIdsFor(deps: WorkerDeps, scope: JobPayloads["risk"]): Promise<string[]> {
  if (scope.scope === "student") return [scope.studentId];
  const students =
    scope.scope === "class"
      ? await deps.db.$queryRaw<{ id: string }[]>`
          SELECT s.id FROM "Student" s
          WHERE EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."studentId" = s.id AND e."classId" = ${scope.classId}::uuid)
          ORDER BY s.id`
      : await deps.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Student" ORDER BY id`;
  return students.map((s) => s.id);
}

type Row = { studentId: string; prediction: ReturnType<typeof predictionRecord> };

/**
 * One statement, so one transaction: a RiskPrediction row per student and Student.riskScore/riskLevel set to
 * it. Returns the students whose level changed.
 */
async function writePredictions(deps: WorkerDeps, rows: Row[], now: Date): Promise<Set<string>> {
  const column = <T>(pick: (p: Row["prediction"]) => T) => rows.map((r) => pick(r.prediction));
  const returned = await deps.db.$queryRaw<{ id: string; changed: boolean }[]>`
    WITH v AS (
      SELECT * FROM unnest(${uuid7s(rows.length)}::uuid[], ${rows.map((r) => r.studentId)}::uuid[],
                           ${column((p) => p.riskScore)}::float8[], ${column((p) => p.riskLevel)}::text[],
                           ${column((p) => p.submissionFrequency)}::float8[], ${column((p) => p.codeQualityTrend)}::float8[],
                           ${column((p) => p.engagementScore)}::float8[], ${column((p) => p.feedbackResponseTime)}::float8[],
                           ${column((p) => p.confidence)}::float8[], ${column((p) => JSON.stringify(p.topFactors))}::text[],
                           ${column((p) => p.modelVersion)}::text[])
        AS v(id, "studentId", score, level, frequency, trend, engagement, response, confidence, factors, version)
    ), predicted AS (
      INSERT INTO "RiskPrediction" (id, "studentId", "riskScore", "riskLevel", "submissionFrequency",
        "codeQualityTrend", "engagementScore", "feedbackResponseTime", confidence, "topFactors", "modelVersion",
        "predictedAt")
      SELECT id, "studentId", score, level::"RiskLevel", frequency, trend, engagement, response, confidence,
             factors::jsonb, version, ${now}::timestamptz
      FROM v
    )
    UPDATE "Student" AS s SET "riskScore" = v.score, "riskLevel" = v.level::"RiskLevel"
    FROM v JOIN "Student" AS before ON before.id = v."studentId"
    WHERE s.id = v."studentId"
    RETURNING s.id, before."riskLevel" IS DISTINCT FROM v.level::"RiskLevel" AS changed`;
  return new Set(returned.filter((r) => r.changed).map((r) => r.id));
}

/**
 * Predicts risk for every student in scope: one RiskPrediction row each, and Student.riskScore/riskLevel set to
 * it in the same statement, a few thousand students at a time. Each chunk's activity loads in five set-based
 * queries; the next chunk loads while the current one is written.
 */
export async function recomputeRisk(deps: WorkerDeps, scope: JobPayloads["risk"], now = new Date()) {
  let T0 = performance.now(); const lap = (l: string) => { const t = performance.now(); console.log(l, (t - T0).toFixed(0)); T0 = t; };
  const ids = await studentIdsFor(deps, scope); lap('ids');
  const changed: string[] = [];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  let next = chunks.length > 0 ? loadRiskInputs(deps.db, chunks[0] ?? [], now) : null;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] ?? [];
    const activity = await (next ?? loadRiskInputs(deps.db, chunk, now));
    lap('load-wait');
    const following = chunks[c + 1];
    next = following ? loadRiskInputs(deps.db, following, now) : null;
    // A load rejected while the current chunk is written is awaited (and thrown) in the next round.
    next?.catch(() => {});
    const rows: Row[] = chunk.map((studentId) => ({
      studentId,
      prediction: predictionRecord(computeFeatures(activity.get(studentId) ?? NO_ACTIVITY, now)),
    }));
    lap('compute');
    const levelChanged = await writePredictions(deps, rows, now); lap('write');
    for (const r of rows) if (levelChanged.has(r.studentId)) changed.push(r.studentId);
  }
  await afterCommit(
    deps.log,
    "risk.recompute",
    changed
      .slice(0, 1_000)
      .map((studentId) => () => deps.redis.updates.publish("student", studentId, { type: "risk.changed" })),
  );
  return { students: ids.length, levelChanged: changed.length, modelVersion: currentModel.version };
}
