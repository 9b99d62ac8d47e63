// JavaScript and TypeScript: ESLint's Node API measures each function (complexity, SonarJS cognitive
// complexity, length) and reports lint findings with @eslint/js's recommended rules.

import type { Finding, FunctionMetrics } from "@edu/domain";
import js from "@eslint/js";
import { ESLint, type Linter } from "eslint";
import sonarjs from "eslint-plugin-sonarjs";
import tseslint from "typescript-eslint";
import type { SourceFile } from "./files";

const CODE = "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

// A threshold of 0 makes each rule report every function with its measured value.
const config: Linter.Config[] = [
  {
    files: [CODE],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  { files: [CODE], rules: js.configs.recommended.rules },
  // Type-only code and globals the linter cannot see are not the student's mistakes.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: { "no-undef": "off", "no-unused-vars": "off", "no-redeclare": "off" },
  },
  { files: [CODE], rules: { "no-undef": "off" } },
  {
    files: [CODE],
    plugins: { sonarjs: sonarjs as unknown as ESLint.Plugin },
    rules: {
      complexity: ["warn", 0],
      "sonarjs/cognitive-complexity": ["warn", 0],
      "max-lines-per-function": ["warn", { max: 0, skipBlankLines: true, skipComments: true }],
    },
  },
];

const METRIC_RULES = new Set(["complexity", "sonarjs/cognitive-complexity", "max-lines-per-function"]);
const numberIn = (message: string, pattern: RegExp) => Number(pattern.exec(message)?.[1] ?? Number.NaN);
const nameIn = (message: string) =>
  /(?:Function|Method|Arrow function|Async function|Generator function|Constructor)\s*'?([^'.]*)'?/
    .exec(message)?.[1]
    ?.trim() || "(anonymous)";

export async function analyzeJavaScript(
  root: string,
  files: SourceFile[],
): Promise<{ functions: FunctionMetrics[]; findings: Finding[] }> {
  const targets = files.filter((f) => f.language !== "python" && f.language !== "java");
  if (targets.length === 0) return { functions: [], findings: [] };
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(targets.map((f) => f.absolutePath));
  const functions = new Map<string, FunctionMetrics>();
  const findings: Finding[] = [];
  for (const result of results) {
    const filePath = targets.find((f) => f.absolutePath === result.filePath)?.path ?? result.filePath;
    for (const m of result.messages) {
      if (!m.ruleId || !METRIC_RULES.has(m.ruleId)) {
        if (m.ruleId || m.fatal) {
          findings.push({
            filePath,
            line: m.line,
            endLine: m.endLine,
            rule: m.ruleId ?? "parse-error",
            severity: m.severity === 2 ? "MAJOR" : "MINOR",
            message: m.message,
          });
        }
        continue;
      }
      // The three rules report a function at its first line; columns differ between them.
      const key = `${filePath}:${m.line}`;
      const fn = functions.get(key) ?? {
        filePath,
        name: nameIn(m.message),
        line: m.line,
        cyclomatic: 1,
        cognitive: 0,
        lines: 0,
      };
      if (m.ruleId === "complexity") fn.cyclomatic = numberIn(m.message, /complexity of (\d+)/);
      else if (m.ruleId === "max-lines-per-function")
        fn.lines = numberIn(m.message, /too many lines \((\d+)\)/);
      else fn.cognitive = numberIn(m.message, /from (\d+) to/);
      functions.set(key, fn);
    }
  }
  return { functions: [...functions.values()], findings };
}
