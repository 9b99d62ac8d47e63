import { afterCommit } from "@edu/db";
import { computeFeatures, currentModel, predictionRecord, type StudentActivity } from "@edu/domain";
import type { JobPayloads } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { uuid7s } from "../uuid7";
import { loadRiskInputs } from "./load";

const CHUNK = 1_000;
const WRITES_IN_FLIGHT = 3;

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
 * it. The rows travel as one JSON parameter (numbers in JavaScript's shortest exact form, so every float arrives
 * unchanged). Returns the students whose level changed.
 */
async function writePredictions(deps: WorkerDeps, rows: Row[], now: Date): Promise<Set<string>> {
  const ids = uuid7s(rows.length);
  const payload = JSON.stringify(
    rows.map(({ studentId, prediction: p }, i) => [
      ids[i],
      studentId,
      p.riskScore,
      p.riskLevel,
      p.submissionFrequency,
      p.codeQualityTrend,
      p.engagementScore,
      p.feedbackResponseTime,
      p.confidence,
      p.topFactors,
      p.modelVersion,
    ]),
  );
  const returned = await deps.db.$queryRaw<{ id: string; changed: boolean }[]>`
    WITH v AS (
      SELECT (r->>0)::uuid AS id, (r->>1)::uuid AS "studentId", (r->>2)::float8 AS score, r->>3 AS level,
             (r->>4)::float8 AS frequency, (r->>5)::float8 AS trend, (r->>6)::float8 AS engagement,
             (r->>7)::float8 AS response, (r->>8)::float8 AS confidence, (r->9)::jsonb AS factors,
             r->>10 AS version
      FROM json_array_elements(${payload}::json) AS r
    ), predicted AS (
      INSERT INTO "RiskPrediction" (id, "studentId", "riskScore", "riskLevel", "submissionFrequency",
        "codeQualityTrend", "engagementScore", "feedbackResponseTime", confidence, "topFactors", "modelVersion",
        "predictedAt")
      SELECT id, "studentId", score, level::"RiskLevel", frequency, trend, engagement, response, confidence,
             factors, version, ${now}::timestamptz
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
 * it in the same statement, a thousand students at a time. The chunks flow through a pipeline: while
 * one chunk is written, the next one's activity loads (five set-based queries) and its features are computed,
 * with at most three writes in flight.
 */
export async function recomputeRisk(deps: WorkerDeps, scope: JobPayloads["risk"], now = new Date()) {
  const ids = await studentIdsFor(deps, scope);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  // A promise awaited later must not count as unhandled if it fails before then; it still throws when awaited.
  const settleLater = <T>(promise: Promise<T>) => {
    promise.catch(() => {});
    return promise;
  };
  const load = (c: number) => settleLater(loadRiskInputs(deps.db, chunks[c] ?? [], now));
  const writes: Promise<string[]>[] = [];
  let next = chunks.length > 0 ? load(0) : null;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] ?? [];
    const activity = await (next ?? load(c));
    next = c + 1 < chunks.length ? load(c + 1) : null;
    const rows: Row[] = chunk.map((studentId) => ({
      studentId,
      prediction: predictionRecord(computeFeatures(activity.get(studentId) ?? NO_ACTIVITY, now)),
    }));
    const written = writePredictions(deps, rows, now).then((levelChanged) =>
      rows.filter((r) => levelChanged.has(r.studentId)).map((r) => r.studentId),
    );
    writes.push(settleLater(written));
    if (writes.length >= WRITES_IN_FLIGHT) await writes[writes.length - WRITES_IN_FLIGHT];
  }
  const changed = (await Promise.all(writes)).flat();
  await afterCommit(
    deps.log,
    "risk.recompute",
    changed
      .slice(0, 1_000)
      .map((studentId) => () => deps.redis.updates.publish("student", studentId, { type: "risk.changed" })),
  );
  return { students: ids.length, levelChanged: changed.length, modelVersion: currentModel.version };
}
