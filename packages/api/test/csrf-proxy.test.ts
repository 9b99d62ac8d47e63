// Cookie CSRF on /trpc, and whose X-Forwarded-For the api believes.
import { DEMO_LOGINS, DEMO_PASSWORD } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let proxied: TestServer;
let cookie: string;

const login = (server: TestServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      json: { email: DEMO_LOGINS.student, password: DEMO_PASSWORD, session: "cookie" },
    }),
  });

beforeAll(async () => {
  s = await startTestServer({ students: 2, env: { LOGIN_IP_RATE_LIMIT_PER_MINUTE: "3" } });
  proxied = await startTestServer({
    students: 2,
    env: {
      LOGIN_IP_RATE_LIMIT_PER_MINUTE: "3",
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
      TRUST_PROXY: "127.0.0.1",
    },
  });
  cookie = ((await login(s)).headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}, 120_000);
afterAll(async () => {
  await s?.close();
  await proxied?.close();
});

const profile = (headers: Record<string, string>, body = JSON.stringify({ json: { theme: "dark" } })) =>
  fetch(`${s.url}/trpc/user.updateProfile`, { method: "POST", headers: { cookie, ...headers }, body });

describe("cookie CSRF", () => {
  it("refuses a cookie mutation from another origin, or from none, and a form body from the web origin", async () => {
    const json = { "content-type": "application/json" };
    expect((await profile({ ...json, origin: "https://evil.example" })).status).toBe(403);
    expect((await profile({ ...json, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await profile(json)).status).toBe(403);
    const form = await profile(
      { origin: s.deps.config.WEB_ORIGIN, "content-type": "multipart/form-data; boundary=x" },
      "--x--",
    );
    expect(form.status).toBe(415);
    const logout = await fetch(`${s.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(logout.status).toBe(403);
    const me = await fetch(`${s.url}/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200); // the session survived
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS.student } })).toMatchObject({
      theme: "system",
    });
  });

  it("accepts the web app's own JSON mutations, same-origin ones, and bearer calls from anywhere", async () => {
    const json = { "content-type": "application/json" };
    expect((await profile({ ...json, origin: s.deps.config.WEB_ORIGIN })).status).toBe(200);
    expect((await profile({ ...json, "sec-fetch-site": "same-origin" })).status).toBe(200);
    const client = await s.login(DEMO_LOGINS.teacher);
    expect((await client.user.updateProfile.mutate({ theme: "light" })).theme).toBe("light");
  });
});

describe("trusted proxies", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY names the proxy", async () => {
    // Not trusted: rotating the header does not escape the per-IP limit of 3.
    const spoofed = [];
    for (let i = 0; i < 5; i++)
      spoofed.push((await login(s, { "x-forwarded-for": `203.0.113.${i}` })).status);
    expect(spoofed.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    // Trusted (the proxy is 127.0.0.1): each forwarded client has its own limit, and the audit row names it.
    const forwarded = [];
    for (let i = 0; i < 5; i++)
      forwarded.push((await login(proxied, { "x-forwarded-for": `198.51.100.${i}` })).status);
    expect(forwarded).toEqual([200, 200, 200, 200, 200]);
    const row = await proxied.deps.db.auditLog.findFirstOrThrow({
      where: { action: "auth.login" },
      orderBy: { id: "desc" },
    });
    expect(row.details).toMatchObject({ ip: "198.51.100.4" });
  });
});

describe("TRUST_PROXY", () => {
  it("refuses a value that is neither a hop count nor addresses", async () => {
    const { loadApiConfig } = await import("../src/config");
    expect(() => loadApiConfig({ TRUST_PROXY: "true; rm -rf" })).toThrow(/TRUST_PROXY/);
    expect(typeof loadApiConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe("function");
    expect(loadApiConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
    ]);
  });
});
