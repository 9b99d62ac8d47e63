import { badgeRarity, streakAsOf } from "@edu/domain";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let student: EduClient;
let teacher: EduClient;
const python = seedId("class", "python");
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  s = await startTestServer({ students: 8 });
  student = await s.login(DEMO_LOGINS.student);
  teacher = await s.login(DEMO_LOGINS.teacher);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe("leaderboard", () => {
  it("rebuilds a missing board from PostgreSQL, ranks best first, and follows points changes", async () => {
    await s.deps.redis.redis.del(s.deps.redis.keys.leaderboard(python));
    const top = await student.leaderboard.top.query({ classId: python, limit: 100 });
    const enrolled = await s.deps.db.student.findMany({
      where: { enrollments: { some: { classId: python } } },
      orderBy: [{ currentPoints: "desc" }, { id: "desc" }],
    });
    expect(top.map((e) => e.studentId)).toEqual(enrolled.map((e) => e.id));
    expect(top.map((e) => e.rank)).toEqual(enrolled.map((_, i) => i + 1));
    expect(top[0]?.name).toBeTruthy();
    expect(await s.deps.redis.redis.ttl(s.deps.redis.keys.leaderboard(python))).toBeGreaterThan(290);

    expect(await s.deps.redis.leaderboards.setPointsIfPresent(python, studentId, 1_000_000)).toBe(true);
    expect((await student.leaderboard.top.query({ classId: python, limit: 1 }))[0]?.studentId).toBe(
      studentId,
    );
    expect(await student.leaderboard.myRank.query({ classId: python })).toMatchObject({
      rank: 1,
      points: 1_000_000,
      size: enrolled.length,
    });
  });
});

describe("gamification and badges", () => {
  it("reports progress toward the next level and caches it for 10 minutes", async () => {
    const row = await s.deps.db.student.findUniqueOrThrow({
      where: { id: studentId },
      include: { user: true },
    });
    const progress = await student.gamification.progress.query();
    // The streak is read as of now in the student's zone (a student who stopped has streak 0).
    const streak = streakAsOf(
      { streak: row.currentStreak, lastActiveOn: row.lastActiveOn, freezes: row.streakFreezes },
      new Date(),
      row.user.timeZone,
    );
    expect(progress).toMatchObject({
      studentId,
      points: row.currentPoints,
      level: row.currentLevel,
      streak: streak.streak,
      streakFreezes: streak.freezes,
    });
    expect(progress.pointsToNextLevel).toBe((progress.nextLevelAt ?? 0) - progress.points);
    const ttl = await s.deps.redis.redis.ttl(s.deps.redis.keys.cache("student-progress", studentId));
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
    expect((await teacher.gamification.progress.query({ studentId })).points).toBe(row.currentPoints);
    await expect(teacher.gamification.progress.query()).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
    });
  });

  it("lists the badge catalog, rarity following the share of holders, the student's badges and point events", async () => {
    const catalog = await student.badge.list.query();
    const [holders, students] = await Promise.all([
      s.deps.db.badge.findMany({ select: { id: true, _count: { select: { students: true } } } }),
      s.deps.db.student.count(),
    ]);
    for (const b of catalog) {
      const held = holders.find((h) => h.id === b.id)?._count.students ?? 0;
      expect(b.rarity, b.name).toBe(badgeRarity(held, students, b.rarity).rarity);
    }
    const mine = await student.badge.mine.query();
    expect(mine.length).toBe(await s.deps.db.studentBadge.count({ where: { studentId } }));
    const events = await student.gamification.events.query({ limit: 5 });
    expect(events.items.length).toBeGreaterThan(0);
  });
});

describe("risk", () => {
  it("shows a student's latest prediction with its factors, and a class's at-risk list worst first", async () => {
    const mine = await student.risk.forStudent.query({ studentId });
    expect(mine.prediction?.riskScore).toBeGreaterThanOrEqual(0);
    expect(mine.prediction?.topFactors).toBeInstanceOf(Array);
    const everyone = await teacher.risk.atRisk.query({ classId: python, minLevel: "LOW", limit: 100 });
    const scores = everyone.items.map((r) => r.riskScore ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Page by page, the same list: nothing skipped, nothing twice.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await teacher.risk.atRisk.query({ classId: python, minLevel: "LOW", limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(everyone.items.map((r) => r.id));
    const high = await teacher.risk.atRisk.query({ classId: python, minLevel: "HIGH" });
    expect(high.items.every((r) => r.riskLevel === "HIGH" || r.riskLevel === "CRITICAL")).toBe(true);
    await expect(
      teacher.risk.atRisk.query({ classId: python, minLevel: "HIGH", cursor: python }),
    ).rejects.toThrow(/cursor/);
  });

  it("queues one recompute job however often it is asked within a minute", async () => {
    const first = await teacher.risk.recompute.mutate({ classId: python });
    const second = await teacher.risk.recompute.mutate({ classId: python });
    expect(second.jobId).toBe(first.jobId);
    expect((await s.deps.queues.risk.getJob(first.jobId ?? ""))?.data).toEqual({
      scope: "class",
      classId: python,
    });
  });
});

describe("chat", () => {
  it("stores the question and a reply grounded on the student's own data", async () => {
    const { question, answer } = await student.chat.send.mutate({ content: "When is my next deadline?" });
    expect(question.role).toBe("USER");
    expect(answer.role).toBe("ASSISTANT");
    const upcoming = await s.deps.db.assignment.findFirst({
      where: {
        class: { enrollments: { some: { studentId } } },
        dueDate: { gte: new Date() },
        submissions: { none: { studentId } },
      },
      orderBy: { dueDate: "asc" },
    });
    expect(answer.content).toContain(upcoming?.title ?? "no open deadlines");
    const history = await student.chat.history.query({ limit: 2 });
    expect(history.items.map((m) => m.id)).toEqual([answer.id, question.id]);
  });

  it("limits a student to 20 messages a minute", async () => {
    const other = await s.deps.db.user.findFirstOrThrow({
      where: { role: "STUDENT", email: { not: DEMO_LOGINS.student } },
    });
    const chatty = await s.login(other.email);
    for (let i = 0; i < 20; i++) await chatty.chat.send.mutate({ content: `hello ${i}` });
    await expect(chatty.chat.send.mutate({ content: "one more" })).rejects.toMatchObject({
      data: { code: "TOO_MANY_REQUESTS" },
    });
  });
});

describe("live updates over SSE", () => {
  it("delivers events published on the resource's stream", async () => {
    const received: { type: string }[] = [];
    const sub = student.updates.onChange.subscribe(
      { resource: "student", id: studentId },
      { onData: (event) => received.push(event.data as { type: string }) },
    );
    await new Promise((r) => setTimeout(r, 500));
    await s.deps.redis.updates.publish("student", studentId, { type: "points.changed", data: { points: 5 } });
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(received[0]?.type).toBe("points.changed");
  });
});
