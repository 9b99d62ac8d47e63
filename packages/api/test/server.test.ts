import { DEMO_LOGINS } from "@edu/seed";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server";

const METRICS_TOKEN = "scrape-token-0123456789";
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ students: 4, env: { METRICS_TOKEN: METRICS_TOKEN } });
});
afterAll(async () => {
  await s?.close();
});

describe("http server", () => {
  it("answers /healthz and /readyz with every dependency checked", async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      postgres: { ok: true },
      redis: { ok: true },
      migrations: { ok: true },
    });
  });

  it("sends security headers, a request id, and CORS only for the web origin", async () => {
    const allowed = await fetch(`${s.url}/healthz`, { headers: { origin: s.deps.config.WEB_ORIGIN } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(s.deps.config.WEB_ORIGIN);
    expect(allowed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(allowed.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(allowed.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
    const other = await fetch(`${s.url}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("exposes Prometheus metrics per procedure, for the pool and the queues, to the bearer of METRICS_TOKEN only", async () => {
    await s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.student, password: "demo-password" });
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(
      401,
    );
    const scrape = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await scrape.text();
    expect(text).toMatch(/edu_trpc_requests_total\{procedure="auth.login",type="mutation",code="OK"\} 1/);
    expect(text).toContain("edu_trpc_request_duration_seconds_bucket");
    expect(text).toMatch(/edu_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/edu_queue_jobs\{queue="submission-analysis",state="waiting"\} 0/);
  });
});

describe("auth", () => {
  it("logs in with a cookie and a bearer token, and me answers for both", async () => {
    const response = await fetch(`${s.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: { email: DEMO_LOGINS.teacher, password: "demo-password", session: "cookie" },
      }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/edu_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The cookie lives as long as the session, and a page script gets no token to steal.
    expect(cookie).toMatch(/Max-Age=3600/);
    const body = (await response.json()) as { result: { data: { json: { token: unknown } } } };
    expect(body.result.data.json.token).toBeNull();
    const me = await fetch(`${s.url}/trpc/auth.me`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(((await me.json()) as { result: { data: { json: unknown } } }).result.data.json).toMatchObject({
      email: DEMO_LOGINS.teacher,
      role: "TEACHER",
    });

    const client = await s.login(DEMO_LOGINS.student);
    const student = await client.auth.me.query();
    expect(student).toMatchObject({ email: DEMO_LOGINS.student, role: "STUDENT" });
    expect(student.studentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(student)).not.toContain("passwordHash");
  });

  it("rejects a wrong password and an unknown e-mail with the same message", async () => {
    const wrong = s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.student, password: "nope" });
    await expect(wrong).rejects.toThrow("E-mail or password is wrong");
    const unknown = s.anonymous.auth.login.mutate({ email: "ghost@demo.edu", password: "nope" });
    await expect(unknown).rejects.toThrow("E-mail or password is wrong");
  });

  it("names the bad field of an invalid input", async () => {
    const error = await s.anonymous.auth.login
      .mutate({ email: "not-an-email", password: "x" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("email");
  });

  it("ends the session on logout, on this device only", async () => {
    const laptop = await s.login(DEMO_LOGINS.mentor);
    const phone = await s.login(DEMO_LOGINS.mentor);
    await laptop.auth.logout.mutate();
    await expect(laptop.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect((await phone.auth.me.query()).email).toBe(DEMO_LOGINS.mentor);
  });

  it("writes an audit row for each login", async () => {
    const before = await s.deps.db.auditLog.count({ where: { action: "auth.login" } });
    await s.login(DEMO_LOGINS.admin);
    expect(await s.deps.db.auditLog.count({ where: { action: "auth.login" } })).toBe(before + 1);
  });
});
