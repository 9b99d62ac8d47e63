// The loop the product exists for, across two signed-in browsers: a teacher sets up a class and an assignment,
// the student submits and watches the analysis finish, the teacher reviews and sends feedback, and the
// student's open page shows it, all without a reload.
import type { Page } from "@playwright/test";
import { expect, saveScreenshot, signIn, test } from "../src";

/** Marks the page; a reload would drop the mark. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

test("teacher sets up, student submits, teacher reviews, student reads the feedback live", async ({
  browser,
  accounts,
  fixtureRepoUrl,
  holdAnalyses,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const className = `Algorithms ${suffix}`;
  const title = `Sorting kata ${suffix}`;
  const teacher = await (await browser.newContext()).newPage();
  const student = await (await browser.newContext()).newPage();

  // The teacher creates a class, enrolls the student and creates an assignment.
  await signIn(teacher, accounts.teacher);
  await teacher.getByRole("button", { name: "New class" }).click();
  await teacher.getByRole("dialog").getByLabel(/^Name/).fill(className);
  await teacher.getByRole("dialog").getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeFocused();
  await teacher.getByRole("tab", { name: /Students/ }).click();
  await teacher.getByLabel(/Find a student/).fill("Sam Stu");
  await teacher.getByRole("button", { name: "Enroll Sam Student" }).click();
  await expect(teacher.getByRole("table").getByRole("link", { name: "Sam Student" })).toBeVisible();
  await teacher.getByRole("link", { name: "New assignment" }).click();
  await teacher.getByLabel(/^Title/).fill(title);
  await teacher.getByLabel(/^Description/).fill("Sort a list three ways.\nCompare their speed.");
  await teacher.getByLabel(/^Due/).fill("2027-01-15T12:00");
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(teacher.getByText("Nobody in this list.")).toBeVisible();

  // The student finds it on the dashboard, submits, and sees "analysing" turn into a score and findings.
  await signIn(student, accounts.student);
  await student.getByRole("link", { name: title }).click();
  await expect(student.getByText("Compare their speed.")).toBeVisible();
  await student.getByLabel(/GitHub repository URL/).fill(fixtureRepoUrl());
  // The worker waits until the page shows the submission in analysis; the page then follows it to a score.
  await holdAnalyses(async () => {
    await student.getByRole("button", { name: "Submit for analysis" }).click();
    await expect(student.getByRole("heading", { level: 1, name: `Submission for ${title}` })).toBeVisible();
    await expect(student.getByRole("status").filter({ hasText: /Analysing the repository/ })).toBeVisible();
    await markPage(student);
  });
  await expect(student.getByText("Scored", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(student.getByRole("heading", { name: "Findings", level: 2 })).toBeVisible();
  await expect(student.getByText(/cognitive-complexity/).first()).toBeVisible();
  // The rating has its own place, and the files carrying the most debt are listed.
  await expect(student.getByText("Rating (A–E)")).toBeVisible();
  const hotspots = student.getByRole("table", { name: /Files with the most estimated fixing time/ });
  await expect(hotspots.getByRole("row")).not.toHaveCount(1);
  await saveScreenshot(student, "student-submission-scored");
  expect(await stillSamePage(student)).toBe(true);

  // The teacher's review queue lists the submission as not yet reviewed; the draft is edited and sent.
  await teacher.reload();
  await expect(teacher.getByRole("cell", { name: "Sam Student" })).toBeVisible();
  await expect(teacher.getByText("Not sent")).toBeVisible();
  await teacher
    .getByRole("row", { name: /Sam Student/ })
    .getByRole("link")
    .nth(1)
    .click();
  const draft = teacher.getByLabel(/Feedback to the student/);
  await expect(draft).not.toHaveValue("");
  await draft.fill(`${await draft.inputValue()}\n\nNice work on the tests.`);
  await teacher.getByRole("radiogroup").locator("label").nth(3).click();
  await teacher.getByRole("button", { name: "Send feedback" }).click();
  await expect(teacher.getByText("Feedback sent")).toBeVisible();
  await expect(teacher.getByText(/already sent/)).toBeVisible();

  // The student's open submission page shows it, line breaks kept, without a reload.
  const feedback = student.getByRole("article", { name: "Feedback from Tess Teacher" });
  await expect(feedback).toContainText("Nice work on the tests.");
  expect(await feedback.locator(".preserve-lines").textContent()).toContain("\n\nNice work on the tests.");
  expect(await stillSamePage(student)).toBe(true);
});
