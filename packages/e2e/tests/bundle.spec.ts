// What a first visit downloads before anything renders: the entry chunk and every chunk it imports statically
// (Vite's manifest), gzipped. Pages loaded on navigation (dynamic imports) are not counted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "../src";
import { webDistDir } from "../src/stack/paths";

const BUDGET_BYTES = 250 * 1024;

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

/** The entry's chunk and its static imports, transitively. */
function initialFiles(manifest: Manifest): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].map((key) => manifest[key]?.file as string);
}

test("the initial JavaScript is at most 250 kB gzipped", () => {
  const dist = webDistDir();
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Manifest;
  const files = initialFiles(manifest);
  expect(files.length).toBeGreaterThan(0);
  const total = files
    .map((file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  const kB = (total / 1024).toFixed(1);
  test.info().annotations.push({ type: "initial JavaScript (gzip)", description: `${kB} kB` });
  console.log(`initial JavaScript: ${kB} kB gzipped in ${files.length} files (budget 250 kB)`);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
