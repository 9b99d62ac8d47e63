// Leaderboards students choose to be on: a nickname, an opt-out, a class setting that turns competition off,
// the window around the student, and the week's most improved.
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let student: EduClient;
let teacher: EduClient;
let mentor: EduClient;
const python = seedId("class", "python");
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  s = await startTestServer({ students: 14 });
  student = await s.login(DEMO_LOGINS.student);
  teacher = await s.login(DEMO_LOGINS.teacher);
  mentor = await s.login(DEMO_LOGINS.mentor);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const boardIds = async (client: EduClient) =>
  (await client.leaderboard.top.query({ classId: python, limit: 100 })).map((e) => e.studentId);

describe("leaderboard choices", () => {
  it("shows a nickname instead of the name, on the cached board and the rebuilt one", async () => {
    await student.leaderboard.top.query({ classId: python, limit: 100 });
    await student.user.updateProfile.mutate({ leaderboardNickname: "  Turtle  " });
    const entry = (await teacher.leaderboard.top.query({ classId: python, limit: 100 })).find(
      (e) => e.studentId === studentId,
    );
    expect(entry?.name).toBe("Turtle");
    expect((await student.auth.me.query()).leaderboard).toEqual({
      leaderboardNickname: "Turtle",
      leaderboardOptOut: false,
    });
    await student.user.updateProfile.mutate({ leaderboardNickname: null });
    const named = (await teacher.leaderboard.top.query({ classId: python, limit: 100 })).find(
      (e) => e.studentId === studentId,
    );
    expect(named?.name).toBe("Sam Student");
  });

  it("takes a student who opts out off every board, and points awarded later do not put them back", async () => {
    expect(await boardIds(teacher)).toContain(studentId);
    await student.user.updateProfile.mutate({ leaderboardOptOut: true });
    expect(await boardIds(teacher)).not.toContain(studentId);
    // The worker's award writes points only for members of a built board.
    expect(await s.deps.redis.leaderboards.setPointsIfPresent(python, studentId, 99_999)).toBe(false);
    expect(await boardIds(teacher)).not.toContain(studentId);
    expect(await student.leaderboard.around.query({ classId: python })).toEqual({
      status: "opted-out",
      entries: [],
    });
    await expect(student.leaderboard.myRank.query({ classId: python })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await student.user.updateProfile.mutate({ leaderboardOptOut: false });
    expect(await boardIds(teacher)).toContain(studentId);
  });

  it("answers the five above and five below the student, with ranks", async () => {
    const full = await teacher.leaderboard.top.query({ classId: python, limit: 100 });
    const mine = full.findIndex((e) => e.studentId === studentId);
    const window = await student.leaderboard.around.query({ classId: python });
    expect(window.status).toBe("ranked");
    const from = Math.max(0, mine - 5);
    expect(window.entries.map((e) => e.studentId)).toEqual(
      full.slice(from, mine + 6).map((e) => e.studentId),
    );
    expect(window.entries.map((e) => e.rank)).toEqual(full.slice(from, mine + 6).map((e) => e.rank));
    expect(window.entries.filter((e) => e.you).map((e) => e.studentId)).toEqual([studentId]);
  });

  it("lets the class's teachers turn competition off: students get a clear refusal, teachers still see", async () => {
    await expect(
      mentor.class.update.mutate({ classId: python, competitionEnabled: false }),
    ).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    const updated = await teacher.class.update.mutate({ classId: python, competitionEnabled: false });
    expect(updated.competitionEnabled).toBe(false);
    for (const read of [
      () => student.leaderboard.top.query({ classId: python }),
      () => student.leaderboard.around.query({ classId: python }),
      () => student.leaderboard.mostImproved.query({ classId: python }),
    ])
      await expect(read()).rejects.toMatchObject({
        message: "Leaderboards are turned off for this class by its teachers",
        data: { code: "FORBIDDEN" },
      });
    expect((await teacher.leaderboard.top.query({ classId: python })).length).toBeGreaterThan(0);
    expect((await student.class.list.query()).find((c) => c.id === python)?.competitionEnabled).toBe(false);
    await teacher.class.update.mutate({ classId: python, competitionEnabled: true });
    expect((await student.leaderboard.top.query({ classId: python })).length).toBeGreaterThan(0);
  });

  it("ranks the week's most improved by points gained in the last seven days", async () => {
    const enrolled = await s.deps.db.student.findMany({
      where: { enrollments: { some: { classId: python } } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 3,
    });
    const [a, b, old] = enrolled.map((e) => e.id) as [string, string, string];
    await s.deps.db.gamificationEvent.deleteMany({
      where: { student: { enrollments: { some: { classId: python } } } },
    });
    const event = (id: string, points: number, daysAgo: number, key: string) => ({
      studentId: id,
      eventType: "SUBMISSION" as const,
      pointsAwarded: points,
      dedupeKey: `test:${key}`,
      createdAt: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await s.deps.db.gamificationEvent.createMany({
      data: [event(a, 30, 1, "a1"), event(a, 20, 2, "a2"), event(b, 40, 3, "b1"), event(old, 500, 9, "old")],
    });
    await s.deps.redis.cache.invalidate("most-improved", python);
    const board = await teacher.leaderboard.mostImproved.query({ classId: python, limit: 5 });
    expect(board.map((e) => [e.studentId, e.pointsGained, e.rank])).toEqual([
      [a, 50, 1],
      [b, 40, 2],
    ]);
  });
});

describe("profile", () => {
  it("keeps a valid IANA time zone and refuses anything else with a clear error", async () => {
    const saved = await student.user.updateProfile.mutate({ timeZone: "Europe/Berlin" });
    expect(saved.timeZone).toBe("Europe/Berlin");
    await expect(student.user.updateProfile.mutate({ timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
    });
  });

  it("refuses board choices from accounts that are not students", async () => {
    await expect(teacher.user.updateProfile.mutate({ leaderboardOptOut: true })).rejects.toMatchObject({
      message: "leaderboard: only students appear on leaderboards",
    });
  });
});
