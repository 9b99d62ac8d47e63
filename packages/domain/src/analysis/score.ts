// From metrics to scores, anchored on SonarQube's maintainability rating (technical-debt ratio) and Code
// Climate's maintainability grade (time to fix each issue). See README.md in this folder for the table.
import type { RepositoryMetrics } from "./types";

/** Minutes to write one line of code: SonarQube's default development cost (0.06 days per line). */
export const MINUTES_PER_LINE = 30;

export const THRESHOLDS = {
  cyclomatic: 10,
  cognitive: 15,
  functionLines: 60,
  fileLines: 400,
  commentRatio: 0.05,
  testsNeededAboveLines: 200,
} as const;

/** Estimated minutes to fix each kind of problem (Code Climate-style remediation points). */
export const REMEDIATION_MINUTES = {
  perCyclomaticAbove: 10,
  perCognitiveAbove: 5,
  perDuplicatedLine: 2,
  perLineAboveFunctionLimit: 0.5,
  lintError: 5,
  lintWarning: 2,
  longFile: 15,
  missingTests: 60,
  fewComments: 30,
} as const;

// Findings that restate a measurement; only lint findings add debt of their own.
const MEASURED_RULES = new Set([
  "long-file",
  "duplication",
  "cyclomatic-complexity",
  "cognitive-complexity",
  "long-function",
  "missing-tests",
  "comment-ratio",
]);

export type Rating = "A" | "B" | "C" | "D" | "E";

export function ratingFor(debtRatio: number): Rating {
  if (debtRatio <= 0.05) return "A";
  if (debtRatio <= 0.1) return "B";
  if (debtRatio <= 0.2) return "C";
  if (debtRatio <= 0.5) return "D";
  return "E";
}

export type Scores = {
  codeQualityScore: number;
  complexityScore: number;
  debtMinutes: number;
  debtRatio: number;
  rating: Rating;
};

export function scoreRepository(m: RepositoryMetrics): Scores {
  const r = REMEDIATION_MINUTES;
  let debt = 0;
  for (const fn of m.functions) {
    debt += Math.max(0, fn.cyclomatic - THRESHOLDS.cyclomatic) * r.perCyclomaticAbove;
    debt += Math.max(0, (fn.cognitive ?? 0) - THRESHOLDS.cognitive) * r.perCognitiveAbove;
    debt += Math.max(0, fn.lines - THRESHOLDS.functionLines) * r.perLineAboveFunctionLimit;
  }
  debt += m.duplicatedLines * r.perDuplicatedLine;
  for (const f of m.findings) {
    if (MEASURED_RULES.has(f.rule)) continue; // already counted from the measurements above
    if (f.severity === "MAJOR" || f.severity === "CRITICAL") debt += r.lintError;
    else if (f.severity === "MINOR") debt += r.lintWarning;
  }
  debt += m.findings.filter((f) => f.rule === "long-file").length * r.longFile;
  if (m.codeLines > THRESHOLDS.testsNeededAboveLines && m.testFiles === 0) debt += r.missingTests;
  if (
    m.codeLines > THRESHOLDS.testsNeededAboveLines &&
    m.commentLines / m.codeLines < THRESHOLDS.commentRatio
  )
    debt += r.fewComments;
  const debtRatio = m.codeLines === 0 ? 1 : debt / (m.codeLines * MINUTES_PER_LINE);
  // 100·(1 − 2·ratio): rating A (≤ 5 %) scores 90–100, B 80–90, C 60–80, D 0–60, E 0.
  const codeQualityScore = Math.round(Math.max(0, Math.min(100, 100 * (1 - 2 * debtRatio))) * 10) / 10;
  const mean =
    m.functions.length === 0 ? 1 : m.functions.reduce((s, f) => s + f.cyclomatic, 0) / m.functions.length;
  return {
    codeQualityScore,
    complexityScore: Math.round(mean * 10) / 10,
    debtMinutes: Math.round(debt),
    debtRatio,
    rating: ratingFor(debtRatio),
  };
}
