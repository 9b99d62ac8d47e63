// `tsx bench/profile.ts [case…]`: CPU profiles of the api alone under the bench's load, one file per call
// (written to BENCH_PROFILE_DIR, default /tmp/api-profiles), for `node --cpu-prof`-style analysis in DevTools.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { startTestServer } from "../test/support/server";
import { load } from "./load";
import { readCases } from "./reads.bench";
import { sqlCases } from "./sql.bench";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const dir = process.env.BENCH_PROFILE_DIR ?? "/tmp/api-profiles";
mkdirSync(dir, { recursive: true });
const s = await startTestServer({
  students: Number(process.env.BENCH_STUDENTS ?? 2_000),
  env: { LOG_LEVEL: "warn", SUBMISSIONS_PER_HOUR: "10000", MUTATIONS_PER_MINUTE: "100000" },
});
await s.database.analyze();
const session = new Session();
session.connect();
await session.post("Profiler.enable");
const only = process.argv.slice(2);
try {
  const cases: { call: string; path: string; headers: Record<string, string>; body?: string }[] = [
    ...(await readCases(s)),
    ...(await sqlCases(s)),
  ];
  for (const c of cases) {
    if (only.length > 0 && !only.some((o) => c.call.startsWith(o))) continue;
    if (!c.body) {
      const warm = await fetch(`${s.trpcUrl}/${c.path}`, { headers: c.headers });
      if (!warm.ok) throw new Error(`${c.call} answered ${warm.status}: ${await warm.text()}`);
    }
    await session.post("Profiler.start");
    const r = await load(`${s.trpcUrl}/${c.path}`, c.headers, { seconds: SECONDS, body: c.body });
    const { profile } = await session.post("Profiler.stop");
    const file = join(dir, `${c.call.split(" ")[0]}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${c.call}: ${r.requests.toFixed(0)} req/s, p99 ${r.p99} ms → ${file}`);
  }
} finally {
  session.disconnect();
  await s.close();
}
process.exit(0);
