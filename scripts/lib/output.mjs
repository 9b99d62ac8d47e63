import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function step(message) {
  console.log(`\u25b8 ${message}`);
}

/** One clear line and a non-zero exit: the README's commands never end in a stack trace. */
export function fail(message) {
  console.error(`\u2716 ${message}`);
  process.exit(1);
}
