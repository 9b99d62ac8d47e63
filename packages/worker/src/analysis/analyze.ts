import {
  compareFindings,
  type Finding,
  type FunctionMetrics,
  type RepositoryMetrics,
  THRESHOLDS,
} from "@edu/domain";
import { findDuplicates } from "./duplication";
import { listSourceFiles } from "./files";
import { analyzeJavaScript } from "./javascript";
import { countJavaScriptLines } from "./lines";
import { analyzeWithTreeSitter } from "./tree-sitter";

const MAX_FINDINGS = 500;

function functionFindings(fn: FunctionMetrics): Finding[] {
  const findings: Finding[] = [];
  if (fn.cyclomatic > THRESHOLDS.cyclomatic) {
    findings.push({
      filePath: fn.filePath,
      line: fn.line,
      rule: "cyclomatic-complexity",
      severity: fn.cyclomatic > 2 * THRESHOLDS.cyclomatic ? "CRITICAL" : "MAJOR",
      message: `${fn.name} has a cyclomatic complexity of ${fn.cyclomatic} (limit ${THRESHOLDS.cyclomatic})`,
      metricValue: fn.cyclomatic,
    });
  }
  if ((fn.cognitive ?? 0) > THRESHOLDS.cognitive) {
    findings.push({
      filePath: fn.filePath,
      line: fn.line,
      rule: "cognitive-complexity",
      severity: "MAJOR",
      message: `${fn.name} has a cognitive complexity of ${fn.cognitive} (limit ${THRESHOLDS.cognitive})`,
      metricValue: fn.cognitive ?? undefined,
    });
  }
  if (fn.lines > THRESHOLDS.functionLines) {
    findings.push({
      filePath: fn.filePath,
      line: fn.line,
      rule: "long-function",
      severity: "MINOR",
      message: `${fn.name} is ${fn.lines} lines long (limit ${THRESHOLDS.functionLines})`,
      metricValue: fn.lines,
    });
  }
  return findings;
}

/** Every measurement of a fetched repository: per-function complexity, duplication, lint, comments and tests. */
export async function analyzeRepository(root: string, maxFileBytes: number): Promise<RepositoryMetrics> {
  const files = await listSourceFiles(root, maxFileBytes);
  const [js, duplicates, perFile] = await Promise.all([
    analyzeJavaScript(root, files),
    findDuplicates(root, files),
    Promise.all(
      files.map((f) =>
        f.language === "python" || f.language === "java"
          ? analyzeWithTreeSitter(f)
          : { functions: [], ...countJavaScriptLines(f) },
      ),
    ),
  ]);
  const functions = [...js.functions, ...perFile.flatMap((r) => r.functions)];
  const codeLines = perFile.reduce((s, r) => s + r.codeLines, 0);
  const commentLines = perFile.reduce((s, r) => s + r.commentLines, 0);
  const testFiles = files.filter((f) => f.isTest).length;
  const longFiles: Finding[] = files.flatMap((file, i) => {
    const lines = perFile[i]?.codeLines ?? 0;
    return lines > THRESHOLDS.fileLines
      ? [
          {
            filePath: file.path,
            line: 1,
            rule: "long-file",
            severity: "MINOR" as const,
            message: `${lines} code lines (limit ${THRESHOLDS.fileLines}); split it by responsibility`,
            metricValue: lines,
          },
        ]
      : [];
  });
  const findings = [
    ...functions.flatMap(functionFindings),
    ...duplicates.findings,
    ...js.findings,
    ...longFiles,
  ];
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
    findings: findings.slice(0, MAX_FINDINGS),
  };
}
