// Cached api reads under load (autocannon, 50 connections), each beside a bare Node endpoint doing the same
// Redis work in the same run. Goal: at least 0.5× the bare endpoint's requests/s, p99 under 20 ms.
import { header, row, timed } from "@edu/db/testing";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { startTestServer } from "../test/support/server";
import { type BareWork, startBareEndpoint } from "./bare";
import { type LoadResult, load } from "./load";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export type ReadFigure = { call: string; api: LoadResult; bare: LoadResult; ratio: number; met: boolean };

export async function run(): Promise<ReadFigure[]> {
  header(`Cached api reads (${STUDENTS.toLocaleString("en")} students, 50 connections, ${SECONDS} s each)`);
  const seeded = await timed(() => startTestServer({ students: STUDENTS, env: { LOG_LEVEL: "warn" } }));
  const s = seeded.value;
  row("setup: seed and start the api", `${(seeded.ms / 1000).toFixed(1)} s`);
  const classId = seedId("class", "python");
  const studentId = seedId("student", DEMO_LOGINS.student);
  const teacher = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.teacher)}` };
  const student = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.student)}` };
  const input = (json: unknown) => `input=${encodeURIComponent(JSON.stringify({ json }))}`;
  const cases: { call: string; path: string; headers: Record<string, string>; bare: BareWork }[] = [
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
  const bare = await startBareEndpoint(
    s.deps.redis,
    Object.fromEntries(cases.map((c, i) => [String(i), c.bare])),
  );
  const figures: ReadFigure[] = [];
  try {
    for (const [i, c] of cases.entries()) {
      const warm = await fetch(`${s.trpcUrl}/${c.path}`, { headers: c.headers });
      if (!warm.ok) throw new Error(`${c.call} answered ${warm.status}: ${await warm.text()}`);
      const api = await load(`${s.trpcUrl}/${c.path}`, c.headers, { seconds: SECONDS });
      const baseline = await load(`${bare.url}/${i}`, c.headers, { seconds: SECONDS });
      const ratio = api.requests / baseline.requests;
      const met = ratio >= 0.5 && api.p99 < 20 && api.non2xx === 0;
      figures.push({ call: c.call, api, bare: baseline, ratio, met });
      row(
        c.call,
        `${api.requests.toFixed(0)} req/s, p50 ${api.p50} ms, p99 ${api.p99} ms · bare ${baseline.requests.toFixed(0)} req/s, p99 ${baseline.p99} ms · ${ratio.toFixed(2)}× (goal ≥ 0.5×, p99 < 20 ms: ${met ? "met" : "not met"})`,
      );
    }
  } finally {
    bare.server.close();
    await s.close();
  }
  return figures;
}
