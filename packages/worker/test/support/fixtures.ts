import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A root of fixture repositories for ANALYSIS_LOCAL_ROOT, laid out as {owner}/{repo}. */
export function createFixtureRoot(): string {
  return mkdtempSync(join(tmpdir(), "edu-fixtures-"));
}

/** Commits `files` as a git repository at root/owner/repo. */
export function createFixtureRepo(
  root: string,
  owner: string,
  repo: string,
  files: Record<string, string>,
): string {
  const dir = join(root, owner, repo);
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.email=fixture@example.test", "-c", "user.name=Fixture", "commit", "-q", "-m", "fixture");
  return dir;
}

// A function of known cyclomatic complexity: 1 + 5 branches = 6.
export const GRADE_JS = `// Maps a score to a letter grade.
export function grade(score) {
  if (score >= 90) return "A";
  else if (score >= 80) return "B";
  else if (score >= 70) return "C";
  else if (score >= 60) return "D";
  else if (score >= 0) return "E";
  return "?";
}
`;

// 1 + if + and + for + while = 5.
export const WALK_PY = `# Walks a list.
def walk(xs, limit):
    if xs and limit > 0:
        for x in xs:
            print(x)
    while limit > 10:
        limit -= 1
    return limit
`;

// 1 + if + && + for = 4.
export const SUM_JAVA = `public class Sum {
  // Adds positive values below a bound.
  public int sum(int[] xs, int bound) {
    int total = 0;
    if (xs != null && bound > 0) {
      for (int x : xs) total += x;
    }
    return total;
  }
}
`;

/** A deeply branching function: complexity 1 + 14 = 15, well over the limit of 10. */
export function branchy(name: string): string {
  const cases = Array.from({ length: 14 }, (_, i) => `  if (x === ${i}) { y += ${i}; }`).join("\n");
  return `export function ${name}(x) {\n  let y = 0;\n${cases}\n  return y;\n}\n`;
}

export const DUPLICATED_BLOCK = `export function normalise(items) {
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
