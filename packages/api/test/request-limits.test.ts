// Limits before work: body size without a session, JSON depth and width, superjson annotations, batch size,
// the per-IP sign-in limit before parsing, and a per-user mutation limit.
import { DEMO_LOGINS } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let token: string;
let student: EduClient;
let admin: EduClient;
beforeAll(async () => {
  s = await startTestServer({
    students: 2,
    env: { MUTATIONS_PER_MINUTE: "30", LOGIN_IP_RATE_LIMIT_PER_MINUTE: "6" },
  });
  token = await s.tokenFor(DEMO_LOGINS.teacher);
  student = await s.login(DEMO_LOGINS.student);
  admin = await s.login(DEMO_LOGINS.admin);
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const errorCode = async (response: Response) => {
  const body = (await response.json()) as
    | { error?: { json?: { data?: { code?: string } } } }
    | { error?: { json?: { data?: { code?: string } } } }[];
  return (Array.isArray(body) ? body[0] : body)?.error?.json?.data?.code;
};

describe("limits before work", () => {
  it("refuses a large body without a session before reading it, and a deep one before parsing it", async () => {
    const big = await post("auth.login", `{"json":${deep(300_000)}}`);
    expect(big.status).toBe(413);
    expect(await errorCode(big)).toBe("PAYLOAD_TOO_LARGE");
    const nested = await post("user.updateProfile", `{"json":${deep(300_000)}}`, {
      authorization: `Bearer ${token}`,
    });
    expect(nested.status).toBe(400);
    expect(await nested.text()).toContain("nested deeper than");
  });

  it("keeps the event loop free while hostile bodies arrive", async () => {
    const attacks = Array.from({ length: 8 }, () =>
      post("user.updateProfile", `{"json":${deep(300_000)}}`, { authorization: `Bearer ${token}` }),
    );
    const started = Date.now();
    const health = await fetch(`${s.url}/healthz`);
    const waited = Date.now() - started;
    await Promise.all(attacks);
    expect(health.status).toBe(200);
    expect(waited).toBeLessThan(1_000);
  });

  it("refuses more superjson annotations than any input needs", async () => {
    const values = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, ["undefined"]]));
    const response = await post(
      "user.updateProfile",
      JSON.stringify({ json: { name: "X" }, meta: { values } }),
      { authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(400);
  });

  it("refuses a batch of more than 20 calls, and serves one of 20", async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "auth.me").join(",");
    const input = (n: number) =>
      encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
    const tooMany = await fetch(`${s.url}/trpc/${paths(21)}?batch=1&input=${input(21)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(tooMany.status).toBe(400);
    const fine = await fetch(`${s.url}/trpc/${paths(20)}?batch=1&input=${input(20)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(fine.status).toBe(200);
  });

  it("limits each user's mutations per minute with a clear error", async () => {
    let refused: { data?: { code?: string }; message?: string } | undefined;
    for (let i = 0; i < 40 && !refused; i++)
      refused = await student.user.updateProfile.mutate({ theme: i % 2 ? "dark" : "light" }).then(
        () => undefined,
        (e) => e,
      );
    expect(refused?.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(refused?.message).toMatch(/Too many changes at once; try again in \d+ s/);
    // Another user is not affected.
    expect((await admin.user.updateProfile.mutate({ theme: "dark" })).theme).toBe("dark");
  });
  it("counts the per-IP sign-in limit before parsing the body", async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) codes.push(await errorCode(await post("auth.login", "{not json")));
    // Three of the six a minute went to signing in above.
    expect(codes.slice(0, 3)).not.toContain("TOO_MANY_REQUESTS");
    expect(codes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });
});
