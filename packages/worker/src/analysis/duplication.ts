// Copy-paste detection with jscpd (token-based, language-aware). Its ESM build cannot load in Node 20, so the
// CommonJS entry is required.
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

export async function findDuplicates(
  root: string,
  files: SourceFile[],
): Promise<{ duplicatedLines: number; findings: Finding[] }> {
  if (files.length === 0) return { duplicatedLines: 0, findings: [] };
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
  const duplicated = new Set<string>();
  const findings: Finding[] = clones.map(({ duplicationA: a, duplicationB: b }) => {
    const length = a.end.line - a.start.line + 1;
    for (let line = b.start.line; line <= b.end.line; line++) duplicated.add(`${b.sourceId}:${line}`);
    const other = pathOf.get(a.sourceId) ?? a.sourceId;
    return {
      filePath: pathOf.get(b.sourceId) ?? b.sourceId,
      line: b.start.line,
      endLine: b.end.line,
      rule: "duplication",
      severity: length >= 30 ? "MAJOR" : "MINOR",
      message: `${length} lines repeat ${other}:${a.start.line}-${a.end.line}`,
      metricValue: length,
    };
  });
  return { duplicatedLines: duplicated.size, findings };
}
