// Measures a fetched repository. Test code, data tables and the assignment's starter files are set apart
// first (listed in the result's `excluded`, never scored); everything else is measured per function (own
// body only, named from the syntax tree), per file (lines, duplication) and by lint rules.
import {
  compareFindings,
  type ExcludedFiles,
  type FileMetrics,
  type Finding,
  type FunctionMetrics,
  type RepositoryMetrics,
  THRESHOLDS,
} from "@edu/domain";
import { findDuplicates } from "./duplication";
import { listSourceFiles, type SourceFile } from "./files";
import { analyzeJavaScript } from "./javascript";
import { countJavaScriptLines } from "./lines";
import { lintInThread } from "./lint-pool";
import { analyzeWithTreeSitter, type MeasuredFunction } from "./tree-sitter";

export type AnalyzeOptions = {
  /** `Assignment.starterPaths`: a file path, or a folder (every file under it); a trailing `/` is optional. */
  starterPaths?: readonly string[];
  /** Where ESLint runs: its own thread (lint-pool.ts, the default) or this one; the results are the same. */
  lint?: "thread" | "here";
};

/**
 * A source file of at least DATA_TABLE_MIN_LINES code lines, at least 90 % of them literals only, and at most
 * DATA_TABLE_MAX_CODE_LINES other lines, is a data table. The last bound keeps a table from hiding real code
 * (a tangled function beside a long list) from the score.
 */
export const DATA_TABLE_MIN_LINES = 50;
export const DATA_TABLE_LITERAL_SHARE = 0.9;
export const DATA_TABLE_MAX_CODE_LINES = 20;

const normalise = (path: string) => path.replace(/^\.?\/+/, "").replace(/\/+$/, "");

export function isStarterPath(path: string, starterPaths: readonly string[]): boolean {
  return starterPaths.some((raw) => {
    const p = normalise(raw);
    return p !== "" && (path === p || path.startsWith(`${p}/`));
  });
}

export function isDataTable(lines: { codeLines: number; literalLines: number }): boolean {
  return (
    lines.codeLines >= DATA_TABLE_MIN_LINES &&
    lines.literalLines / lines.codeLines >= DATA_TABLE_LITERAL_SHARE &&
    lines.codeLines - lines.literalLines <= DATA_TABLE_MAX_CODE_LINES
  );
}

/** Unique keys: `path::name`, then `path::name#2` … for functions of the same name in the same file. */
export function keyFunctions(functions: MeasuredFunction[]): FunctionMetrics[] {
  const seen = new Map<string, number>();
  return functions.map((fn) => {
    const base = `${fn.filePath}::${fn.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...fn, key: n === 1 ? base : `${base}#${n}` };
  });
}

/** One finding per function and rule that it breaks. */
export function functionFindings(fn: FunctionMetrics): Finding[] {
  const findings: Finding[] = [];
  const at = { filePath: fn.filePath, line: fn.line };
  if (fn.cognitive > THRESHOLDS.cognitive) {
    findings.push({
      ...at,
      rule: "cognitive-complexity",
      severity: fn.cognitive > 2 * THRESHOLDS.cognitive ? "CRITICAL" : "MAJOR",
      message: `Function \`${fn.name}\` has a cognitive complexity of ${fn.cognitive} (limit ${THRESHOLDS.cognitive})`,
      metricValue: fn.cognitive,
    });
  }
  if (fn.cyclomatic > THRESHOLDS.cyclomatic) {
    findings.push({
      ...at,
      rule: "cyclomatic-complexity",
      severity: "INFO",
      message: `Function \`${fn.name}\` has a cyclomatic complexity of ${fn.cyclomatic} (limit ${THRESHOLDS.cyclomatic}; reported, not charged)`,
      metricValue: fn.cyclomatic,
    });
  }
  if (fn.lines > THRESHOLDS.functionLines) {
    findings.push({
      ...at,
      rule: "long-function",
      severity: "MINOR",
      message: `Function \`${fn.name}\` has ${fn.lines} code lines (limit ${THRESHOLDS.functionLines})`,
      metricValue: fn.lines,
    });
  }
  return findings;
}

type Measured = {
  file: SourceFile;
  codeLines: number;
  commentLines: number;
  literalLines: number;
  codeRows: Set<number>;
  functions: MeasuredFunction[];
};

