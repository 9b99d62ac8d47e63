// Copy-paste detection with jscpd (token-based, language-aware). Its ESM build cannot load in Node 20, so the
// CommonJS entry is required. Every copy counts: each side of a clone gets a finding and its lines count as
// duplicated (overlapping clones once per line), so two copies cost twice what one copy would.
import { createRequire } from "node:module";
import type { Finding } from "@edu/domain";
import type { SourceFile } from "./files";

type Clone = {
  duplicationA: { sourceId: string; start: { line: number }; end: { line: number } };
  duplicationB: { sourceId: string; start: { line: number }; end: { line: number } };
};
const { detectClones } = createRequire(import.meta.url)("jscpd") as {
  detectClones(options: Record<string, unknown>): Promise<Clone[]>;
};

export const MIN_DUPLICATE_LINES = 6;

export type Duplicates = {
  duplicatedLines: number;
  /** Duplicated lines per file path. */
  byFile: Map<string, number>;
  findings: Finding[];
};

/**
 * Clones among `files` (only clones whose both sides are among them). Only code lines count (`codeRows`, by
 * path): copied comments and docstrings are documentation, and a clone of fewer than MIN_DUPLICATE_LINES code
 * lines is not reported.
 */
export async function findDuplicates(
  root: string,
  files: SourceFile[],
  codeRows: Map<string, Set<number>>,
): Promise<Duplicates> {
  if (files.length === 0) return { duplicatedLines: 0, byFile: new Map(), findings: [] };
  const clones = await detectClones({
    path: [root],
    pattern: "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,java}",
    ignore: ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/build/**", "**/*.min.js"],
    minLines: MIN_DUPLICATE_LINES,
    minTokens: 40,
    silent: true,
    reporters: [],
    absolute: true,
    gitignore: false,
  });
  const pathOf = new Map(files.map((f) => [f.absolutePath, f.path]));
  const duplicated = new Map<string, Set<number>>();
  const findings: Finding[] = [];
  for (const { duplicationA: a, duplicationB: b } of clones) {
    const pathA = pathOf.get(a.sourceId);
    const pathB = pathOf.get(b.sourceId);
    if (!pathA || !pathB) continue; // a test, data table or starter file on one side
    const codeIn = (path: string, side: typeof a) => {
      const rows = codeRows.get(path);
      const lines: number[] = [];
      for (let line = side.start.line; line <= side.end.line; line++)
        if (!rows || rows.has(line)) lines.push(line);
      return lines;
    };
    const linesA = codeIn(pathA, a);
    const linesB = codeIn(pathB, b);
    if (Math.min(linesA.length, linesB.length) < MIN_DUPLICATE_LINES) continue;
    for (const [side, path, lines, other, otherPath] of [
      [a, pathA, linesA, b, pathB],
      [b, pathB, linesB, a, pathA],
    ] as const) {
      const set = duplicated.get(path) ?? new Set<number>();
      duplicated.set(path, set);
      for (const line of lines) set.add(line);
      const length = lines.length;
      findings.push({
        filePath: path,
        line: side.start.line,
        endLine: side.end.line,
        rule: "duplication",
        severity: length >= 30 ? "MAJOR" : "MINOR",
        message: `${length} code lines repeat ${otherPath}:${other.start.line}-${other.end.line}`,
        metricValue: length,
      });
    }
  }
  const byFile = new Map([...duplicated].map(([path, lines]) => [path, lines.size]));
  return { duplicatedLines: [...byFile.values()].reduce((s, n) => s + n, 0), byFile, findings };
}
