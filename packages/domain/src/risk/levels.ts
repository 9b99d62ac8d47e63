import { RISK_LEVELS, type RiskLevel } from "../enums";

/** Risk levels from a 0–1 score, shared by the seed and the model: LOW < 0.25 ≤ MEDIUM < 0.5 ≤ HIGH < 0.75 ≤ CRITICAL. */
export function riskLevelFor(score: number): RiskLevel {
  if (score >= 0.75) return "CRITICAL";
  if (score >= 0.5) return "HIGH";
  if (score >= 0.25) return "MEDIUM";
  return "LOW";
}

/** `level` and every level above it. */
export const levelsAtOrAbove = (level: RiskLevel): RiskLevel[] =>
  RISK_LEVELS.slice(RISK_LEVELS.indexOf(level));
