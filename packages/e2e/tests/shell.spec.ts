// The shell around every page: language and theme saved to the profile, a session that ends mid-use, and
// keyboard users starting at each new page's heading.
import { expect, expectAccessible, saveScreenshot, signIn, test } from "../src";

test("the profile menu switches to German and dark, and both survive a reload", async ({
  page,
  accounts,
}) => {
  await signIn(page, accounts.mentor);
  await page.getByRole("button", { name: /Profile menu of/ }).click();
  await page.getByRole("menuitem", { name: /Deutsch/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Beschwerden" })).toBeVisible();
  await page.getByRole("button", { name: /Profilmenü von/ }).click();
  await page.getByRole("menuitem", { name: /Dunkel/ }).click();
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Beschwerden" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");
  await expect(page.getByLabel(/wird geladen/i)).toHaveCount(0);
  await expectAccessible(page);
  await saveScreenshot(page, "mentor-grievances-de-dark");

  // Back to English and the system's theme, through the same menu.
  await page.getByRole("button", { name: /Profilmenü von/ }).click();
  await page.getByRole("menuitem", { name: /English/ }).click();
  await page.getByRole("button", { name: /Profile menu of/ }).click();
  await page.getByRole("menuitem", { name: /Same as system/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a session that ends mid-use returns to sign-in, and signing in returns to the page", async ({
  page,
  accounts,
}) => {
  await signIn(page, accounts.student);
  await page.getByRole("link", { name: "Points & badges" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Points & badges" })).toBeVisible();
  // The session ends elsewhere (here: revoked from the page's own origin, as "sign out everywhere" would).
  const status = await page.evaluate(
    async () =>
      (await fetch("/trpc/auth.logout", { method: "POST", headers: { "content-type": "application/json" } }))
        .status,
  );
  expect(status).toBe(200);
  await page.getByRole("link", { name: "Assistant" }).click();
  await expect(page).toHaveURL(/\/login\?redirect=%2Fassistant/);
  await signIn(page, accounts.student, { navigate: false });
  await expect(page).toHaveURL(/\/assistant$/);
  await expect(page.getByRole("heading", { level: 1, name: "Assistant" })).toBeVisible();
});

test("keyboard: a skip link first, and focus on each new page's heading", async ({ page, accounts }) => {
  await signIn(page, accounts.teacher);
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.getByRole("navigation").getByRole("link", { name: "Grievances" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grievances" })).toBeFocused();
  await expect(page).toHaveTitle("Grievances · EduPlatform");
});
