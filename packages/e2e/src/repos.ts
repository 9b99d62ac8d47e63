// Fixture repositories for the worker: it runs with ANALYSIS_SOURCE=local, so a submitted
// https://github.com/{owner}/{repo} is read (git archive) from {fixtureRoot}/{owner}/{repo}; nothing leaves the machine.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stackInfo } from "./stack/info";

export const FIXTURE_OWNER = "e2e-fixtures";

// One function of 14 branches, nested loops and about 70 lines: over the limits for cyclomatic complexity (10),
// cognitive complexity (15) and function length (60). The "unused" variable is an ESLint finding.
function settleOrder(): string {
  const rules = Array.from(
    { length: 14 },
    (_, i) => `  if (order.kind === "k${i}") {\n    total += ${i + 1};\n    notes.push("rule ${i}");\n  }`,
  ).join("\n");
  return `// Settles an order: one long function that grew a branch per special case.
export function settleOrder(order) {
  const unused = 42;
  let total = 0;
  const notes = [];
${rules}
  for (const item of order.items) {
    for (const part of item.parts) {
      if (part.weight > 10 && part.fragile) {
        total += part.weight * 2;
      } else if (part.weight > 5 || part.oversized) {
        total += part.weight;
      }
    }
  }
  return { total, notes };
}
`;
}

// The same block in two files: a duplication finding (jscpd: at least 6 lines and 40 tokens).
const NORMALISE = `export function normalise(items) {
  const out = [];
  for (const item of items) {
    if (item.active && item.value > 10) {
      out.push({ id: item.id, value: item.value * 2, label: "item-" + item.id });
    } else if (item.value < 0) {
      out.push({ id: item.id, value: 0, label: "negative" });
    } else {
      out.push({ id: item.id, value: item.value, label: "plain" });
    }
  }
  return out;
}
`;

/** A small JavaScript project with a few real findings: complexity, length, duplication and lint. */
export const FINDINGS_FILES: Record<string, string> = {
  "README.md": "# Order service\n\nA fixture repository for the browser tests.\n",
  "src/orders.js": settleOrder(),
  "src/normalise.js": NORMALISE,
  "src/legacy/normalise-copy.js": NORMALISE.replace("normalise", "normaliseLegacy"),
  "src/grade.js": `// Maps a score to a letter grade.
export function grade(score) {
  if (score >= 90) return "A";
  else if (score >= 80) return "B";
  else if (score >= 70) return "C";
  return "F";
}
`,
};

/**
 * Commits `files` (by default {@link FINDINGS_FILES}) as a new git repository under the worker's fixture root
 * and returns the GitHub URL that the worker will analyse from it. Each call makes a repository of its own.
 */
export function createFixtureRepo(
  options: { name?: string; files?: Record<string, string>; root?: string } = {},
): string {
  const root = options.root ?? stackInfo().fixtureRoot;
  const name = options.name ?? `repo-${randomBytes(4).toString("hex")}`;
  const dir = join(root, FIXTURE_OWNER, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(options.files ?? FINDINGS_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.email=fixture@example.test", "-c", "user.name=Fixture", "commit", "-q", "-m", "fixture");
  return `https://github.com/${FIXTURE_OWNER}/${name}`;
}
