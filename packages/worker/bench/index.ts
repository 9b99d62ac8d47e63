// `pnpm bench`: runs every bench/*.bench.ts in turn. Each prints its figures beside a baseline measured in
// the same run, with the machine and the date.
import { readdirSync } from "node:fs";

const only = process.argv[2];
for (const file of readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const bench = (await import(`./${file}`)) as { run(): Promise<void> };
  await bench.run();
}
process.exit(0);
