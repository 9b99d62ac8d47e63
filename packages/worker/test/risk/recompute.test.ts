import { currentModel } from "@edu/domain";
import { seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRiskJob } from "../../src/risk/job";
import { recomputeRisk } from "../../src/risk/recompute";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";

let deps: TestWorkerDeps;
beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 6 });
}, 120_000);
afterAll(async () => {
  await deps?.close();
});

async function studentsMatchLatestPrediction() {
  const students = await deps.db.student.findMany({
    include: { riskPredictions: { orderBy: [{ predictedAt: "desc" }, { createdAt: "desc" }], take: 1 } },
  });
  for (const s of students) {
    expect(s.riskScore).toBe(s.riskPredictions[0]?.riskScore);
    expect(s.riskLevel).toBe(s.riskPredictions[0]?.riskLevel);
  }
  return students.length;
}

describe("recomputeRisk", () => {
  it("writes one prediction per student with the model version and factors, and the student rows follow it", async () => {
    const before = await deps.db.riskPrediction.count();
    const result = await recomputeRisk(deps, { scope: "all" }, new Date(Date.now() + 1000));
    expect(result.students).toBe(6);
    expect(await deps.db.riskPrediction.count()).toBe(before + 6);
    const latest = await deps.db.riskPrediction.findFirstOrThrow({
      where: { modelVersion: currentModel.version },
    });
    expect(latest.topFactors).toHaveLength(3);
    expect(latest.confidence).toBeGreaterThanOrEqual(0.5);
    expect(await studentsMatchLatestPrediction()).toBe(6);
    await recomputeRisk(deps, { scope: "all" }, new Date(Date.now() + 2000));
    expect(await deps.db.riskPrediction.count()).toBe(before + 12);
    await studentsMatchLatestPrediction();
  });

  it("limits a class recompute to the class's students, through the job handler", async () => {
    const java = seedId("class", "java");
    const enrolled = await deps.db.enrollment.count({ where: { classId: java } });
    const result = await handleRiskJob(deps, { scope: "class", classId: java });
    expect(result.students).toBe(enrolled);
    await expect(handleRiskJob(deps, { scope: "class", classId: "nope" })).rejects.toThrow();
  });
});
