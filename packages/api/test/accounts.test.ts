// Accounts: the password policy, changing a password, signing out everywhere, and what the logs never hold.
import { Writable } from "node:stream";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@edu/seed";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordWeakness } from "../src/auth/password-policy";
import { publicUserSelect } from "../src/auth/profile";
import { createApiDeps } from "../src/deps";
import { buildServer } from "../src/server";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ students: 2 });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const STRONG = "plum-orbit-caravel-42";

describe("password policy", () => {
  it.each(["aaaaaaaaaaaa", "            ", "password1234", "qwertyuiop12", "short"])(
    "refuses %j",
    async (weak) => {
      expect(await passwordWeakness(weak)).not.toBeNull();
    },
  );

  it("refuses a password made of the user's own e-mail, and accepts a strong one", async () => {
    expect(
      await passwordWeakness("ada.lovelace@demo.edu", ["ada.lovelace@demo.edu", "Ada Lovelace"]),
    ).not.toBeNull();
    expect(await passwordWeakness(STRONG)).toBeNull();
  });

  it("is applied when an admin creates a user", async () => {
    const admin = await s.login(DEMO_LOGINS.admin);
    const error = await admin.user.create
      .mutate({ email: "weak@demo.edu", name: "Weak", role: "TEACHER", password: "aaaaaaaaaaaa" })
      .catch((e) => e);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^password: too easy to guess/);
  });
});

describe("changing a password", () => {
  it("needs the current password and a strong new one, then ends every other session", async () => {
    const laptop = await s.login(DEMO_LOGINS.mentor);
    const phone = await s.login(DEMO_LOGINS.mentor);
    const wrong = await laptop.auth.changePassword
      .mutate({ currentPassword: "not-it", newPassword: STRONG })
      .catch((e) => e);
    expect(wrong.message).toMatch(/^currentPassword:/);
    const weak = await laptop.auth.changePassword
      .mutate({ currentPassword: DEMO_PASSWORD, newPassword: "mentor@demo.edu" })
      .catch((e) => e);
    expect(weak.message).toMatch(/^newPassword:/);

    await laptop.auth.changePassword.mutate({ currentPassword: DEMO_PASSWORD, newPassword: STRONG });
    expect((await laptop.auth.me.query()).email).toBe(DEMO_LOGINS.mentor);
    await expect(phone.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    await expect(s.login(DEMO_LOGINS.mentor)).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect((await (await s.login(DEMO_LOGINS.mentor, STRONG)).auth.me.query()).role).toBe("MENTOR");
    expect(await s.deps.db.auditLog.count({ where: { action: "auth.changePassword" } })).toBe(1);
  });
});

describe("auth.me from the session", () => {
  it("answers what the database holds, and every device sees a profile change at once", async () => {
    const laptop = await s.login(DEMO_LOGINS.student);
    const phone = await s.login(DEMO_LOGINS.student);
    const fromDb = async () => {
      const { student, ...user } = await s.deps.db.user.findUniqueOrThrow({
        where: { email: DEMO_LOGINS.student },
        select: {
          ...publicUserSelect,
          student: { select: { id: true, leaderboardNickname: true, leaderboardOptOut: true } },
        },
      });
      const { id: studentId, ...leaderboard } = student ?? { id: null };
      return { ...user, studentId, leaderboard: student ? leaderboard : null };
    };
    expect(await laptop.auth.me.query()).toEqual(await fromDb());
    await laptop.user.updateProfile.mutate({
      name: "Sam S. ✓",
      timeZone: "Europe/Berlin",
      theme: "dark",
      leaderboardNickname: "Owl",
      leaderboardOptOut: true,
    });
    const expected = await fromDb();
    expect(expected).toMatchObject({ name: "Sam S. ✓", timeZone: "Europe/Berlin", theme: "dark" });
    expect(await phone.auth.me.query()).toEqual(expected);
    expect(await laptop.auth.me.query()).toEqual(expected);
    // A session opened before sessions carried the profile reads it from the database.
    const key = s.deps.redis.keys.session(expected.id);
    for (const [field, raw] of Object.entries(await s.deps.redis.redis.hgetall(key))) {
      const { profile: _, ...info } = JSON.parse(raw);
      await s.deps.redis.redis.hset(key, field, JSON.stringify(info));
    }
    expect(await phone.auth.me.query()).toEqual(expected);
    const teacher = await s.login(DEMO_LOGINS.teacher);
    expect((await teacher.auth.me.query()).leaderboard).toBeNull();
    await laptop.user.updateProfile.mutate({
      name: "Sam Student",
      leaderboardNickname: null,
      leaderboardOptOut: false,
    });
    await teacher.auth.logout.mutate();
    await laptop.auth.logoutEverywhere.mutate();
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the caller and no one else's", async () => {
    const devices = [await s.login(DEMO_LOGINS.teacher), await s.login(DEMO_LOGINS.teacher)];
    const other = await s.login(DEMO_LOGINS.student);
    expect(await devices[0]?.auth.logoutEverywhere.mutate()).toEqual({ ended: 2 });
    for (const device of devices)
      await expect(device.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect((await other.auth.me.query()).email).toBe(DEMO_LOGINS.student);
  });
});

describe("logs", () => {
  it("hold failing requests with their path but never a query string, and no line per ordinary request", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const deps = createApiDeps({ ...s.deps.config, LOG_LEVEL: "info" }, pino({ level: "info" }, sink));
    const app = await buildServer(deps);
    app.get("/explode", async () => {
      throw new Error("boom");
    });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    const input = encodeURIComponent(
      JSON.stringify({ json: { email: DEMO_LOGINS.student, password: "s3cret-in-url" } }),
    );
    await fetch(`${url}/trpc/auth.login?input=${input}`);
    await fetch(`${url}/healthz`);
    await fetch(`${url}/explode?password=s3cret-in-url`);
    await app.close();
    await deps.close();
    const logged = lines.join("");
    expect(logged).toContain('"path":"/explode"');
    expect(logged).toContain("request failed");
    expect(logged).not.toContain("s3cret-in-url");
    expect(logged).not.toContain("/healthz");
  });
});

describe("metrics", () => {
  it("are not served at all without METRICS_TOKEN", async () => {
    expect((await fetch(`${s.url}/metrics`)).status).toBe(404);
  });
});
