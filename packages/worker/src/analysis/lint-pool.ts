// ESLint in a thread of its own (lint-thread.ts), started once and kept: an analysis lints JavaScript and
// TypeScript there while it measures lines, Python, Java and duplication on its own thread, so a repository takes
// about as long as its longest part instead of their sum (ESLint is the largest). Same results as linting here:
// the same code, and the thread's results are handed back as they are.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Finding } from "@edu/domain";
import type { SourceFile } from "./files";
import type { MeasuredFunction } from "./tree-sitter";

export type LintResult = { functions: MeasuredFunction[]; findings: Finding[] };
export type LintRequest = {
  id: number;
  root: string;
  files: Pick<SourceFile, "path" | "absolutePath" | "language" | "text" | "isTest">[];
};
export type LintResponse = { id: number; result?: LintResult; error?: string };

/**
 * The thread's file: compiled, dist/analysis/lint-thread.js (an entry point of the build), found from wherever
 * the bundler put this module (dist/, dist/analysis/ or dist/chunks/); from sources, lint-thread-source.mjs.
 */
function threadFile(): string {
  for (const name of [
    "./lint-thread.js",
    "./analysis/lint-thread.js",
    "../analysis/lint-thread.js",
    "./lint-thread-source.mjs",
  ]) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(`no lint thread beside ${fileURLToPath(import.meta.url)}`);
}

let thread: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(result: LintResult): void; reject(error: Error): void }>();

function failAll(error: Error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  thread = undefined;
}

/** Starts the lint thread (loading ESLint there takes a second or two) unless it runs; it never keeps Node alive. */
export function startLintThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(threadFile());
  worker.unref();
  worker.on("message", (response: LintResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (pending.size === 0) worker.unref();
    if (response.result) waiting.resolve(response.result);
    else waiting.reject(new Error(`lint thread: ${response.error}`));
  });
  worker.on("error", (error) => {
    if (thread === worker) failAll(error);
  });
  worker.on("exit", (code) => {
    if (thread === worker) failAll(new Error(`lint thread exited with code ${code}`));
  });
  thread = worker;
  return worker;
}

/** Lints `files` in the lint thread (javascript.ts's `analyzeJavaScript`). */
export function lintInThread(root: string, files: SourceFile[]): Promise<LintResult> {
  const worker = startLintThread();
  const id = nextId++;
  return new Promise<LintResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    const request: LintRequest = {
      id,
      root,
      files: files.map(({ path, absolutePath, language, text, isTest }) => ({
        path,
        absolutePath,
        language,
        text,
        isTest,
      })),
    };
    worker.postMessage(request);
  });
}

/** Resolves once the thread has loaded ESLint and answered (for a warm start before the first analysis). */
export async function warmLintThread(): Promise<void> {
  await lintInThread("/", []);
}
