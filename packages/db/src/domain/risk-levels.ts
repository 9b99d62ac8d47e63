import type { RiskLevel } from "../generated/prisma/client";

/** Risk levels from a 0–1 score, shared by the seed and the worker's model: LOW < 0.25 ≤ MEDIUM < 0.5 ≤ HIGH < 0.75 ≤ CRITICAL. */
export function riskLevelFor(score: number): RiskLevel {
  if (score >= 0.75) return "CRITICAL";
  if (score >= 0.5) return "HIGH";
  if (score >= 0.25) return "MEDIUM";
  return "LOW";
}
