// Api calls under load (autocannon, 50 connections), each beside a bare Node endpoint in the same run: cached
// reads beside one doing the same Redis work (goal: at least 0.5× its requests/s, p99 under 20 ms), uncached
// reads and submission.create beside one running the same SQL through pg (goal: at least 0.25×; sql.bench.ts).
import { header, row, timed } from "@edu/db/testing";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { startTestServer, type TestServer } from "../test/support/server";
import { type BareWork, startBareEndpoint } from "./bare";
import { type LoadResult, load } from "./load";
import { sqlCases } from "./sql.bench";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

/** Rounds of one side as one figure: mean requests/s and p50, the worst p99, every error and non-2xx. */
function combine(rounds: LoadResult[]): LoadResult {
  const mean = (pick: (r: LoadResult) => number) =>
    rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
  return {
    requests: mean((r) => r.requests),
    p50: mean((r) => r.p50),
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

export type ReadFigure = {
  call: string;
  /** What the baseline does besides the session check. */
  baseline: string;
  api: LoadResult;
  bare: LoadResult;
  ratio: number;
  goal: string;
  met: boolean;
};

const CACHED_GOAL = "≥ 0.5×, p99 < 20 ms";
const UNCACHED_GOAL = "≥ 0.25×";

export type ReadCase = { call: string; path: string; headers: Record<string, string>; bare: BareWork };

/** The cached reads measured, each with the Redis work its bare baseline does. */
export async function readCases(s: TestServer): Promise<ReadCase[]> {
  const classId = seedId("class", "python");
  const studentId = seedId("student", DEMO_LOGINS.student);
  const teacher = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.teacher)}` };
  const student = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.student)}` };
  const input = (json: unknown) => `input=${encodeURIComponent(JSON.stringify({ json }))}`;
  return [
    {
      call: "leaderboard.top",
      path: `leaderboard.top?${input({ classId, limit: 10 })}`,
      headers: teacher,
      bare: (redis) => redis.leaderboards.top(classId, 10),
    },
    {
      call: "leaderboard.myRank",
      path: `leaderboard.myRank?${input({ classId })}`,
      headers: student,
      bare: (redis) => redis.leaderboards.rank(classId, studentId),
    },
    {
      call: "gamification.progress",
      path: `gamification.progress?${input({})}`,
      headers: student,
      bare: (redis) => redis.cache.get("student-progress", studentId),
    },
    {
      call: "feedback.listForStudent (first page)",
      path: `feedback.listForStudent?${input({ studentId })}`,
      headers: student,
      bare: (redis) => redis.cache.get("feedback-list", studentId),
    },
    { call: "auth.me", path: "auth.me", headers: teacher, bare: async () => ({}) },
  ];
}

export async function run(): Promise<ReadFigure[]> {
  header(
    `Api calls (${STUDENTS.toLocaleString("en")} students, 50 connections, ${ROUNDS} rounds of ${SECONDS} s each, api and bare endpoint in turn)`,
  );
  const seeded = await timed(() =>
    startTestServer({
      students: STUDENTS,
      // The bench signs one student in and submits for as long as it runs: limits that high let it.
      env: { LOG_LEVEL: "warn", SUBMISSIONS_PER_HOUR: "10000", MUTATIONS_PER_MINUTE: "100000" },
    }),
  );
  const s = seeded.value;
  row("setup: seed and start the api", `${(seeded.ms / 1000).toFixed(1)} s`);
  // Planner statistics, as autovacuum would have them on a live database minutes after such a load.
  await s.database.analyze();
  const cached = (await readCases(s)).map((c) => ({ ...c, body: undefined, kind: "cached" as const }));
  const uncached = (await sqlCases(s)).map((c) => ({ ...c, kind: "uncached" as const }));
  const cases = [...cached, ...uncached];
  const bare = await startBareEndpoint(
    s.deps.redis,
    Object.fromEntries(cases.map((c, i) => [String(i), c.bare])),
  );
  const figures: ReadFigure[] = [];
  try {
    for (const [i, c] of cases.entries()) {
      if (!c.body) {
        const warm = await fetch(`${s.trpcUrl}/${c.path}`, { headers: c.headers });
        if (!warm.ok) throw new Error(`${c.call} answered ${warm.status}: ${await warm.text()}`);
      }
      const apiUrl = `${s.trpcUrl}/${c.path}`;
      const bareUrl = `${bare.url}/${i}`;
      // A second of load on each first (JIT, connection pools), then rounds taken in turn, api then bare.
      await load(apiUrl, c.headers, { seconds: 1, body: c.body });
      await load(bareUrl, c.headers, { seconds: 1, body: c.body });
      const apiRounds: LoadResult[] = [];
      const bareRounds: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        apiRounds.push(await load(apiUrl, c.headers, { seconds: SECONDS, body: c.body }));
        bareRounds.push(await load(bareUrl, c.headers, { seconds: SECONDS, body: c.body }));
      }
      const api = combine(apiRounds);
      const baseline = combine(bareRounds);
      const ratio = api.requests / baseline.requests;
      const clean = api.non2xx === 0 && baseline.non2xx === 0 && api.errors === 0 && baseline.errors === 0;
      const met = c.kind === "cached" ? ratio >= 0.5 && api.p99 < 20 && clean : ratio >= 0.25 && clean;
      const goal = c.kind === "cached" ? CACHED_GOAL : UNCACHED_GOAL;
      const what =
        c.kind === "cached"
          ? "same Redis work"
          : c.body
            ? "same INSERTs in one transaction + one BullMQ add, via pg"
            : "same SQL via pg";
      figures.push({ call: c.call, baseline: what, api, bare: baseline, ratio, goal, met });
      row(
        c.call,
        `${api.requests.toFixed(0)} req/s, p50 ${api.p50} ms, p99 ${api.p99} ms${api.non2xx ? `, ${api.non2xx} non-2xx` : ""} · bare ${baseline.requests.toFixed(0)} req/s, p99 ${baseline.p99} ms${baseline.non2xx ? `, ${baseline.non2xx} non-2xx` : ""} · ${ratio.toFixed(2)}× (goal ${goal}: ${met ? "met" : "not met"})`,
      );
    }
  } finally {
    bare.server.close();
    await s.close();
  }
  return figures;
}
