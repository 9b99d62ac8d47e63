// Every page of every role: no serious or critical axe violation, nothing wider than a 390 px phone, and a
// screenshot of each for people to look at (packages/e2e/screenshots/).
import type { Db } from "@edu/db";
import type { Page } from "@playwright/test";
import {
  type Account,
  expect,
  expectAccessible,
  expectNoHorizontalOverflow,
  saveScreenshot,
  signIn,
  test,
} from "../src";

/** Opens a page, waits until its heading and data are there, then checks and photographs it. */
async function checkPage(page: Page, path: string, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel(/loading/i)).toHaveCount(0);
  await expect(page.getByText("Could not load this")).toHaveCount(0);
  await expectAccessible(page);
  await saveScreenshot(page, name);
  await expectNoHorizontalOverflow(page);
}

// Each test tours several pages with an axe scan on each: minutes, not seconds, on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

async function idsFor(db: Db, account: Account) {
  const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, select: { id: true } });
  return user.id;
}

test("student pages", async ({ page, accounts, db }) => {
  const userId = await idsFor(db, accounts.student);
  const submission = await db.submission.findFirstOrThrow({
    where: { student: { userId }, analysisStatus: "SCORED", findings: { some: {} } },
    select: { id: true, assignmentId: true },
  });
  const grievance = await db.grievance.findFirst({ where: { student: { userId } }, select: { id: true } });
  await signIn(page, accounts.student);
  await checkPage(page, "/dashboard", "student-dashboard");
  await expect(page.getByText(/of 2 streak freezes held/)).toBeVisible();
  await page.getByRole("button", { name: "Show leaderboard" }).first().click();
  await expect(page.getByRole("row", { name: /\(you\)/ })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, "student-dashboard-board");
  await checkPage(page, `/assignments/${submission.assignmentId}`, "student-assignment");
  await checkPage(page, `/submissions/${submission.id}`, "student-submission");
  await checkPage(page, "/progress", "student-progress");
  await checkPage(page, "/assistant", "student-assistant");
  await checkPage(page, "/grievances", "student-grievances");
  await checkPage(page, "/settings", "student-settings");
  if (grievance) await checkPage(page, `/grievances/${grievance.id}`, "student-grievance");
});

test("teacher pages", async ({ page, accounts, db }) => {
  const userId = await idsFor(db, accounts.teacher);
  const klass = await db.class.findFirstOrThrow({
    where: { teachers: { some: { userId } }, assignments: { some: { submissions: { some: {} } } } },
    select: {
      id: true,
      assignments: { select: { id: true }, where: { submissions: { some: {} } }, take: 1 },
    },
  });
  const assignmentId = klass.assignments[0]?.id as string;
  const submission = await db.submission.findFirstOrThrow({
    where: { assignmentId, analysisStatus: "SCORED" },
    select: { id: true, studentId: true },
  });
  const grievance = await db.grievance.findFirst({ where: { assignedToId: userId }, select: { id: true } });
  await signIn(page, accounts.teacher);
  await checkPage(page, "/classes", "teacher-classes");
  await checkPage(page, `/classes/${klass.id}`, "teacher-class");
  for (const tab of ["Students", "At risk", "Leaderboard"]) {
    await page.getByRole("tab", { name: new RegExp(tab) }).click();
    await expect(page.getByLabel(/loading/i)).toHaveCount(0);
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, `teacher-class-${tab.toLowerCase().replace(" ", "-")}`);
  }
  await checkPage(page, `/classes/${klass.id}/assignments/new`, "teacher-new-assignment");
  await checkPage(page, `/assignments/${assignmentId}`, "teacher-review-queue");
  await checkPage(page, `/assignments/${assignmentId}/edit`, "teacher-edit-assignment");
  await checkPage(page, `/submissions/${submission.id}`, "teacher-review");
  await checkPage(page, `/students/${submission.studentId}`, "teacher-student");
  await checkPage(page, "/grievances", "teacher-grievances");
  await checkPage(page, "/settings", "teacher-settings");
  if (grievance) await checkPage(page, `/grievances/${grievance.id}`, "teacher-grievance");
});

test("mentor and admin pages", async ({ page, accounts, db }) => {
  const mentorId = await idsFor(db, accounts.mentor);
  const mentee = await db.student.findFirst({ where: { mentorId }, select: { id: true } });
  await signIn(page, accounts.mentor);
  await checkPage(page, "/grievances", "mentor-grievances");
  if (mentee) await checkPage(page, `/students/${mentee.id}`, "mentor-student");
  await page.context().clearCookies();
  await signIn(page, accounts.admin);
  await checkPage(page, "/classes", "admin-classes");
  await checkPage(page, "/grievances", "admin-grievances");
  await page.getByRole("tab", { name: "All" }).click();
  await expect(page.getByLabel(/loading/i)).toHaveCount(0);
  await checkPage(page, "/audit", "admin-audit");
});

test("the sign-in page and an unknown address", async ({ page }) => {
  await checkPage(page, "/login", "sign-in");
  await checkPage(page, "/no-such-page", "not-found");
});
