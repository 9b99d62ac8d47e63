import { DEMO_LOGINS } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    students: 2,
    env: { LOGIN_RATE_LIMIT_PER_MINUTE: "5", LOGIN_IP_RATE_LIMIT_PER_MINUTE: "8" },
  });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe("login rate limit", () => {
  it("answers TOO_MANY_REQUESTS on the 6th attempt for one e-mail, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(
        s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.student, password: "wrong" }),
      ).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    }
    const blocked = s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.student, password: "demo-password" });
    await expect(blocked).rejects.toMatchObject({ data: { code: "TOO_MANY_REQUESTS" } });
  });

  it("limits attempts per client IP across e-mails", async () => {
    // 6 attempts from this IP so far; the IP allows 8.
    await s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.teacher, password: "demo-password" });
    await s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.mentor, password: "demo-password" });
    await expect(
      s.anonymous.auth.login.mutate({ email: DEMO_LOGINS.admin, password: "demo-password" }),
    ).rejects.toMatchObject({
      data: { code: "TOO_MANY_REQUESTS" },
    });
  });
});
