// `pnpm --filter @edu/api bench`: the api's figures beside their baselines from the same run, printed and
// written to BENCHMARKS.md (this package's section).
import { writeBenchmarkSection } from "@edu/db/testing";
import { run } from "./reads.bench";

const figures = await run();
writeBenchmarkSection(
  "api",
  "Api calls (`pnpm --filter @edu/api bench`)",
  [
    "autocannon, 50 connections, loopback, 10,000 students; per call a second of warm-up each, then rounds of the api and its baseline in turn (mean req/s and p50, worst p99 of the rounds)\n",
    "| call | api req/s | api p50 / p99 (ms) | bare endpoint req/s | bare p99 (ms) | baseline does (besides the session check) | ratio | goal | met |",
    "|---|---|---|---|---|---|---|---|---|",
    ...figures.map(
      (f) =>
        `| \`${f.call}\` | ${f.api.requests.toFixed(0)} | ${f.api.p50} / ${f.api.p99} | ${f.bare.requests.toFixed(0)} | ${f.bare.p99} | ${f.baseline} | ${f.ratio.toFixed(2)}× | ${f.goal} | ${f.met ? "yes" : `no${f.ratio >= 0.5 ? " (p99)" : ""}`} |`,
    ),
  ].join("\n"),
);
process.exit(0);
