// What every benchmark prints: the machine and date, then each figure beside its baseline from the same run.
import { cpus } from "node:os";

export function header(title: string) {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `\n## ${title}\n${new Date().toISOString()} · ${cpu} × ${cpus().length} · Node ${process.version}`,
  );
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export function row(label: string, value: string) {
  console.log(`  ${label.padEnd(44)} ${value}`);
}
