import { FEATURE_NAMES, type FeatureName, logit, type RiskModel } from "@edu/domain";
import type { LabelledStudent } from "./cohort";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits a logistic regression by full-batch gradient descent on standardised features, with a small L2
 * penalty. Deterministic: the same cohort gives the same coefficients.
 */
export function trainLogisticRegression(
  cohort: LabelledStudent[],
  version: string,
  { iterations = 3_000, rate = 0.5, l2 = 1e-3 } = {},
): RiskModel {
  const stat = (name: FeatureName) => {
    const xs = cohort.map((s) => s.features[name]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length) || 1;
    return { mean, std };
  };
  const stats = Object.fromEntries(FEATURE_NAMES.map((n) => [n, stat(n)])) as Record<
    FeatureName,
    { mean: number; std: number }
  >;
  const rows = cohort.map((s) => FEATURE_NAMES.map((n) => (s.features[n] - stats[n].mean) / stats[n].std));
  const labels = cohort.map((s) => (s.failed ? 1 : 0));
  const w = FEATURE_NAMES.map(() => 0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gradW = w.map(() => 0);
    let gradB = 0;
    rows.forEach((x, i) => {
      const error = sigmoid(b + x.reduce((z, xj, j) => z + (w[j] ?? 0) * xj, 0)) - (labels[i] ?? 0);
      gradB += error;
      x.forEach((xj, j) => {
        gradW[j] = (gradW[j] ?? 0) + error * xj;
      });
    });
    b -= (rate * gradB) / rows.length;
    w.forEach((wj, j) => {
      w[j] = wj - rate * ((gradW[j] ?? 0) / rows.length + l2 * wj);
    });
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    version,
    intercept: round(b),
    weights: Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, round(w[j] ?? 0)])) as Record<
      FeatureName,
      number
    >,
    means: Object.fromEntries(FEATURE_NAMES.map((n) => [n, round(stats[n].mean)])) as Record<
      FeatureName,
      number
    >,
    stds: Object.fromEntries(FEATURE_NAMES.map((n) => [n, round(stats[n].std)])) as Record<
      FeatureName,
      number
    >,
  };
}

/** Area under the ROC curve: the chance that a random failing student scores above a random passing one. */
export function auc(scores: number[], labels: boolean[]): number {
  const ranked = scores.map((s, i) => ({ s, y: labels[i] ?? false })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  ranked.forEach((r, i) => {
    if (r.y) {
      rankSum += i + 1;
      positives++;
    }
  });
  const negatives = ranked.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function brierScore(scores: number[], labels: boolean[]): number {
  return scores.reduce((sum, s, i) => sum + (s - (labels[i] ? 1 : 0)) ** 2, 0) / scores.length;
}

/** Expected calibration error over ten equal-width bins of predicted probability. */
export function expectedCalibrationError(scores: number[], labels: boolean[], bins = 10): number {
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = scores
      .map((s, i) => ({ s, y: labels[i] ? 1 : 0 }))
      .filter((p) => Math.min(bins - 1, Math.floor(p.s * bins)) === b);
    if (inBin.length === 0) continue;
    const meanScore = inBin.reduce((a, p) => a + p.s, 0) / inBin.length;
    const meanLabel = inBin.reduce((a, p) => a + p.y, 0) / inBin.length;
    total += (inBin.length / scores.length) * Math.abs(meanScore - meanLabel);
  }
  return total;
}

export function evaluate(model: RiskModel, cohort: LabelledStudent[]) {
  const scores = cohort.map((s) => sigmoid(logit(model, s.features)));
  const labels = cohort.map((s) => s.failed);
  return {
    auc: auc(scores, labels),
    brier: brierScore(scores, labels),
    ece: expectedCalibrationError(scores, labels),
    failRate: labels.filter(Boolean).length / labels.length,
  };
}
