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

const TEST_FILE =
  /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)\.[a-z]+$|(^|\/)test_[^/]+\.py$|Test\.java$/i;

/** The source files worth analysing, skipping minified and oversized ones. */
export async function listSourceFiles(root: string, maxFileBytes: number): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const absolutePath = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(absolutePath);
        continue;
      }
      const language = EXTENSIONS[extname(entry.name).toLowerCase()];
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
