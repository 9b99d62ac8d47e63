import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockingConnectionOptions, createKeyBuilder, TTL_SECONDS } from "../src/redis/index";
import { createTestRedis, type TestRedis } from "../src/testing/index";

let r: TestRedis;
beforeAll(async () => {
  r = await createTestRedis();
});
afterAll(async () => {
  await r?.cleanup();
});

describe("key builder", () => {
  it("produces the seed's key patterns, with and without a deployment prefix", () => {
    const bare = createKeyBuilder();
    expect(bare.session("u1")).toBe("session:u1");
    expect(bare.cache("student-progress", "s1")).toBe("cache:student-progress:s1");
    expect(bare.leaderboard("c1")).toBe("leaderboard:c1");
    expect(bare.updates("submission", "x1")).toBe("updates:submission:x1");
    const prefixed = createKeyBuilder("school-a:");
    expect(prefixed.session("u1")).toBe("school-a:session:u1");
    expect(prefixed.queuePrefix).toBe("{school-a:bull}");
  });

  it("refuses ids that could reach into another key", () => {
    const keys = createKeyBuilder();
    expect(() => keys.session("u1:cache:x")).toThrow(/userId/);
    expect(() => keys.leaderboard("*")).toThrow(/classId/);
    expect(() => keys.updates("grievance", "")).toThrow(/id/);
  });

  it("uses the seed's TTLs", () => {
    expect(TTL_SECONDS).toMatchObject({
      session: 3600,
      cacheDefault: 3600,
      leaderboard: 300,
      studentProgress: 600,
      feedbackSuggestion: 1800,
    });
  });
});

