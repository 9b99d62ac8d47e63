// Badge rarity follows the share of students holding each badge, recomputed by the scheduled maintenance job.
import { badgeRarity } from "@edu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMaintenanceJob } from "../../src/maintenance/job";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";

let deps: TestWorkerDeps;

beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 10 });
}, 120_000);
afterAll(async () => {
  await deps?.close();
});

const badges = () =>
  deps.db.badge.findMany({ include: { _count: { select: { students: true } } }, orderBy: { name: "asc" } });

describe("the badge-rarity maintenance job", () => {
  it("sets each badge's holderShare and rarity from the share of students holding it", async () => {
    // Hand-set values, as before: the job replaces them.
    await deps.db.badge.updateMany({ data: { rarity: "LEGENDARY", holderShare: null } });
    const result = await handleMaintenanceJob(deps, { task: "badge-rarity" });
    const students = await deps.db.student.count();
    const rows = await badges();
    expect(result).toMatchObject({ badges: rows.length, students });
    for (const b of rows)
      expect({ rarity: b.rarity, holderShare: b.holderShare }, b.name).toEqual(
        badgeRarity(b._count.students, students, b.rarity),
      );
    // A badge nobody holds is LEGENDARY with share 0; every student holding one makes it COMMON.
    const unheld = rows.find((b) => b._count.students === 0);
    if (unheld) expect(unheld).toMatchObject({ rarity: "LEGENDARY", holderShare: 0 });
  });

  it("follows the holders when they change, and running it again changes nothing", async () => {
    const [target] = await badges();
    if (!target) throw new Error("no badges seeded");
    const studentIds = (await deps.db.student.findMany({ select: { id: true } })).map((s) => s.id);
    await deps.db.studentBadge.createMany({
      data: studentIds.map((studentId) => ({ studentId, badgeId: target.id })),
      skipDuplicates: true,
    });
    await handleMaintenanceJob(deps, { task: "badge-rarity" });
    expect(await deps.db.badge.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      rarity: "COMMON",
      holderShare: 1,
    });
    const before = await badges();
    expect(await handleMaintenanceJob(deps, { task: "badge-rarity" })).toMatchObject({ changed: 0 });
    expect(await badges()).toEqual(before);
  });

  it("still reconciles, and refuses unknown tasks", async () => {
    expect(await handleMaintenanceJob(deps, { task: "reconcile" })).toMatchObject({ analyses: 0 });
    await expect(handleMaintenanceJob(deps, { task: "nope" })).rejects.toThrow();
  });
});
