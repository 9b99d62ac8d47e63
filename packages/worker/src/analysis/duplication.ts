// Copy-paste detection with jscpd (token-based, language-aware). Its ESM build cannot load in Node 20, so the
// CommonJS entry is required. It is given three faster parts of its own kind (same clones, less CPU): a store
// that answers a lookup at once, without building an Error and a rejected promise per miss (one miss per token
// window; jscpd's MemoryStore builds both), md5 through Node's one-shot `crypto.hash` with token hashes
// remembered (jscpd builds a Hash object per token and per window), and no statistic (jscpd's recomputes every
// file's percentage after each file and clone, which we never read). Every copy counts: each side of a clone
// gets a finding and its lines count as duplicated (overlapping clones once per line), so two copies cost twice
// what one copy would.
import { createHash, hash as oneShotHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Finding } from "@edu/domain";
import type { SourceFile } from "./files";

type Clone = {
  duplicationA: { sourceId: string; start: { line: number }; end: { line: number } };
  duplicationB: { sourceId: string; start: { line: number }; end: { line: number } };
};
type Store = {
  namespace(name: string): void;
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<unknown>;
  close(): void;
};
type Statistic = { subscribe(): Record<string, never>; getStatistic(): unknown };
const { detectClones } = createRequire(import.meta.url)("jscpd") as {
  detectClones(options: Record<string, unknown>, store?: Store, statistic?: Statistic): Promise<Clone[]>;
};

const NOT_FOUND = Object.freeze(new Error("not found"));

/**
 * A lookup already answered. jscpd only ever calls `store.get(key).then(found, missing).finally(next)`, one
 * window at a time (the next lookup starts in `next`), so the answer is handed to `found` or `missing` at once
 * and only the promise for `finally` is made: no rejected promise (and no unhandled-rejection bookkeeping) per
 * miss, one microtask less per window, and the same order of events.
 */
type Answer = {
  then(found?: (value: unknown) => unknown, missing?: (error: Error) => unknown): Promise<unknown>;
};
const answer = <T>(settle: ((argument: T) => unknown) | undefined, argument: T, otherwise: unknown) => {
  try {
    return Promise.resolve(settle ? settle(argument) : otherwise);
  } catch (error) {
    return Promise.reject(error);
  }
};
// The answer to every miss (most lookups): one object, no closures per window.
const MISSING: Answer = {
  // biome-ignore lint/suspicious/noThenProperty: jscpd calls then(found, missing) on what get returns
  then: (_found, missing) => answer(missing, NOT_FOUND, undefined),
};

/** jscpd's MemoryStore (a namespace per format), answering each lookup at once (see Answer). */
class WindowStore {
  private values = new Map<string, Map<string, unknown>>();
  private current = new Map<string, unknown>();
  namespace(name: string) {
    const values = this.values.get(name) ?? new Map<string, unknown>();
    this.values.set(name, values);
    this.current = values;
  }
  get(key: string): Answer {
    // One lookup: the values stored are jscpd's token windows, never undefined.
    const value = this.current.get(key);
    if (value === undefined) return MISSING;
    // biome-ignore lint/suspicious/noThenProperty: jscpd calls then(found, missing) on what get returns
    return { then: (found) => answer(found, value, value) };
  }
  set(key: string, value: unknown) {
    this.current.set(key, value);
    return Promise.resolve(value);
  }
  close() {
    this.values.clear();
  }
}

const NO_STATISTIC: Statistic = { subscribe: () => ({}), getStatistic: () => ({ formats: {}, total: {} }) };

// Node 20.12+ has the one-shot `crypto.hash`; the same md5 through a Hash object otherwise.
const md5 =
  typeof oneShotHash === "function"
    ? (value: string) => oneShotHash("md5", value, "hex")
    : (value: string) => createHash("md5").update(value).digest("hex");

/** md5 in hex, as jscpd's own; short strings (a token's type and text) are remembered within one detection. */
function hashFunction(): (value: string) => string {
  const tokens = new Map<string, string>();
  return (value) => {
    if (value.length > 64) return md5(value);
    let hex = tokens.get(value);
    if (hex === undefined) {
      hex = md5(value);
      tokens.set(value, hex);
    }
    return hex;
  };
}

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
  const store = new WindowStore();
  const clones = await detectClones(
    {
      path: [root],
      pattern: "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,java}",
      ignore: ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/build/**", "**/*.min.js"],
      minLines: MIN_DUPLICATE_LINES,
      minTokens: 40,
      silent: true,
      reporters: [],
      absolute: true,
      gitignore: false,
      hashFunction: hashFunction(),
    },
    store,
    NO_STATISTIC,
  ).finally(() => store.close());
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
