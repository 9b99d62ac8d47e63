#!/usr/bin/env node
// `pnpm build` of the api, the worker and the libraries they import: `node ../../scripts/build.mjs src/a.ts ...`
// in a package bundles each entry point with esbuild into dist/ (ESM for Node 20, source maps beside); `--outdir
// <dir>` writes elsewhere (packages/api/test/production-build.test.ts builds into a copy of the Docker image's layout).
// Only the package's own modules go into its dist: every bare import (third-party and @edu/*) stays external, so
// it is resolved at run time from the package that declares it, as in development. The libraries' package.json
// `exports` name their dist under the "edu-compiled" condition and their TypeScript sources otherwise:
// `node --conditions=edu-compiled packages/api/dist/main.js` runs compiled JavaScript throughout, while tsx
// (`npm start`), vitest and tsc keep reading the sources. A bundler and not `tsc` emit, because the sources import
// each other without file extensions, which Node's ESM loader does not resolve.
import { rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const args = process.argv.slice(2);
const outdirAt = args.indexOf("--outdir");
const cwd = process.cwd();
const outdir = outdirAt === -1 ? join(cwd, "dist") : resolve(cwd, args.splice(outdirAt, 2)[1] ?? "");
const entryPoints = args;
// dist/ is emptied first, so it may not hold the package itself.
if (entryPoints.length === 0 || !relative(outdir, cwd).startsWith("..")) {
  console.error("usage: node scripts/build.mjs [--outdir <dir>] <entry.ts>... (run in a package folder)");
  process.exit(2);
}
rmSync(outdir, { recursive: true, force: true });

const started = performance.now();
try {
  const result = await esbuild.build({
    absWorkingDir: cwd,
    entryPoints,
    outdir,
    outbase: "src",
    bundle: true,
    // Entry points of one package (db's "." and "./redis") share their modules through chunks, not copies.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs)
    .filter((file) => !file.endsWith(".map"))
    .map((file) => [relative(outdir, resolve(cwd, file)), result.metafile.outputs[file]]);
  const kB = outputs.reduce((sum, [, o]) => sum + o.bytes, 0) / 1024;
  const ms = Math.round(performance.now() - started);
  console.log(
    `built ${relative(root, outdir)}: ${outputs.map(([file]) => file).join(", ")} (${kB.toFixed(0)} kB) in ${ms} ms`,
  );
} catch {
  // esbuild has printed the errors.
  process.exit(1);
}
