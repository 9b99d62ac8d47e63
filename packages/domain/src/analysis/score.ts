// From metrics to scores, anchored on SonarQube's maintainability rating (technical-debt ratio) and Code
// Climate's maintainability grade (time to fix each issue). See README.md in this folder for the table.
import type { Rating } from "../enums";
import type { AnalysisSummary, Finding, FunctionMetrics, Hotspot, RepositoryMetrics } from "./types";

export type {
  AnalysisSummary,
  ExcludedFiles,
  FileMetrics,
  Finding,
  FunctionMetrics,
  Hotspot,
  RepositoryMetrics,
} from "./types";

/** Minutes to write one line of code: SonarQube's default development cost (0.06 days per line). */
export const MINUTES_PER_LINE = 30;

export const THRESHOLDS = {
  /** Reported (an INFO finding) but not charged: cognitive complexity is the one complexity charged. */
  cyclomatic: 10,
  cognitive: 15,
  functionLines: 60,
  fileLines: 400,
  commentRatio: 0.05,
  testsNeededAboveLines: 200,
} as const;

/** Estimated minutes to fix each kind of problem (Code Climate-style remediation points). */
export const REMEDIATION_MINUTES = {
  perCognitiveAbove: 10,
  perDuplicatedLine: 4,
  perLineAboveFunctionLimit: 0.5,
  lintError: 5,
  lintWarning: 2,
  longFile: 15,
  missingTests: 60,
  fewComments: 30,
} as const;

/** How many findings are stored per submission; the score always counts all of them. */
export const MAX_STORED_FINDINGS = 500;
/** How many files `AnalysisSummary.hotspots` lists. */
export const MAX_HOTSPOTS = 10;

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

export function ratingFor(debtRatio: number): Rating {
  if (debtRatio <= 0.05) return "A";
  if (debtRatio <= 0.1) return "B";
  if (debtRatio <= 0.2) return "C";
  if (debtRatio <= 0.5) return "D";
  return "E";
}

/** The rating a score stands for: the score is 100·(1 − 2·debt ratio), so the ratio is read back from it. */
export const ratingForScore = (score: number): Rating => ratingFor((1 - score / 100) / 2);

/** Minutes to bring one function within the limits: its cognitive complexity and its length, once each. */
export function functionDebt(fn: Pick<FunctionMetrics, "cognitive" | "lines">): number {
  const r = REMEDIATION_MINUTES;
  return (
    Math.max(0, fn.cognitive - THRESHOLDS.cognitive) * r.perCognitiveAbove +
    Math.max(0, fn.lines - THRESHOLDS.functionLines) * r.perLineAboveFunctionLimit
  );
}

/** Minutes charged for a finding of its own (lint); 0 for findings that restate a measurement. */
export function findingDebt(f: Pick<Finding, "rule" | "severity">): number {
  if (MEASURED_RULES.has(f.rule)) return 0;
  if (f.severity === "MAJOR" || f.severity === "CRITICAL") return REMEDIATION_MINUTES.lintError;
  if (f.severity === "MINOR") return REMEDIATION_MINUTES.lintWarning;
  return 0;
}

export type Scores = {
  codeQualityScore: number;
  complexityScore: number;
  debtMinutes: number;
  debtRatio: number;
  rating: Rating;
  /** Every scored file with its debt, worst first. */
  fileDebt: Hotspot[];
};

export function scoreRepository(m: RepositoryMetrics): Scores {
  const r = REMEDIATION_MINUTES;
  const perFile = new Map<string, Hotspot>(
    m.fileMetrics.map((f) => [
      f.filePath,
      {
        filePath: f.filePath,
        debtMinutes:
          f.duplicatedLines * r.perDuplicatedLine + (f.codeLines > THRESHOLDS.fileLines ? r.longFile : 0),
        lines: f.codeLines,
        findings: 0,
      },
    ]),
  );
  const fileOf = (filePath: string) => {
    let entry = perFile.get(filePath);
    if (!entry) {
      entry = { filePath, debtMinutes: 0, lines: 0, findings: 0 };
      perFile.set(filePath, entry);
    }
    return entry;
  };
  for (const fn of m.functions) fileOf(fn.filePath).debtMinutes += functionDebt(fn);
  for (const f of m.findings) {
    if (f.filePath === ".") continue;
    const entry = fileOf(f.filePath);
    entry.findings++;
    entry.debtMinutes += findingDebt(f);
  }
  let debt = [...perFile.values()].reduce((s, f) => s + f.debtMinutes, 0);
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
  const fileDebt = [...perFile.values()]
    .map((f) => ({ ...f, debtMinutes: Math.round(f.debtMinutes * 10) / 10 }))
    .sort((a, b) => b.debtMinutes - a.debtMinutes || a.filePath.localeCompare(b.filePath));
  return {
    codeQualityScore,
    complexityScore: Math.round(mean * 10) / 10,
    debtMinutes: Math.round(debt),
    debtRatio,
    rating: ratingFor(debtRatio),
    fileDebt,
  };
}

/** The stored summary of an analysis (see `AnalysisSummary`). */
export function summarizeAnalysis(
  m: RepositoryMetrics,
  scores: Scores,
  findingsStored: number,
): AnalysisSummary {
  return {
    version: 1,
    hotspots: scores.fileDebt.filter((f) => f.debtMinutes > 0).slice(0, MAX_HOTSPOTS),
    excluded: m.excluded,
    findingsTotal: m.findings.length,
    findingsStored,
    capped: findingsStored < m.findings.length,
    files: m.files,
    codeLines: m.codeLines,
    functions: m.functions.length,
    debtMinutes: scores.debtMinutes,
    debtRatio: Math.round(scores.debtRatio * 10000) / 10000,
  };
}
