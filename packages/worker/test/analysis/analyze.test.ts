import { rmSync } from "node:fs";
import { join } from "node:path";
import { ratingFor, scoreRepository } from "@edu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../../src/analysis/analyze";
import {
  branchy,
  createFixtureRepo,
  createFixtureRoot,
  DUPLICATED_BLOCK,
  GRADE_JS,
  SUM_JAVA,
  WALK_PY,
} from "../support/fixtures";

let root: string;
beforeAll(() => {
  root = createFixtureRoot();
  createFixtureRepo(root, "sam", "clean", {
    "src/grade.js": GRADE_JS,
    "src/walk.py": WALK_PY,
    "src/Sum.java": SUM_JAVA,
    "test/grade.test.js": `import { grade } from "../src/grade.js";\n// Checks the top grade.\nexport const ok = grade(95) === "A";\n`,
  });
  createFixtureRepo(root, "sam", "messy", {
    "src/a.js": `${branchy("tangled")}\n${DUPLICATED_BLOCK}`,
    "src/b.js": DUPLICATED_BLOCK.replace("normalise", "normaliseAgain"),
    "src/c.ts":
      "export function f(a: number) {\n  debugger;\n  const o = { k: 1, k: 2 };\n  return a > 0 ? o.k : a;\n}\n",
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("analyzeRepository", () => {
  it("measures per-function cyclomatic complexity in JavaScript, Python and Java", async () => {
    const m = await analyzeRepository(join(root, "sam", "clean"), 512 * 1024);
    const byName = Object.fromEntries(m.functions.map((f) => [f.name, f]));
    expect(byName.grade).toMatchObject({ filePath: "src/grade.js", line: 2, cyclomatic: 6 });
    expect(byName.grade?.cognitive).toBeGreaterThan(0);
    // if (+1), `and` (+1), a nested for (+2), while (+1)
    expect(byName.walk).toMatchObject({ filePath: "src/walk.py", line: 2, cyclomatic: 5, cognitive: 5 });
    expect(byName["Sum.sum"]).toMatchObject({ filePath: "src/Sum.java", line: 3, cyclomatic: 4 });
    // The test file is counted as a test and left out of the score.
    expect(m.files).toBe(3);
    expect(m.testFiles).toBe(1);
    expect(m.excluded.tests).toEqual(["test/grade.test.js"]);
    expect(m.commentLines).toBe(3); // the test file's comment is not counted
  });

  it("finds complexity over the limit, duplication and lint problems with their lines", async () => {
    const m = await analyzeRepository(join(root, "sam", "messy"), 512 * 1024);
    const rules = m.findings.map((f) => f.rule);
    expect(m.findings.find((f) => f.rule === "cyclomatic-complexity")).toMatchObject({
      filePath: "src/a.js",
      line: 1,
      severity: "INFO",
      metricValue: 15,
      message: "Function `tangled` has a cyclomatic complexity of 15 (limit 10; reported, not charged)",
    });
    expect(rules).toContain("duplication");
    expect(m.duplicatedLines).toBeGreaterThanOrEqual(6);
    expect(m.findings.find((f) => f.rule === "no-debugger")).toMatchObject({ filePath: "src/c.ts", line: 2 });
    expect(m.findings.find((f) => f.rule === "no-dupe-keys")).toMatchObject({
      filePath: "src/c.ts",
      line: 3,
    });
  });

  it("scores the clean repository above the messy one, with the documented rating bands", async () => {
    const clean = scoreRepository(await analyzeRepository(join(root, "sam", "clean"), 512 * 1024));
    const messy = scoreRepository(await analyzeRepository(join(root, "sam", "messy"), 512 * 1024));
    expect(clean.codeQualityScore).toBeGreaterThan(messy.codeQualityScore);
    expect(clean.rating).toBe("A");
    expect(messy.complexityScore).toBeGreaterThan(clean.complexityScore);
    expect([0.05, 0.1, 0.2, 0.5, 0.51].map(ratingFor)).toEqual(["A", "B", "C", "D", "E"]);
  });
});

describe("file size", () => {
  it("flags a file over 400 code lines", async () => {
    const dir = createFixtureRepo(root, "sam", "long", {
      "src/long.js": Array.from({ length: 450 }, (_, i) => `export const v${i} = ${i};`).join("\n"),
    });
    const m = await analyzeRepository(dir, 512 * 1024);
    expect(m.findings.find((f) => f.rule === "long-file")).toMatchObject({
      filePath: "src/long.js",
      metricValue: 450,
    });
  });
});