describe("cache", () => {
  it("round-trips Dates to the millisecond (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date("1970-01-01T00:00:00.000Z"),
          max: new Date("2999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        }),
        fc.string(),
        async (date, text) => {
          await r.cache.set("feedback-list", "prop", { createdAt: date, text, nested: [{ at: date }] });
          const back = await r.cache.get<{ createdAt: Date; text: string; nested: { at: Date }[] }>(
            "feedback-list",
            "prop",
          );
          expect(back?.createdAt).toBeInstanceOf(Date);
          expect(back?.createdAt.getTime()).toBe(date.getTime());
          expect(back?.nested[0]?.at.getTime()).toBe(date.getTime());
          expect(back?.text).toBe(text);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("sets each resource's TTL and invalidates on demand", async () => {
    await r.cache.set("student-progress", "s1", { points: 10 });
    await r.cache.set("feedback-suggestion", "sub1", "draft");
    expect(await r.redis.ttl(r.keys.cache("student-progress", "s1"))).toBeLessThanOrEqual(600);
    expect(await r.redis.ttl(r.keys.cache("student-progress", "s1"))).toBeGreaterThan(590);
    expect(await r.redis.ttl(r.keys.cache("feedback-suggestion", "sub1"))).toBeGreaterThan(1790);
    await r.cache.invalidate("student-progress", "s1");
    expect(await r.cache.get("student-progress", "s1")).toBeUndefined();
  });

  it("loads once and then serves from Redis", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await r.cache.getOrLoad("institution", "i1", load)).toBe(1);
    expect(await r.cache.getOrLoad("institution", "i1", load)).toBe(1);
    expect(loads).toBe(1);
  });
});

describe("sessions", () => {
  const userId = "0190b5a0-0000-7000-8000-000000000001";
  const actor = { role: "TEACHER", institutionId: "0190b5a0-0000-7000-8000-0000000000ff", studentId: null };

  it("keeps one field per device under session:{userId} with a one-hour sliding TTL", async () => {
    const laptop = await r.sessions.create(userId, actor, { userAgent: "laptop" });
    const phone = await r.sessions.create(userId, actor, { userAgent: "phone" });
    expect(await r.redis.hlen(r.keys.session(userId))).toBe(2);
    await r.redis.expire(r.keys.session(userId), 100);
    const info = await r.sessions.touch(laptop);
    expect(info?.userId).toBe(userId);
    expect(info?.createdAt).toBeInstanceOf(Date);
    expect(info).toMatchObject(actor);
    expect(await r.redis.ttl(r.keys.session(userId))).toBeGreaterThan(3590);
    await r.sessions.revoke(laptop);
    expect(await r.sessions.touch(laptop)).toBeUndefined();
    expect((await r.sessions.touch(phone))?.userAgent).toBe("phone");
  });

  it("reads the user's cached readable classes in the same round trip, and sees them dropped", async () => {
    const user = "0190b5a0-0000-7000-8000-000000000005";
    const token = await r.sessions.create(user, actor);
    expect((await r.sessions.touch(token))?.readableClasses).toBeUndefined();
    const classes = ["0190b5a0-0000-7000-8000-0000000000c1", "0190b5a0-0000-7000-8000-0000000000c2"];
    await r.cache.set("class-access", user, classes);
    expect((await r.sessions.touch(token))?.readableClasses).toEqual(classes);
    await r.cache.set("class-access", userId, ["0190b5a0-0000-7000-8000-0000000000c3"]);
    expect((await r.sessions.peek(token))?.readableClasses).toEqual(classes);
    await r.cache.invalidate("class-access", user);
    expect((await r.sessions.peek(token))?.readableClasses).toBeUndefined();
  });

  it("carries the user's profile and rewrites it in every device's session, keeping each TTL", async () => {
    const user = "0190b5a0-0000-7000-8000-000000000003";
    const profile = {
      name: "Ada",
      avatarUrl: null,
      timeZone: "Europe/Berlin",
      leaderboard: { optOut: false },
    };
    const laptop = await r.sessions.create(user, { ...actor, profile });
    const phone = await r.sessions.create(user, { ...actor, profile });
    expect((await r.sessions.touch(laptop))?.profile).toEqual(profile);
    await r.redis.expire(r.keys.session(user), 100);
    const changed = { ...profile, name: "Ada L. ✓/", leaderboard: { optOut: true } };
    expect(await r.sessions.setProfile(user, changed)).toBe(2);
    expect((await r.sessions.peek(laptop))?.profile).toEqual(changed);
    expect((await r.sessions.peek(phone))?.profile).toEqual(changed);
    expect(await r.redis.ttl(r.keys.session(user))).toBeLessThanOrEqual(100);
    expect(await r.sessions.setProfile("0190b5a0-0000-7000-8000-000000000004", changed)).toBe(0);
  });

  it("rejects forged and malformed tokens", async () => {
    const token = await r.sessions.create(userId, actor);
    expect(await r.sessions.touch(`${token}x`)).toBeUndefined();
    expect(await r.sessions.touch("not-a-token")).toBeUndefined();
    expect(await r.sessions.touch(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeUndefined();
  });

  it("gives opaque tokens and stores neither the token nor anything it could be told from", async () => {
    const token = await r.sessions.create(userId, actor);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(userId);
    const stored = JSON.stringify(await r.redis.hgetall(r.keys.session(userId)));
    expect(stored).not.toContain(token);
  });

  it("peeks without sliding, and signs out everywhere or everywhere else", async () => {
    const other = "0190b5a0-0000-7000-8000-000000000002";
    const [a, b, c] = [
      await r.sessions.create(other, actor),
      await r.sessions.create(other, actor),
      await r.sessions.create(other, actor),
    ];
    await r.redis.expire(r.keys.session(other), 100);
    expect((await r.sessions.peek(a))?.userId).toBe(other);
    expect(await r.redis.ttl(r.keys.session(other))).toBeLessThanOrEqual(100);
    expect(await r.sessions.revokeAll(other, b)).toBe(2);
    expect(await r.sessions.peek(a)).toBeUndefined();
    expect(await r.sessions.peek(c)).toBeUndefined();
    expect((await r.sessions.touch(b))?.userId).toBe(other);
    expect(await r.sessions.revokeAll(other)).toBe(1);
    // An hour without a request ends a session even if its keys linger.
    const idle = await r.sessions.create(other, actor);
    const stale = JSON.parse((await r.redis.hvals(r.keys.session(other)))[0] ?? "{}");
    await r.redis.hset(
      r.keys.session(other),
      (await r.redis.hkeys(r.keys.session(other)))[0] ?? "",
      JSON.stringify({ ...stale, lastSeenAt: Date.now() - 3_601_000 }),
    );
    expect(await r.sessions.touch(idle)).toBeUndefined();
    expect(await r.redis.hlen(r.keys.session(other))).toBe(0);
    expect(await r.sessions.touch(b)).toBeUndefined();
    expect(await r.redis.exists(r.keys.session(other))).toBe(0);
  });
});

describe("leaderboards", () => {
  it("rebuilds, ranks, and updates only boards that exist", async () => {
    expect(await r.leaderboards.top("c1", 10)).toBeUndefined();
    expect(await r.leaderboards.setPointsIfPresent("c1", "s9", 999)).toBe(false);
    expect(await r.leaderboards.top("c1", 10)).toBeUndefined();
    await r.leaderboards.rebuild("c1", [
      { studentId: "s1", points: 50, name: "Ann" },
      { studentId: "s2", points: 120, name: "Bo" },
      { studentId: "s3", points: 80, name: "Cy" },
    ]);
    expect(await r.redis.ttl(r.keys.leaderboardNames("c1"))).toBeGreaterThan(290);
    expect(await r.redis.ttl(r.keys.leaderboard("c1"))).toBeGreaterThan(290);
    expect(await r.leaderboards.setPointsIfPresent("c1", "s1", 200)).toBe(true);
    expect(await r.leaderboards.top("c1", 2)).toEqual([
      { studentId: "s1", points: 200, name: "Ann" },
      { studentId: "s2", points: 120, name: "Bo" },
    ]);
    expect(await r.leaderboards.rank("c1", "s3")).toEqual({ rank: 3, points: 80, size: 3 });
    expect(await r.leaderboards.rank("c1", "nobody")).toBeNull();
    // A student who is not on the board (opted out) is not put on it by a points update.
    expect(await r.leaderboards.setPointsIfPresent("c1", "opted-out", 500)).toBe(false);
    expect(await r.leaderboards.rank("c1", "opted-out")).toBeNull();
    await r.leaderboards.invalidate("c1");
    expect(await r.redis.exists(r.keys.leaderboard("c1"), r.keys.leaderboardNames("c1"))).toBe(0);
  });

  it("answers the window around a student: places above and below, clipped at the top", async () => {
    expect(await r.leaderboards.around("w", "s1", 2, 2)).toBeUndefined();
    await r.leaderboards.rebuild(
      "w",
      Array.from({ length: 12 }, (_, i) => ({
        studentId: `s${String(i).padStart(2, "0")}`,
        points: 1000 - i * 10,
        name: `N${i}`,
      })),
    );
    const middle = await r.leaderboards.around("w", "s06", 2, 2);
    expect(middle?.firstRank).toBe(5);
    expect(middle?.entries.map((e) => e.studentId)).toEqual(["s04", "s05", "s06", "s07", "s08"]);
    expect(middle?.entries[2]).toEqual({ studentId: "s06", points: 940, name: "N6" });
    const top = await r.leaderboards.around("w", "s01", 5, 5);
    expect(top?.firstRank).toBe(1);
    expect(top?.entries.map((e) => e.studentId)).toEqual(["s00", "s01", "s02", "s03", "s04", "s05", "s06"]);
    const bottom = await r.leaderboards.around("w", "s11", 1, 5);
    expect(bottom?.entries.map((e) => e.studentId)).toEqual(["s10", "s11"]);
    expect(await r.leaderboards.around("w", "nobody", 5, 5)).toBeNull();
  });

  it("orders ties by descending student id, as the PostgreSQL fallback does", async () => {
    await r.leaderboards.rebuild("ties", [
      { studentId: "b", points: 10, name: "B" },
      { studentId: "a", points: 10, name: "A" },
      { studentId: "c", points: 30, name: "C" },
    ]);
    expect((await r.leaderboards.top("ties", 3))?.map((e) => e.studentId)).toEqual(["c", "b", "a"]);
    expect(await r.leaderboards.rank("ties", "a")).toEqual({ rank: 3, points: 10, size: 3 });
  });

  it("stores no key for a class without students, so the next read rebuilds it from PostgreSQL", async () => {
    await r.leaderboards.rebuild("empty", []);
    expect(await r.leaderboards.top("empty", 10)).toEqual(undefined);
  });
});

describe("update streams", () => {
  it("appends to updates:{resource}:{id} and reads back in order with Dates intact", async () => {
    const reader = r.redis.duplicate(blockingConnectionOptions);
    try {
      const first = await r.updates.publish("grievance", "g1", {
        type: "status",
        data: { status: "IN_PROGRESS" },
      });
      await r.updates.publish("grievance", "g1", { type: "status", data: { status: "RESOLVED" } });
      const entries = await r.updates.read(reader, "grievance", "g1", "0", 100);
      expect(entries.map((e) => e.event.data?.status)).toEqual(["IN_PROGRESS", "RESOLVED"]);
      expect(entries[0]?.id).toBe(first);
      expect(entries[0]?.event.at).toBeInstanceOf(Date);
      expect(await r.redis.ttl(r.keys.updates("grievance", "g1"))).toBeGreaterThan(0);
    } finally {
      reader.disconnect();
    }
  });
});
