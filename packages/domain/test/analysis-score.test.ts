// The code score: what is charged (cognitive complexity once per function, every duplicated line, lint), what is
// reported only (cyclomatic complexity), and the summary stored beside it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  functionDebt,
  MAX_HOTSPOTS,
  REMEDIATION_MINUTES,
  ratingFor,
  ratingForScore,
  scoreRepository,
  summarizeAnalysis,
  THRESHOLDS,
} from "../src/analysis/score";
import type { FunctionMetrics, RepositoryMetrics } from "../src/analysis/types";

const fn = (over: Partial<FunctionMetrics> = {}): FunctionMetrics => ({
  filePath: "src/a.py",
  name: "f",
  key: "src/a.py::f",
  line: 1,
  cyclomatic: 1,
  cognitive: 0,
  lines: 5,
  ...over,
});

const repo = (over: Partial<RepositoryMetrics> = {}): RepositoryMetrics => ({
  files: 1,
  codeLines: 100,
  commentLines: 10,
  testFiles: 1,
  functions: [],
  duplicatedLines: 0,
  findings: [],
  fileMetrics: [{ filePath: "src/a.py", codeLines: 100, commentLines: 10, duplicatedLines: 0 }],
  excluded: { tests: [], data: [], starter: [] },
  ...over,
});

describe("scoreRepository", () => {
  it("charges cognitive complexity once per function and cyclomatic complexity not at all", () => {
    const clean = scoreRepository(repo({ functions: [fn()] }));
    const cyclomatic = scoreRepository(repo({ functions: [fn({ cyclomatic: 40 })] }));
    const cognitive = scoreRepository(repo({ functions: [fn({ cognitive: 25 })] }));
    expect(cyclomatic.debtMinutes).toBe(clean.debtMinutes);
    expect(cognitive.debtMinutes - clean.debtMinutes).toBe(
      (25 - THRESHOLDS.cognitive) * REMEDIATION_MINUTES.perCognitiveAbove,
    );
  });

  it("charges every duplicated line, in the file that holds it", () => {
    const scores = scoreRepository(
      repo({
        duplicatedLines: 20,
        fileMetrics: [
          { filePath: "a.js", codeLines: 50, commentLines: 5, duplicatedLines: 10 },
          { filePath: "b.js", codeLines: 50, commentLines: 5, duplicatedLines: 10 },
        ],
      }),
    );
    expect(scores.debtMinutes).toBe(20 * REMEDIATION_MINUTES.perDuplicatedLine);
    expect(scores.fileDebt.map((f) => f.debtMinutes)).toEqual([40, 40]);
  });

  it("keeps the rating bands", () => {
    expect([0.05, 0.1, 0.2, 0.5, 0.51].map(ratingFor)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("never rises when a function grows more complex or longer (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cognitive: fc.nat(80), lines: fc.nat(200), cyclomatic: fc.nat(60) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.nat(19),
        fc.nat(40),
        (fns, pick, extra) => {
          const functions = fns.map((f, i) => fn({ ...f, key: `k${i}` }));
          const before = scoreRepository(repo({ functions }));
          const i = pick % functions.length;
          const worse = functions.map((f, j) =>
            j === i ? { ...f, cognitive: f.cognitive + extra, lines: f.lines + extra } : f,
          );
          expect(scoreRepository(repo({ functions: worse })).codeQualityScore).toBeLessThanOrEqual(
            before.codeQualityScore,
          );
        },
      ),
    );
  });

  it("does not depend on function names (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cognitive: fc.nat(80), lines: fc.nat(200), name: fc.string() })),
        (fns) => {
          const named = fns.map((f, i) => fn({ ...f, key: `k${i}` }));
          const renamed = named.map((f, i) => ({ ...f, name: `renamed${i}`, key: `r${i}` }));
          expect(scoreRepository(repo({ functions: renamed }))).toEqual(
            scoreRepository(repo({ functions: named })),
          );
        },
      ),
    );
  });

  it("matches functionDebt, summed, when nothing else is charged", () => {
    const functions = [fn({ cognitive: 30, lines: 80 }), fn({ cognitive: 16, filePath: "src/b.py" })];
    expect(scoreRepository(repo({ functions })).debtMinutes).toBe(
      Math.round(functions.reduce((s, f) => s + functionDebt(f), 0)),
    );
  });
});

describe("summarizeAnalysis", () => {
  it("lists the worst files, what was left out, and whether storage was capped", () => {
    const fileMetrics = Array.from({ length: 12 }, (_, i) => ({
      filePath: `f${i}.js`,
      codeLines: 50,
      commentLines: 5,
      duplicatedLines: i,
    }));
    const m = repo({
      fileMetrics,
      codeLines: 600,
      findings: [{ filePath: "f3.js", line: 1, rule: "no-debugger", severity: "MAJOR", message: "x" }],
      excluded: { tests: ["t.test.js"], data: ["d.json"], starter: ["s.js"] },
    });
    const scores = scoreRepository(m);
    const summary = summarizeAnalysis(m, scores, 0);
    expect(summary.hotspots).toHaveLength(MAX_HOTSPOTS);
    expect(summary.hotspots[0]).toMatchObject({
      filePath: "f11.js",
      debtMinutes: 44,
      lines: 50,
      findings: 0,
    });
    expect(summary.hotspots.find((h) => h.filePath === "f3.js")).toMatchObject({
      findings: 1,
      debtMinutes: 17,
    });
    expect(summary).toMatchObject({
      version: 1,
      excluded: m.excluded,
      findingsTotal: 1,
      findingsStored: 0,
      capped: true,
      debtMinutes: scores.debtMinutes,
    });
  });
});

describe("ratingForScore", () => {
  it("reads the rating back from a score, at SonarQube's boundaries", () => {
    expect([100, 90, 89.9, 80, 79.9, 60, 59.9, 1].map(ratingForScore)).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
    ]);
  });
});
