import {
  computeFeatures,
  currentModel,
  NO_FEEDBACK_HOURS,
  predictRisk,
  riskLevelFor,
  slope,
} from "@edu/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../src/risk/cohort";
import { HOLDOUT_SEED } from "../../src/risk/train-seeds";
import { evaluate } from "../../src/risk/training";

const now = new Date("2026-11-25T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("risk features", () => {
  it("compute the documented numbers from hand-built activity", () => {
    const features = computeFeatures(
      {
        submissions: [
          { assignmentId: "a1", submittedAt: daysAgo(20), codeQualityScore: 60 },
          { assignmentId: "a2", submittedAt: daysAgo(10), codeQualityScore: 70 },
          { assignmentId: "a3", submittedAt: daysAgo(2), codeQualityScore: 80 },
        ],
        pastDueAssignments: [
          { id: "a1", dueDate: daysAgo(19) },
          { id: "a2", dueDate: daysAgo(12) },
          { id: "a4", dueDate: daysAgo(5) },
        ],
        feedbackAt: [daysAgo(15)],
        otherActiveDays: [Math.floor(daysAgo(1).getTime() / 86_400_000) * 86_400_000],
      },
      now,
    );
    expect(features.submissionFrequency).toBe(0.75); // 3 in 28 days
    expect(features.codeQualityTrend).toBe(10); // 60 → 70 → 80
    expect(features.missingRate).toBeCloseTo(1 / 3); // a4 never submitted
    // 4 active days of 12, on time: a1 only (a2 was late, a4 missing).
    expect(features.engagementScore).toBeCloseTo(0.5 * (4 / 12) + 0.5 * (1 / 3));
    expect(features.feedbackResponseTime).toBeCloseTo(5 * 24); // feedback 15 days ago, next submission 10 days ago
    expect(features.averageQuality).toBeCloseTo(0.7);
  });

  it("have defaults for a student with no history", () => {
    expect(
      computeFeatures({ submissions: [], pastDueAssignments: [], feedbackAt: [], otherActiveDays: [] }, now),
    ).toEqual({
      submissionFrequency: 0,
      codeQualityTrend: 0,
      engagementScore: 0.5,
      feedbackResponseTime: NO_FEEDBACK_HOURS,
      missingRate: 0,
      averageQuality: 0.5,
    });
    expect(slope([5])).toBe(0);
  });
});

describe("risk model", () => {
  it("separates failing from passing students of a held-out synthetic cohort (AUC ≥ 0.85) and is calibrated", () => {
    const quality = evaluate(currentModel, generateCohort(3_000, HOLDOUT_SEED + 1));
    console.log(
      `risk model ${currentModel.version}: held-out AUC ${quality.auc.toFixed(3)}, Brier ${quality.brier.toFixed(3)}, ECE ${quality.ece.toFixed(3)}, fail rate ${quality.failRate.toFixed(2)}`,
    );
    expect(quality.auc).toBeGreaterThanOrEqual(0.85);
    expect(quality.ece).toBeLessThan(0.06);
    expect(quality.brier).toBeLessThan(0.2);
  });

  it("scores in [0, 1] with levels monotone in the score (property)", () => {
    const feature = fc.double({ min: -50, max: 400, noNaN: true });
    fc.assert(
      fc.property(feature, feature, feature, feature, feature, feature, (a, b, c, d, e, f) => {
        const p = predictRisk({
          submissionFrequency: a,
          codeQualityTrend: b,
          engagementScore: c,
          feedbackResponseTime: d,
          missingRate: e,
          averageQuality: f,
        });
        expect(p.riskScore).toBeGreaterThanOrEqual(0);
        expect(p.riskScore).toBeLessThanOrEqual(1);
        expect(p.riskLevel).toBe(riskLevelFor(p.riskScore));
        expect(p.topFactors).toHaveLength(3);
      }),
    );
    const order = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(order.indexOf(riskLevelFor(lo))).toBeLessThanOrEqual(order.indexOf(riskLevelFor(hi)));
        },
      ),
    );
  });

  it("blames a disengaged student's missing work and slow responses", () => {
    const p = predictRisk({
      submissionFrequency: 0,
      codeQualityTrend: -5,
      engagementScore: 0.1,
      feedbackResponseTime: 300,
      missingRate: 0.9,
      averageQuality: 0.4,
    });
    expect(p.riskLevel).toBe("CRITICAL");
    expect(p.topFactors.map((f) => f.feature)).toContain("engagementScore");
  });
});