async function measure(file: SourceFile): Promise<Measured> {
  if (file.language === "python" || file.language === "java")
    return { file, ...(await analyzeWithTreeSitter(file)) };
  return { file, functions: [], ...countJavaScriptLines(file) };
}

/** Every measurement of a fetched repository: per-function complexity, duplication, lint, comments and tests. */
export async function analyzeRepository(
  root: string,
  maxFileBytes: number,
  options: AnalyzeOptions = {},
): Promise<RepositoryMetrics> {
  const dataFiles: string[] = [];
  const all = await listSourceFiles(root, maxFileBytes, dataFiles);
  const excluded: ExcludedFiles = { tests: [], data: dataFiles, starter: [] };
  const candidates: SourceFile[] = [];
  for (const file of all) {
    if (isStarterPath(file.path, options.starterPaths ?? [])) excluded.starter.push(file.path);
    else if (file.isTest) excluded.tests.push(file.path);
    else candidates.push(file);
  }
  // ESLint (the longest part) starts in its thread (lint-pool.ts) before this one counts lines and looks for
  // clones; what it finds in a file that turns out to be a data table is dropped.
  const lintable = candidates.filter((f) => f.language !== "python" && f.language !== "java");
  const measured: Measured[] = [];
  const [linted, duplicates] = await Promise.all([
    lintable.length === 0
      ? { functions: [], findings: [] }
      : options.lint === "here"
        ? analyzeJavaScript(root, lintable)
        : lintInThread(root, lintable),
    (async () => {
      for (const m of await Promise.all(candidates.map(measure))) {
        if (isDataTable(m)) excluded.data.push(m.file.path);
        else measured.push(m);
      }
      excluded.data.sort();
      return findDuplicates(
        root,
        measured.map((m) => m.file),
        new Map(measured.map((m) => [m.file.path, m.codeRows])),
      );
    })(),
  ]);
  const files = measured.map((m) => m.file);
  const tables = new Set(excluded.data);
  const js = {
    functions: linted.functions.filter((f) => !tables.has(f.filePath)),
    findings: linted.findings.filter((f) => !tables.has(f.filePath)),
  };
  const functions = keyFunctions([...js.functions, ...measured.flatMap((m) => m.functions)]);
  const codeLines = measured.reduce((s, m) => s + m.codeLines, 0);
  const commentLines = measured.reduce((s, m) => s + m.commentLines, 0);
  const fileMetrics: FileMetrics[] = measured.map((m) => ({
    filePath: m.file.path,
    codeLines: m.codeLines,
    commentLines: m.commentLines,
    duplicatedLines: duplicates.byFile.get(m.file.path) ?? 0,
  }));
  const longFiles: Finding[] = fileMetrics
    .filter((f) => f.codeLines > THRESHOLDS.fileLines)
    .map((f) => ({
      filePath: f.filePath,
      line: 1,
      rule: "long-file",
      severity: "MINOR" as const,
      message: `${f.codeLines} code lines (limit ${THRESHOLDS.fileLines}); split it by responsibility`,
      metricValue: f.codeLines,
    }));
  const findings = [
    ...functions.flatMap(functionFindings),
    ...duplicates.findings,
    ...js.findings,
    ...longFiles,
  ];
  const testFiles = excluded.tests.length;
  if (codeLines > THRESHOLDS.testsNeededAboveLines && testFiles === 0) {
    findings.push({
      filePath: ".",
      line: 1,
      rule: "missing-tests",
      severity: "MAJOR",
      message: "No test files found; add tests for the main paths",
    });
  }
  if (codeLines > THRESHOLDS.testsNeededAboveLines && commentLines / codeLines < THRESHOLDS.commentRatio) {
    findings.push({
      filePath: ".",
      line: 1,
      rule: "comment-ratio",
      severity: "INFO",
      message: `Comments are ${Math.round((100 * commentLines) / codeLines)}% of code lines`,
      metricValue: commentLines / codeLines,
    });
  }
  findings.sort(compareFindings);
  return {
    files: files.length,
    codeLines,
    commentLines,
    testFiles,
    functions,
    duplicatedLines: duplicates.duplicatedLines,
    findings,
    fileMetrics,
    excluded,
  };
}
