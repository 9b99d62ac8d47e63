// What the score counts and what it leaves out: every copy of a clone, no cap, tests, data tables and starter
// files apart; and properties that must hold for any code (fast-check).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_STORED_FINDINGS, scoreRepository, summarizeAnalysis } from "@edu/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../../src/analysis/analyze";
import { createFixtureRepo, createFixtureRoot, DUPLICATED_BLOCK, WALK_PY } from "../support/fixtures";
import { LANGUAGES, materialiseSample } from "./calibration/samples";

let root: string;
const made: string[] = [];
beforeAll(() => {
  root = createFixtureRoot();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const analyse = (dir: string, starterPaths?: string[]) =>
  analyzeRepository(dir, 512 * 1024, { starterPaths });

describe("duplication", () => {
  it("counts every copy of a clone, each with its own finding", async () => {
    const dir = createFixtureRepo(root, "dup", "two", {
      "src/a.js": DUPLICATED_BLOCK,
      "src/b.js": DUPLICATED_BLOCK.replace("normalise", "normaliseAgain"),
    });
    const m = await analyse(dir);
    const byFile = Object.fromEntries(m.fileMetrics.map((f) => [f.filePath, f.duplicatedLines]));
    expect(byFile["src/a.js"]).toBeGreaterThanOrEqual(6);
    expect(byFile["src/a.js"]).toBe(byFile["src/b.js"]);
    expect(m.duplicatedLines).toBe((byFile["src/a.js"] ?? 0) * 2);
    const files = m.findings.filter((f) => f.rule === "duplication").map((f) => f.filePath);
    expect(files.sort()).toEqual(["src/a.js", "src/b.js"]);
  });

  it("ignores copied comments", async () => {
    const comment = Array.from({ length: 20 }, (_, i) => `# note ${i}: the same words in both files`).join(
      "\n",
    );
    const dir = createFixtureRepo(root, "dup", "comments", {
      "a.py": `${comment}\ndef a():\n    return 1\n`,
      "b.py": `${comment}\ndef b():\n    return 2\n`,
    });
    expect((await analyse(dir)).duplicatedLines).toBe(0);
  });
});

describe("what is scored", () => {
  it("leaves tests, data tables and starter files out of the score and lists them", async () => {
    const table = `RATES = [\n${Array.from({ length: 60 }, (_, i) => `    {"code": "C${i}", "rate": ${i}.5},`).join("\n")}\n]\n`;
    const files = {
      "src/walk.py": WALK_PY,
      "src/rates.py": table,
      "data/prices.json": JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, price: i * 2 }))),
      "tests/test_walk.py": "def test_walk():\n    assert True\n",
      "src/walk_test.py": "def test_more():\n    assert True\n",
      "src/__tests__/a.test.js": "export const ok = 1;\n",
      "src/test/java/WalkTest.java": "class WalkTest {}\n",
      "starter/given.py": WALK_PY.replace("walk", "given"),
    };
    const m = await analyse(createFixtureRepo(root, "scope", "mixed", files), ["starter"]);
    expect(m.excluded).toEqual({
      tests: [
        "src/__tests__/a.test.js",
        "src/test/java/WalkTest.java",
        "src/walk_test.py",
        "tests/test_walk.py",
      ],
      data: ["data/prices.json", "src/rates.py"],
      starter: ["starter/given.py"],
    });
    const only = await analyse(createFixtureRepo(root, "scope", "only", { "src/walk.py": WALK_PY }));
    expect(m.files).toBe(1);
    expect(m.codeLines).toBe(only.codeLines);
    expect(m.functions.map((f) => f.key)).toEqual(["src/walk.py::walk"]);
  });

  it("does not let a data table hide the code beside it", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `    ${i},`).join("\n");
    const tangled = readFileSync(
      join(import.meta.dirname, "calibration/samples/python/tangled/invoice.py.sample"),
      "utf8",
    );
    const m = await analyse(
      createFixtureRepo(root, "scope", "hidden", { "src/mixed.py": `TABLE = [\n${rows}\n]\n\n\n${tangled}` }),
    );
    expect(m.excluded.data).toEqual([]);
    expect(m.functions.map((f) => f.name)).toEqual(["process"]);
  });

  it("never lets the storage cap change the score", async () => {
    const body = Array.from({ length: MAX_STORED_FINDINGS + 100 }, () => "  debugger;").join("\n");
    const m = await analyse(
      createFixtureRepo(root, "cap", "many", { "src/a.js": `export function f() {\n${body}\n}\n` }),
    );
    expect(m.findings.length).toBeGreaterThan(MAX_STORED_FINDINGS + 100);
    const scores = scoreRepository(m);
    // Every `debugger;` is charged, stored or not.
    expect(scores.debtMinutes).toBeGreaterThanOrEqual((MAX_STORED_FINDINGS + 100) * 5);
    const summary = summarizeAnalysis(m, scores, MAX_STORED_FINDINGS);
    expect(summary).toMatchObject({
      capped: true,
      findingsStored: MAX_STORED_FINDINGS,
      findingsTotal: m.findings.length,
    });
    expect(summary.hotspots[0]).toMatchObject({
      filePath: "src/a.js",
      findings: m.findings.filter((f) => f.filePath === "src/a.js").length,
    });
  });
});

describe("properties", () => {
  const samples = LANGUAGES.flatMap((language) =>
    (["clean", "average", "tangled"] as const).map((level) => ({ language, level })),
  );
  const copy = (sample: { language: string; level: string }) => {
    const dir = materialiseSample(sample.language, sample.level);
    made.push(dir);
    return dir;
  };
  const only = (dir: string) => readdirSync(dir)[0] as string;

  it("adding a copy of a file never raises the score", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), async (sample) => {
        const dir = copy(sample);
        const before = scoreRepository(await analyse(dir)).codeQualityScore;
        const file = only(dir);
        writeFileSync(join(dir, `copy_${file}`), readFileSync(join(dir, file)));
        const after = scoreRepository(await analyse(dir)).codeQualityScore;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it("renaming a function never changes the score", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples),
        fc.nat(),
        fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/),
        async (sample, pick, name) => {
          const dir = copy(sample);
          const before = await analyse(dir);
          const target = before.functions[pick % before.functions.length]?.name.split(".").at(-1) ?? "";
          fc.pre(/^[A-Za-z_]\w*$/.test(target) && !/^[A-Z]/.test(target)); // a plain function, not a constructor
          const file = join(dir, only(dir));
          const renamed = `renamed_${name}`;
          writeFileSync(
            file,
            readFileSync(file, "utf8").replaceAll(new RegExp(`\\b${target}\\b`, "g"), renamed),
          );
          const after = await analyse(dir);
          expect(after.functions.some((f) => f.name.endsWith(renamed))).toBe(true);
          expect(scoreRepository(after).codeQualityScore).toBe(scoreRepository(before).codeQualityScore);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
