// Analysis folders left by a killed worker are removed at the next start; a live worker's are not.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ANALYSIS_DIR_PREFIX } from "../../src/analysis/source";
import { removeStaleAnalysisDirs } from "../../src/analysis/stale-dirs";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("removeStaleAnalysisDirs", () => {
  it("removes analysis folders older than the limit, and nothing else", async () => {
    const root = mkdtempSync(join(tmpdir(), "edu-tmp-root-"));
    roots.push(root);
    const left = join(root, `${ANALYSIS_DIR_PREFIX}left`);
    mkdirSync(join(left, "src"), { recursive: true });
    writeFileSync(join(left, "src", "a.js"), "let a;\n");
    const unrelated = join(root, "other-folder");
    mkdirSync(unrelated);
    writeFileSync(join(root, `${ANALYSIS_DIR_PREFIX}file`), "not a folder");
    await new Promise((r) => setTimeout(r, 50));
    const live = join(root, `${ANALYSIS_DIR_PREFIX}live`);
    mkdirSync(live);

    const maxAge = 30_000;
    const now = statSync(left).ctimeMs + maxAge + 10;
    expect(await removeStaleAnalysisDirs(maxAge, root, now)).toEqual([left]);
    expect(readdirSync(root).sort()).toEqual([
      `${ANALYSIS_DIR_PREFIX}file`,
      `${ANALYSIS_DIR_PREFIX}live`,
      "other-folder",
    ]);
  });
});
