import { afterCommit } from "@edu/db";
import { computeFeatures, currentModel, predictionRecord } from "@edu/domain";
import type { JobPayloads } from "@edu/jobs";
import type { WorkerDeps } from "../../../../src/deps";
import { loadRiskInputs } from "./load";

const CHUNK = 1_000;

async function studentIdsFor(deps: WorkerDeps, scope: JobPayloads["risk"]): Promise<string[]> {
  if (scope.scope === "student") return [scope.studentId];
  const students = await deps.db.student.findMany({
    where: scope.scope === "class" ? { enrollments: { some: { classId: scope.classId } } } : {},
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return students.map((s) => s.id);
}

/**
 * Predicts risk for every student in scope: one RiskPrediction row each, and Student.riskScore/riskLevel set to
 * it in the same transaction, a thousand students at a time.
 */
export async function recomputeRisk(deps: WorkerDeps, scope: JobPayloads["risk"], now = new Date()) {
  const ids = await studentIdsFor(deps, scope);
  const changed: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const activity = await loadRiskInputs(deps.db, chunk, now);
    const rows = chunk.map((studentId) => {
      const features = computeFeatures(
        activity.get(studentId) ?? {
          submissions: [],
          pastDueAssignments: [],
          feedbackAt: [],
          otherActiveDays: [],
        },
        now,
      );
      return { studentId, prediction: predictionRecord(features) };
    });
    const previous = await deps.db.student.findMany({
      where: { id: { in: chunk } },
      select: { id: true, riskLevel: true },
    });
    const before = new Map(previous.map((p) => [p.id, p.riskLevel]));
    await deps.db.$transaction([
      deps.db.riskPrediction.createMany({
        data: rows.map(({ studentId, prediction }) => ({ studentId, ...prediction, predictedAt: now })),
      }),
      deps.db.$executeRaw`
        UPDATE "Student" AS s SET "riskScore" = v.score, "riskLevel" = v.level::"RiskLevel"
        FROM unnest(${rows.map((r) => r.studentId)}::uuid[], ${rows.map((r) => r.prediction.riskScore)}::float8[],
                    ${rows.map((r) => r.prediction.riskLevel)}::text[]) AS v(id, score, level)
        WHERE s.id = v.id`,
    ]);
    for (const r of rows) if (before.get(r.studentId) !== r.prediction.riskLevel) changed.push(r.studentId);
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
