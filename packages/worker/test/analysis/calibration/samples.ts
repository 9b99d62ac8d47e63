// The calibration set: small programs written for this project (so their licence is ours), one per language
// and level, kept as `*.sample` files so that no linter, type checker or test runner of this repository reads
// them as its own code. `materialiseSample` copies one into a temporary folder under its real file name.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SAMPLES_DIR = join(import.meta.dirname, "samples");
export const LANGUAGES = ["python", "javascript", "typescript", "java"] as const;
/** Best first: the order the score must rank them in, within each language. */
export const LEVELS = ["clean", "average", "copypaste", "tangled"] as const;

export function materialiseSample(language: string, level: string): string {
  const dir = mkdtempSync(join(tmpdir(), `edu-calibration-${language}-${level}-`));
  const from = join(SAMPLES_DIR, language, level);
  for (const file of readdirSync(from)) cpSync(join(from, file), join(dir, file.replace(/\.sample$/, "")));
  return dir;
}
