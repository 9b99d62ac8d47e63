import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";

export type Language = "javascript" | "typescript" | "tsx" | "python" | "java";

const EXTENSIONS: Record<string, Language> = {
  ".js": "javascript",
  ".jsx": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "tsx",
  ".py": "python",
  ".java": "java",
};

// Vendored, built and generated code is not the student's work.
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  "dist",
  "build",
  "out",
  "vendor",
  "venv",
  ".venv",
  "__pycache__",
  "target",
  "coverage",
]);

export type SourceFile = {
  path: string;
  absolutePath: string;
  language: Language;
  text: string;
  isTest: boolean;
};

/**
 * Test code: `test/`, `tests/`, `__tests__/`, `spec/` folders (Maven's `src/test/java` among them),
 * `*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`, `conftest.py`, `*Test.java`, `*Tests.java`, `*IT.java`.
 */
export const TEST_FILE =
  /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)\.[a-z]+$|(^|\/)(test_[^/]+|[^/]+_test|conftest)\.py$|(Test|Tests|IT)\.java$/;

/** Data files: never analysed, listed apart when large enough to matter (over `DATA_FILE_MIN_BYTES`). */
const DATA_EXTENSIONS = new Set([".json", ".csv", ".tsv", ".parquet", ".xlsx", ".sqlite"]);
export const DATA_FILE_MIN_BYTES = 4096;

/**
 * The source files worth analysing, skipping minified and oversized ones. Large data files (JSON, CSV …) are
 * added to `dataFiles` when given.
 */
export async function listSourceFiles(
  root: string,
  maxFileBytes: number,
  dataFiles?: string[],
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const absolutePath = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(absolutePath);
        continue;
      }
      const extension = extname(entry.name).toLowerCase();
      const language = EXTENSIONS[extension];
      if (
        dataFiles &&
        entry.isFile() &&
        DATA_EXTENSIONS.has(extension) &&
        !entry.name.endsWith("lock.json")
      ) {
        if ((await stat(absolutePath)).size >= DATA_FILE_MIN_BYTES)
          dataFiles.push(relative(root, absolutePath).split("\\").join("/"));
        continue;
      }
      if (!entry.isFile() || !language || /\.min\.[cm]?js$/.test(entry.name)) continue;
      if ((await stat(absolutePath)).size > maxFileBytes) continue;
      const path = relative(root, absolutePath).split("\\").join("/");
      files.push({
        path,
        absolutePath,
        language,
        text: await readFile(absolutePath, "utf8"),
        isTest: TEST_FILE.test(path),
      });
    }
  }
  await walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
