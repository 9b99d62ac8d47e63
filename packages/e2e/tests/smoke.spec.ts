// The stack as a user meets it: the SPA from the api's origin, signing in, and the worker analysing a submission.
import {
  apiMutation,
  apiSignIn,
  expect,
  expectAccessible,
  expectNoHorizontalOverflow,
  saveScreenshot,
  signIn,
  test,
} from "../src";

test("the sign-in page comes from the api's origin, passes axe and fits a 390 px screen", async ({
  page,
  baseURL,
}) => {
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
  await expect(page.getByLabel(/e-mail/i).and(page.locator("input"))).toBeVisible();
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);
  await saveScreenshot(page, "sign-in");
});

test("a student signs in and lands on a page of the app", async ({ page, accounts }) => {
  await signIn(page, accounts.student);
  await expect(page).not.toHaveURL(/\/login(?:[/?#]|$)/);
  await expect(page.getByRole("main")).toBeVisible();
  await saveScreenshot(page, "student-signed-in");
});

test("the worker analyses a submitted fixture repository and stores its findings", async ({
  request,
  accounts,
  db,
  fixtureRepoUrl,
}) => {
  const enrollment = await db.enrollment.findFirstOrThrow({
    where: { student: { user: { email: accounts.student.email } }, class: { assignments: { some: {} } } },
    select: { class: { select: { assignments: { select: { id: true }, take: 1 } } } },
  });
  const assignmentId = enrollment.class.assignments[0]?.id;
  const token = await apiSignIn(request, accounts.student);
  const submission = await apiMutation<{ id: string }>(
    request,
    "submission.create",
    { assignmentId, githubUrl: fixtureRepoUrl() },
    token,
  );
  await expect
    .poll(
      async () => (await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).analysisStatus,
      { timeout: 60_000, message: "the submission's analysis status" },
    )
    .toBe("SCORED");
  const rules = new Set(
    (
      await db.analysisFinding.findMany({ where: { submissionId: submission.id }, select: { rule: true } })
    ).map((f) => f.rule),
  );
  expect([...rules]).toEqual(expect.arrayContaining(["cyclomatic-complexity", "cognitive-complexity"]));
});
