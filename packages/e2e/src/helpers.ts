// What specs check on every page: signing in, accessibility, fitting a phone's width, screenshots.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import type { Account } from "./stack/info";
import { screenshotsDir } from "./stack/paths";

/** The labelled text field (an input, not e.g. a "show password" button whose label mentions it). */
const field = (page: Page, label: RegExp) => page.getByLabel(label).and(page.locator("input"));

/**
 * Opens /login (unless `navigate: false`: the page already shows the form), fills the labelled E-mail and
 * Password fields, presses "Sign in" and waits until the form is gone.
 */
export async function signIn(
  page: Page,
  account: Account,
  options: { navigate?: boolean } = {},
): Promise<void> {
  if (options.navigate !== false) await page.goto("/login");
  await field(page, /e-mail/i).fill(account.email);
  await field(page, /password/i).fill(account.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(field(page, /password/i), `signing in as ${account.email} (${account.role})`).toHaveCount(0, {
    timeout: 15_000,
  });
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

/**
 * Runs axe (WCAG 2.0 A/AA and 2.1 AA rules) over the page and fails listing every violation of impact serious
 * or critical, with the elements concerned. `exclude` takes CSS selectors to leave out (say why in the spec).
 */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join(", ");
      const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : "";
      return `${v.id} (${v.impact}): ${v.help} — ${where}${more} (${v.helpUrl})`;
    });
  expect(serious, `axe found serious or critical violations on ${page.url()}`).toEqual([]);
}

export const PHONE = { width: 390, height: 844 };

/**
 * At a 390×844 viewport, the page must not scroll sideways (document.scrollingElement's scrollWidth fits its
 * clientWidth); a failure names the elements that reach past the right edge. The viewport is restored after.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    // The layout settles at the new width over a few frames (media queries, resize observers, the navbar's
    // transition): the width is measured until it fits or a few seconds have passed.
    const measure = () =>
      page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        const width = root.clientWidth;
        const describe = (el: Element) =>
          el.tagName.toLowerCase() +
          (el.id ? `#${el.id}` : "") +
          (typeof el.className === "string" && el.className.trim()
            ? `.${el.className.trim().split(/\s+/).slice(0, 2).join(".")}`
            : "");
        const offenders = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .slice(0, 8)
          .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
        return { scrollWidth: root.scrollWidth, clientWidth: width, offenders };
      });
    let measured = await measure();
    for (let tries = 0; tries < 30 && measured.scrollWidth > measured.clientWidth; tries++) {
      await page.waitForTimeout(100);
      measured = await measure();
    }
    expect(
      measured.scrollWidth,
      `the page scrolls sideways at ${PHONE.width} px (${measured.scrollWidth} > ${measured.clientWidth}); ` +
        `past the edge: ${measured.offenders.join(", ") || "nothing visible"}`,
    ).toBeLessThanOrEqual(measured.clientWidth);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * A full-page screenshot at packages/e2e/screenshots/{name}.png (kept out of git), also attached to the
 * test's report. Returns the file's path.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  // Transitions finished first: after the phone-width check the navbar is still sliding back in.
  const body = await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await test.info().attach(name, { body, contentType: "image/png" });
  return path;
}
