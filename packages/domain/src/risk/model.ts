import type { RiskLevel } from "../enums";
import { FEATURE_NAMES, type FeatureName, type RiskFeatures } from "./features";
import { riskLevelFor } from "./levels";
import coefficients from "./model/coefficients.json" with { type: "json" };

/** A logistic regression over standardised features: p = σ(b + Σ wᵢ·(xᵢ − μᵢ)/σᵢ). */
export type RiskModel = {
  version: string;
  intercept: number;
  weights: Record<FeatureName, number>;
  means: Record<FeatureName, number>;
  stds: Record<FeatureName, number>;
};

export const currentModel = coefficients as RiskModel;

export type RiskPredictionResult = {
  riskScore: number;
  riskLevel: RiskLevel;
  /** How far the score is from the 0.5 boundary, 0.5 (a coin toss) to 1 (certain). */
  confidence: number;
  topFactors: { feature: FeatureName; value: number; contribution: number }[];
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function logit(model: RiskModel, features: RiskFeatures): number {
  let z = model.intercept;
  for (const name of FEATURE_NAMES)
    z += model.weights[name] * ((features[name] - model.means[name]) / (model.stds[name] || 1));
  return z;
}

export function predictRisk(features: RiskFeatures, model: RiskModel = currentModel): RiskPredictionResult {
  const riskScore = sigmoid(logit(model, features));
  const contributions = FEATURE_NAMES.map((feature) => ({
    feature,
    value: features[feature],
    contribution:
      model.weights[feature] * ((features[feature] - model.means[feature]) / (model.stds[feature] || 1)),
  }));
  return {
    riskScore,
    riskLevel: riskLevelFor(riskScore),
    confidence: Math.max(riskScore, 1 - riskScore),
    // The factors that pushed the score up most come first: what a teacher can act on.
    topFactors: contributions.sort((a, b) => b.contribution - a.contribution).slice(0, 3),
  };
}

/** What a stored RiskPrediction records: the model's answer, the features it was given and the model's version. */
export function predictionRecord(features: RiskFeatures, model: RiskModel = currentModel) {
  const prediction = predictRisk(features, model);
  return {
    riskScore: prediction.riskScore,
    riskLevel: prediction.riskLevel,
    confidence: prediction.confidence,
    submissionFrequency: features.submissionFrequency,
    codeQualityTrend: features.codeQualityTrend,
    engagementScore: features.engagementScore,
    feedbackResponseTime: features.feedbackResponseTime,
    topFactors: prediction.topFactors,
    modelVersion: model.version,
  };
}
