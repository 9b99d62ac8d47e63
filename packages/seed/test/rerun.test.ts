// Running the seed again, later, over the demo it wrote: nothing it wrote changes, and added students share the
// first run's calendar.
import { createTestDatabase, type TestDatabase } from "@edu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/seed";

const DAY = 86_400_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const snapshot = async () => ({
  students: await t.db.student.findMany({ orderBy: { id: "asc" } }),
  predictions: await t.db.riskPrediction.findMany({ orderBy: { id: "asc" } }),
  grievances: await t.db.grievance.findMany({ orderBy: { id: "asc" }, include: { auditLogs: true } }),
});

describe("a later run of the seed", () => {
  it("changes no row it wrote, nor what the product did since, and dates added students on the first run's calendar", async () => {
    const firstRun = new Date();
    await seedDemoData(t.db, { students: 12, today: firstRun });
    const before = await snapshot();
    const later = new Date(firstRun.getTime() + 9 * DAY);
    await seedDemoData(t.db, { students: 12, today: later });
    expect(await snapshot()).toEqual(before);

    // The product moves on: an award the seed knows nothing about.
    const movedOn = before.students[0]?.id ?? "";
    await t.db.$transaction([
      t.db.gamificationEvent.create({
        data: {
          studentId: movedOn,
          eventType: "SUBMISSION",
          pointsAwarded: 35,
          dedupeKey: "submission:live",
        },
      }),
      t.db.student.update({ where: { id: movedOn }, data: { currentPoints: { increment: 35 } } }),
    ]);
    await seedDemoData(t.db, { students: 16, today: later });
    const points = await t.db.gamificationEvent.aggregate({
      where: { studentId: movedOn },
      _sum: { pointsAwarded: true },
    });
    expect((await t.db.student.findUniqueOrThrow({ where: { id: movedOn } })).currentPoints).toBe(
      points._sum.pointsAwarded,
    );

    const after = await snapshot();
    expect(after.students).toHaveLength(16);
    const unchanged = (s: { id: string }) => s.id !== movedOn && before.students.some((b) => b.id === s.id);
    expect(after.students.filter(unchanged)).toEqual(before.students.filter(unchanged));
    const latest = await t.db.submission.aggregate({ _max: { submittedAt: true } });
    expect(latest._max.submittedAt?.getTime()).toBeLessThanOrEqual(firstRun.getTime());
  });
});
