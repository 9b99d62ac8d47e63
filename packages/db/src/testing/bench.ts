// What every benchmark prints: the machine and date, then each figure beside its baseline from the same run;
// and how each writes its table into BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

/** The machine a figure was measured on: CPU, cores, Node. */
export const machine = () =>
  `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} · Node ${process.version}`;

export function header(title: string) {
  console.log(`\n## ${title}\n${new Date().toISOString()} · ${machine()}`);
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export function row(label: string, value: string) {
  console.log(`  ${label.padEnd(44)} ${value}`);
}

const BENCHMARKS = join(import.meta.dirname, "../../../../BENCHMARKS.md");

/**
 * Writes one benchmark's section of BENCHMARKS.md: a title, the date and machine, and its markdown (a table),
 * between `<!-- key:start -->` and `<!-- key:end -->`, replacing the section of the last run or appended.
 */
export function writeBenchmarkSection(key: string, title: string, markdown: string) {
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = [
    start,
    `## ${title}\n\n${new Date().toISOString().slice(0, 10)} · ${machine()}\n`,
    markdown,
    end,
  ].join("\n");
  const text = existsSync(BENCHMARKS)
    ? readFileSync(BENCHMARKS, "utf8")
    : "# Benchmarks\n\nWritten by `pnpm bench`; each figure stands beside a baseline measured in the same run.\n";
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  writeFileSync(
    BENCHMARKS,
    at >= 0 && until > at
      ? `${text.slice(0, at)}${section}${text.slice(until + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`,
  );
}
