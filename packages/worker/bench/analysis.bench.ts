// Analysis time of generated 10k- and 100k-line repositories (JavaScript, TypeScript and Python), beside
// the time to merely read the same files.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { header, row, timed } from "@edu/db/testing";
import { scoreRepository } from "@edu/domain";
import { analyzeRepository } from "../src/analysis/analyze";
import { listSourceFiles } from "../src/analysis/files";
import { createFixtureRepo, createFixtureRoot, GRADE_JS, WALK_PY } from "../test/support/fixtures";

function generate(lines: number): Record<string, string> {
  const files: Record<string, string> = {};
  const ts =
    'export function area(w: number, h: number): number {\n  if (w < 0 || h < 0) throw new Error("negative");\n  return w * h;\n}\n';
  let total = 0;
  for (let i = 0; total < lines; i++) {
    const body = [GRADE_JS.replace("grade", `grade${i}`), ts.replace("area", `area${i}`)]
      .join("\n")
      .repeat(4);
    const py = WALK_PY.replaceAll("walk", `walk${i}`).repeat(4);
    files[`src/m${i}/mod.js`] = body.replaceAll(
      /export function (\w+)/g,
      (_m, n, o) => `export function ${n}_${o}`,
    );
    files[`src/m${i}/mod.py`] = py;
    total += body.split("\n").length + py.split("\n").length;
  }
  return files;
}

export async function run() {
  header("Submission analysis");
  const root = createFixtureRoot();
  try {
    for (const lines of [10_000, 100_000]) {
      const dir = createFixtureRepo(root, "bench", `r${lines}`, generate(lines));
      const baseline = await timed(async () => {
        const files = await listSourceFiles(dir, 1 << 20);
        await Promise.all(files.map((f) => readFile(f.absolutePath)));
        return files.length;
      });
      const analysis = await timed(() => analyzeRepository(dir, 1 << 20));
      const scores = scoreRepository(analysis.value);
      row(
        `${lines.toLocaleString("en")} lines: list + read files (baseline)`,
        `${baseline.ms.toFixed(0)} ms (${baseline.value} files)`,
      );
      row(
        `${lines.toLocaleString("en")} lines: full analysis`,
        `${(analysis.ms / 1000).toFixed(2)} s (${analysis.value.functions.length} functions, score ${scores.codeQualityScore})`,
      );
    }
  } finally {
    await rm(join(root), { recursive: true, force: true });
  }
}
