// The /trpc route answers single GET queries on a short path of its own: every GET must come back exactly as
// tRPC's own Fastify plugin answers it (status, headers that matter, body), for good calls and bad ones alike.

import { DEMO_LOGINS, seedId } from "@edu/seed";
import fastifyCookie from "@fastify/cookie";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import fc from "fast-check";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextFactory } from "../src/context";
import { registerTrpcRoute } from "../src/http/trpc-route";
import { type AppRouter, appRouter } from "../src/root";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let ours: FastifyInstance;
let plugin: FastifyInstance;
let tokens: Record<"teacher" | "student", string>;
const classId = seedId("class", "python");
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  s = await startTestServer({ students: 8 });
  tokens = { teacher: await s.tokenFor(DEMO_LOGINS.teacher), student: await s.tokenFor(DEMO_LOGINS.student) };
  const trpcOptions = {
    router: appRouter,
    createContext: createContextFactory(s.deps),
    maxBatchSize: 20,
  } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"];
  ours = Fastify({ routerOptions: { maxParamLength: 5_000 } });
  await ours.register(fastifyCookie);
  await registerTrpcRoute(ours, "/trpc", trpcOptions);
  plugin = Fastify({ routerOptions: { maxParamLength: 5_000 } });
  await plugin.register(fastifyCookie);
  await plugin.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions });
}, 120_000);

afterAll(async () => {
  await ours?.close();
  await plugin?.close();
  await s?.close();
});

type Call = { path: string; query: string; headers: Record<string, string> };

async function answer(app: FastifyInstance, call: Call) {
  const res = await app.inject({
    method: "GET",
    url: `/trpc/${call.path}${call.query}`,
    headers: call.headers,
  });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // Compared as text.
  }
  return {
    status: res.statusCode,
    // Fastify names the charset of a text answer; tRPC's plugin does not: the same media type either way.
    contentType: String(res.headers["content-type"]).replace("; charset=utf-8", ""),
    vary: res.headers.vary,
    body,
  };
}

const encode = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

const paths = fc.constantFrom(
  "leaderboard.top",
  "leaderboard.myRank",
  "gamification.progress",
  "feedback.listForStudent",
  "auth.me",
  "class.list",
  "submission.create", // a mutation
  "updates.onChange", // a subscription
  "no.such",
  "leaderboard.top,auth.me",
  "%ZZ",
);
const inputs = fc.oneof(
  fc.constant(""),
  fc.constant(`?${encode({ json: { classId, limit: 3 } })}`),
  fc.constant(`?${encode({ json: { classId } })}`),
  fc.constant(`?${encode({ json: { studentId } })}`),
  fc.constant(`?${encode({ json: { classId: "not-a-uuid", limit: 1_000 } })}`),
  fc.constant(`?${encode({ json: { classId, limit: 2 }, meta: { values: { limit: ["undefined"] } } })}`),
  fc.constant("?input=%7B%22json%22%3A"), // not JSON
  fc.constant("?input=%7B%22json%22%3A%22%ZZ%22%7D"), // a malformed escape
  fc.constant(`?batch=1&${encode({ 0: { json: { classId, limit: 1 } } })}`),
  fc.constant(`?${encode({ json: { classId, limit: 1 } })}&input=%7B%7D`),
  fc.jsonValue({ maxDepth: 3 }).map((json) => `?${encode({ json })}`),
);
const callers = fc.constantFrom<Record<string, string>>(
  {},
  { authorization: "Bearer not-a-real-token-but-long-enough-to-look-like-one-xx" },
  { teacher: "" },
  { student: "" },
  { student: "", "trpc-accept": "application/jsonl" },
);

describe("single GET queries", () => {
  it("answer exactly as tRPC's own Fastify plugin answers", async () => {
    await fc.assert(
      fc.asyncProperty(paths, inputs, callers, async (path, query, who) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(who)) {
          if (name === "teacher" || name === "student") headers.authorization = `Bearer ${tokens[name]}`;
          else headers[name] = value;
        }
        const call = { path, query, headers };
        expect(await answer(ours, call)).toEqual(await answer(plugin, call));
      }),
      { numRuns: 300 },
    );
  });

  it("answer good calls with data and bad ones with tRPC's error shapes", async () => {
    const teacher = { authorization: `Bearer ${tokens.teacher}` };
    const top = await answer(ours, {
      path: "leaderboard.top",
      query: `?${encode({ json: { classId } })}`,
      headers: teacher,
    });
    expect(top.status).toBe(200);
    expect((top.body as { result: { data: { json: unknown[] } } }).result.data.json.length).toBeGreaterThan(
      0,
    );
    const bad = await answer(ours, {
      path: "leaderboard.top",
      query: `?${encode({ json: {} })}`,
      headers: teacher,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { json: { data: { code: "BAD_REQUEST", path: "leaderboard.top" } } },
    });
  });
});
