// Leaderboards students choose to be on: a nickname, an opt-out, and a class whose teacher turned them off.
import { expect, signIn, test } from "../src";

test("a student picks a nickname and then opts out; a teacher turns a class's boards off", async ({
  browser,
  accounts,
}) => {
  test.setTimeout(120_000);
  const student = await (await browser.newContext()).newPage();
  const teacher = await (await browser.newContext()).newPage();
  await signIn(student, accounts.student);

  // A nickname shows on the board around the student.
  await student.getByRole("button", { name: /Profile menu of/ }).click();
  await student.getByRole("menuitem", { name: "Settings" }).click();
  await student.getByLabel(/Nickname on leaderboards/).fill("Turtle");
  await student.getByRole("button", { name: "Save settings" }).click();
  await expect(student.getByText("Settings saved")).toBeVisible();
  await student.getByRole("navigation").getByRole("link", { name: "Dashboard" }).click();
  const python = student
    .locator("div.mantine-Card-root")
    .filter({ hasText: "Intro to Programming (Python)" });
  await python.getByRole("button", { name: "Show leaderboard" }).click();
  await expect(python.getByRole("row", { name: /Turtle \(you\)/ })).toBeVisible();
  await python.getByRole("tab", { name: "Most improved this week" }).click();
  await expect(python.getByRole("table").or(python.getByText(/Nobody has gained/))).toBeVisible();

  // Opting out takes the student off every board, and the dashboard says so.
  await student.goto("/settings");
  await student.getByLabel("Keep me off leaderboards").check();
  await student.getByRole("button", { name: "Save settings" }).click();
  await expect(student.getByText("Settings saved")).toBeVisible();
  await student.goto("/dashboard");
  await python.getByRole("button", { name: "Show leaderboard" }).click();
  await expect(python.getByText(/You chose to stay off leaderboards/)).toBeVisible();
  await student.goto("/settings");
  await student.getByLabel("Keep me off leaderboards").uncheck();
  await student.getByLabel(/Nickname on leaderboards/).fill("");
  await student.getByRole("button", { name: "Save settings" }).click();
  await expect(student.getByText("Settings saved")).toBeVisible();

  // The teacher turns competition off: the student sees no board for that class, then it comes back.
  await signIn(teacher, accounts.teacher);
  await teacher.getByRole("link", { name: "Intro to Programming (Python)" }).click();
  await teacher.getByRole("tab", { name: "Leaderboard" }).click();
  const competition = teacher.getByLabel("Leaderboards for students");
  await expect(competition).toBeChecked();
  await competition.uncheck();
  await expect(teacher.getByText("Leaderboards are off for students")).toBeVisible();
  await student.goto("/dashboard");
  await expect(python.getByText("Leaderboards are off in this class")).toBeVisible();
  await expect(python.getByRole("button", { name: "Show leaderboard" })).toHaveCount(0);
  await competition.check();
  await expect(teacher.getByText("Leaderboards are on for students")).toBeVisible();
  await student.reload();
  await expect(python.getByRole("button", { name: "Show leaderboard" })).toBeVisible();
});
