// The submission rate limit per student, the streak read as of now (decayed, with freezes, in the student's
// time zone), and the events list in time order.
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { loadApiConfig } from "../src/config";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let student: EduClient;
let other: EduClient;
const python = seedId("class", "python");
const studentId = seedId("student", DEMO_LOGINS.student);
const DAY = 86_400_000;
const LIMIT = 3;

beforeAll(async () => {
  s = await startTestServer({ students: 4, env: { SUBMISSIONS_PER_HOUR: String(LIMIT) } });
  student = await s.login(DEMO_LOGINS.student);
  const otherStudent = await s.deps.db.student.findFirstOrThrow({
    where: { id: { not: studentId }, enrollments: { some: { classId: python } } },
    include: { user: true },
  });
  other = await s.login(otherStudent.user.email);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe("submission rate limit", () => {
  it("defaults to 10 an hour and reads SUBMISSIONS_PER_HOUR", () => {
    const config = (env: Record<string, string>) =>
      loadApiConfig({ DATABASE_URL: "postgresql://x@127.0.0.1/x", ...env }).SUBMISSIONS_PER_HOUR;
    expect(config({})).toBe(10);
    expect(config({ SUBMISSIONS_PER_HOUR: "25" })).toBe(25);
    expect(() => config({ SUBMISSIONS_PER_HOUR: "0" })).toThrow();
  });

  it("answers TOO_MANY_REQUESTS, saying so, past the limit per student, and counts students apart", async () => {
    const [assignment] = await student.assignment.list.query({ classId: python });
    const submit = (client: EduClient) =>
      client.submission.create.mutate({
        assignmentId: assignment?.id ?? "",
        githubUrl: "https://github.com/sam/kata",
      });
    for (let i = 0; i < LIMIT; i++) await submit(student);
    const refused = await submit(student).catch((e) => e);
    expect(refused.data.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/At most 3 submissions an hour; try again in \d+ min/);
    expect(
      await s.deps.db.submission.count({ where: { studentId, githubUrl: "https://github.com/sam/kata" } }),
    ).toBe(LIMIT);
    // Another student is not held back by this one.
    await expect(submit(other)).resolves.toMatchObject({ analysisStatus: "PENDING" });
  });
});

describe("gamification.progress reads the streak as of now", () => {
  const setStreak = async (data: {
    currentStreak: number;
    lastActiveOn: Date;
    streakFreezes: number;
    timeZone?: string;
  }) => {
    const { timeZone, ...student } = data;
    await s.deps.db.student.update({ where: { id: studentId }, data: student });
    if (timeZone)
      await s.deps.db.user.update({ where: { id: seedId("user", DEMO_LOGINS.student) }, data: { timeZone } });
    await s.deps.redis.cache.invalidate("student-progress", studentId);
  };
  const utcDay = (offsetDays: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offsetDays * DAY);

  it("keeps a streak active yesterday, returns streakFreezes, uses freezes for missed days, and decays to 0", async () => {
    await setStreak({ currentStreak: 6, lastActiveOn: utcDay(-1), streakFreezes: 1, timeZone: "UTC" });
    expect(await student.gamification.progress.query()).toMatchObject({ streak: 6, streakFreezes: 1 });
    await setStreak({ currentStreak: 6, lastActiveOn: utcDay(-2), streakFreezes: 1 });
    expect(await student.gamification.progress.query()).toMatchObject({ streak: 6, streakFreezes: 0 });
    await setStreak({ currentStreak: 6, lastActiveOn: utcDay(-3), streakFreezes: 1 });
    expect(await student.gamification.progress.query()).toMatchObject({ streak: 0, streakFreezes: 0 });
    // The stored streak is left as it was: only the reading decays.
    expect((await s.deps.db.student.findUniqueOrThrow({ where: { id: studentId } })).currentStreak).toBe(6);
  });

  it("counts days in the student's time zone", async () => {
    const zone = "Pacific/Kiritimati"; // UTC+14
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
    const lastActiveOn = new Date(`${today}T00:00:00Z`);
    await setStreak({ currentStreak: 4, lastActiveOn, streakFreezes: 0, timeZone: zone });
    expect(await student.gamification.progress.query()).toMatchObject({ streak: 4 });
    await setStreak({ currentStreak: 4, lastActiveOn, streakFreezes: 0, timeZone: "Pacific/Pago_Pago" }); // UTC−11
    // Kiritimati's today is still ahead of Pago Pago's (25 hours apart): nothing missed, the streak stands.
    expect(await student.gamification.progress.query()).toMatchObject({ streak: 4 });
  });
});

describe("gamification.events", () => {
  it("lists newest first by time, not by id, and pages stably", async () => {
    // An event whose id sorts last but which happened first.
    const old = await s.deps.db.gamificationEvent.create({
      data: {
        studentId,
        eventType: "STREAK",
        dedupeKey: "test:old-event",
        createdAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const all = await s.deps.db.gamificationEvent.findMany({
      where: { studentId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await student.gamification.events.query({ limit: 3, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(seen.at(-1)).toBe(old.id);
  });
});

describe("starter files", () => {
  it("keeps the files an assignment hands out, and refuses paths that leave the repository", async () => {
    const teacher = await s.login(DEMO_LOGINS.teacher);
    const dueDate = new Date(Date.now() + 7 * DAY);
    const created = await teacher.assignment.create.mutate({
      classId: python,
      title: "Kata with a template",
      dueDate,
      starterPaths: ["src/template.py", " tests/ "],
    });
    expect((await teacher.assignment.get.query({ assignmentId: created.id })).starterPaths).toEqual([
      "src/template.py",
      "tests/",
    ]);
    await expect(
      teacher.assignment.update.mutate({ assignmentId: created.id, starterPaths: ["../etc/passwd"] }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});
