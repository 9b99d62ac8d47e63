// Uncached api calls under load (autocannon, 50 connections), each beside a bare Node endpoint in the same run
// that checks the session in Redis and runs the very SQL statements the api ran for that call (captured from
// the api's own pg pool on a warm-up call, replayed through the same pool), and for `submission.create` the
// same INSERTs in one transaction and one BullMQ `add`. Goal: at least 0.25× the bare endpoint's requests/s.
import { randomUUID } from "node:crypto";
import type { DbPool } from "@edu/db";
import { enqueueAnalysis } from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import type { TestServer } from "../test/support/server";
import type { BareWork } from "./bare";

type Statement = string | { text: string; values?: unknown[] };
type PgClient = { query(statement: Statement): Promise<{ rows: unknown[] }>; release(): void };

/** Every statement the api's pool runs while `call` runs (nothing else may use the pool meanwhile). */
async function capture(pool: DbPool, call: () => Promise<unknown>): Promise<Statement[]> {
  const client = (await pool.connect()) as unknown as PgClient;
  const proto = Object.getPrototypeOf(client) as PgClient;
  client.release();
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: PgClient, statement: Statement, ...rest: unknown[]) {
    seen.push(statement);
    return (original as (...args: unknown[]) => Promise<{ rows: unknown[] }>).call(this, statement, ...rest);
  };
  try {
    await call();
  } finally {
    proto.query = original;
  }
  if (process.env.BENCH_SHOW_SQL)
    for (const q of seen) console.log(typeof q === "string" ? q : `${q.text} -- ${JSON.stringify(q.values)}`);
  return seen;
}

const withValues = (statement: Statement, swap: (value: unknown) => unknown): Statement =>
  typeof statement === "string" ? statement : { ...statement, values: statement.values?.map(swap) };

export type SqlCase = {
  call: string;
  path: string;
  headers: Record<string, string>;
  /** A POST body (mutations); GET otherwise. */
  body?: string;
  bare: BareWork;
};

/** The uncached calls measured, each with a bare baseline running the SQL the api ran for it. */
export async function sqlCases(s: TestServer): Promise<SqlCase[]> {
  const pool = s.deps.pool;
  if (!pool) throw new Error("the api's pg pool is needed to capture its SQL");
  const classId = seedId("class", "python");
  const studentId = seedId("student", DEMO_LOGINS.student);
  const teacher = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.teacher)}` };
  const student = { authorization: `Bearer ${await s.tokenFor(DEMO_LOGINS.student)}` };
  const input = (json: unknown) => `input=${encodeURIComponent(JSON.stringify({ json }))}`;
  const assignment = await s.deps.db.assignment.findFirstOrThrow({
    where: { class: { enrollments: { some: { studentId } } } },
    select: { id: true },
  });
  const reads = [
    { call: "submission.list", path: `submission.list?${input({})}`, headers: teacher },
    { call: "class.list", path: "class.list", headers: teacher },
    { call: "risk.atRisk", path: `risk.atRisk?${input({ classId })}`, headers: teacher },
  ];
  const cases: SqlCase[] = [];
  for (const r of reads) {
    let status = 0;
    const statements = await capture(pool, async () => {
      status = (await fetch(`${s.trpcUrl}/${r.path}`, { headers: r.headers })).status;
    });
    if (status !== 200 || statements.length === 0)
      throw new Error(`${r.call}: warm-up answered ${status} after ${statements.length} statements`);
    cases.push({
      ...r,
      bare: async () => {
        const results = [];
        for (const statement of statements)
          results.push((await (pool as unknown as PgClient).query(statement)).rows);
        return results.at(-1);
      },
    });
  }
  // submission.create: its transaction (assignment check, INSERT submission, INSERT audit row) captured once,
  // replayed on one connection with a fresh submission id, then one BullMQ add as the api does.
  const body = JSON.stringify({
    json: { assignmentId: assignment.id, githubUrl: "https://github.com/demo/bench" },
  });
  const headers = { ...student, "content-type": "application/json" };
  let created: { id?: string } = {};
  const statements = await capture(pool, async () => {
    const res = await fetch(`${s.trpcUrl}/submission.create`, { method: "POST", headers, body });
    created =
      ((await res.json()) as { result?: { data?: { json?: { id?: string } } } }).result?.data?.json ?? {};
  });
  const oldId = created.id;
  if (
    !oldId ||
    !statements.some((q) => typeof q !== "string" && /INSERT INTO (?:"public"\.)?"AuditLog"/i.test(q.text))
  )
    throw new Error("submission.create: warm-up did not create a submission with its audit row");
  cases.push({
    call: "submission.create",
    path: "submission.create",
    headers,
    body,
    bare: async (_redis, _url, raw) => {
      JSON.parse(raw);
      const id = randomUUID();
      const client = (await pool.connect()) as unknown as PgClient;
      try {
        for (const statement of statements)
          await client.query(withValues(statement, (v) => (v === oldId ? id : v)));
      } finally {
        client.release();
      }
      await enqueueAnalysis(s.deps.queues, id);
      return { id };
    },
  });
  return cases;
}
