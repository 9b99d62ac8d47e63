// `pnpm --filter @edu/api bench`: the api's figures beside their baselines from the same run, printed and
// written to BENCHMARKS.md (the section between this package's markers).
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { run } from "./reads.bench";

const figures = await run();
const file = join(import.meta.dirname, "../../../BENCHMARKS.md");
const table = [
  "<!-- api:start -->",
  `## Api calls\n\n${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} · Node ${process.version} · autocannon, 50 connections, loopback, api then its baseline for each call\n`,
  "| call | api req/s | api p50 / p99 (ms) | bare endpoint req/s | baseline does (besides the session check) | ratio | goal | met |",
  "|---|---|---|---|---|---|---|---|",
  ...figures.map(
    (f) =>
      `| \`${f.call}\` | ${f.api.requests.toFixed(0)} | ${f.api.p50} / ${f.api.p99} | ${f.bare.requests.toFixed(0)} | ${f.baseline} | ${f.ratio.toFixed(2)}× | ${f.goal} | ${f.met ? "yes" : "no"} |`,
  ),
  "<!-- api:end -->",
].join("\n");
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch {
  text =
    "# Benchmarks\n\nWritten by `pnpm bench`; each figure stands beside a baseline measured in the same run.\n";
}
text = text.includes("<!-- api:start -->")
  ? text.replace(/<!-- api:start -->[\s\S]*<!-- api:end -->/, table)
  : `${text.trimEnd()}\n\n${table}\n`;
writeFileSync(file, text);
process.exit(0);
