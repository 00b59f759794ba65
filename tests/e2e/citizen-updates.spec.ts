import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "./fixtures";
import cyr from "../../messages/sr-Cyrl.json";
import { jpegPhoto } from "../helpers/images";

// Phone, Serbian Cyrillic (issue 17). These change the seeded demo citizen's reports, so they run once.
test.skip(({ isMobile }) => !isMobile, "phone viewport only");
// A citizen and a staff member in turn, on a shared 2-core machine.
test.setTimeout(180_000);

const images = path.join(__dirname, "..", "..", "docs", "images", "sr-Cyrl");

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** The demo citizen signs in with the README's password, from the header's "My reports". */
async function signInAsDemoCitizen(page: Page): Promise<void> {
  await page.goto("/sr-Cyrl");
  await page.getByRole("banner").getByRole("button", { name: cyr.nav.menu, exact: true }).click();
  await page
    .getByRole("navigation", { name: cyr.nav.primary })
    .getByRole("link", { name: cyr.nav.account })
    .click();
  await page.waitForURL(/\/account/);
  await page.getByRole("link", { name: cyr.account.passwordSignIn }).click();
  await page.getByLabel(cyr.signin.email).fill("citizen@cuprija.example");
  await page.getByLabel(cyr.signin.password).fill("demo-citizen");
  await page.getByRole("button", { name: cyr.signin.submit }).click();
  await page.waitForURL(/\/account$/);
}

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto("/sr-Cyrl/signin");
  await page.getByLabel(cyr.signin.email).fill("agent@cuprija.example");
  await page.getByLabel(cyr.signin.password).fill("demo-agent");
  await page.getByRole("button", { name: cyr.signin.submit }).click();
  await page.waitForURL(/\/staff/);
  return page;
}

/** The staff view of a report by its tracking code (the desk's queue of every report). */
async function openStaffReport(page: Page, code: string): Promise<void> {
  const id = await page.evaluate(async (c) => {
    const res = await fetch(`/api/staff/queue?scope=all&limit=1000`);
    const body = await res.json().catch(() => null);
    const item = (body?.items ?? body ?? []).find?.((i: { code: string }) => i.code === c);
    return item?.id ?? null;
  }, code);
  if (id) await page.goto(`/sr-Cyrl/staff/reports/${id}`);
  else {
    await page.goto("/sr-Cyrl/staff/queue?scope=all");
    await page.locator(`tr[data-code="${code}"] a`).first().click();
  }
  await page.waitForURL(/\/staff\/reports\/\d+$/);
}

test("the header fits a 320-px screen in one row, with the menu behind a button and targets large enough", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto("/sr-Cyrl/account");
  const header = page.locator("header.site-header");
  await fs.promises.mkdir(images, { recursive: true });
  await page.screenshot({ path: path.join(images, "citizen-header-320.png") });
  const closed = (await header.boundingBox())!;
  expect(closed.height).toBeLessThanOrEqual(110);
  const menu = page.getByRole("banner").getByRole("button", { name: cyr.nav.menu, exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("banner").getByRole("link", { name: cyr.nav.track })).toBeHidden();
  const cta = (await page.locator(".site-header .nav-cta").boundingBox())!;
  expect(cta.height).toBeGreaterThanOrEqual(44);
  expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: cyr.nav.primary });
  for (const name of [cyr.nav.map, cyr.nav.track, cyr.nav.account, cyr.nav.charter]) {
    const box = (await nav.getByRole("link", { name, exact: true }).boundingBox())!;
    expect(box.height, name).toBeGreaterThanOrEqual(24);
    expect(box.width, name).toBeGreaterThanOrEqual(24);
  }
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await context.close();
});

test("the demo citizen signs in with a password and sees the reports they filed, support and follow", async ({
  page,
}) => {
  await signInAsDemoCitizen(page);
  await expect(page.getByRole("heading", { level: 1, name: cyr.account.title })).toBeVisible();
  const list = page.getByTestId("my-reports");
  const filed = list.getByRole("listitem").filter({ hasText: cyr.account.filed });
  await expect(filed.first()).toBeVisible();
  expect(await filed.count()).toBeGreaterThanOrEqual(4);
  await expect(list.getByRole("listitem").filter({ hasText: cyr.account.supported })).toHaveCount(1);
  await expect(list.getByRole("listitem").filter({ hasText: cyr.account.following })).toHaveCount(2);
  await expect(page.getByRole("link", { name: cyr.account.download })).toHaveAttribute(
    "href",
    "/api/account/export",
  );
  expect(await violations(page), "/account signed in").toEqual([]);
  await page.screenshot({ path: path.join(images, "citizen-my-reports.png"), fullPage: true });
  // The staff sign-in does not send a citizen to the staff workspace.
  await page.goto("/sr-Cyrl/staff");
  await expect(page.getByRole("heading", { level: 1, name: cyr.signin.title })).toBeVisible();
});

test("a follower's update with a photo is held, then published by staff and shown on the report", async ({
  page,
  browser,
}) => {
  await signInAsDemoCitizen(page);
  const followed = page
    .getByTestId("my-reports")
    .getByRole("listitem")
    .filter({ hasText: cyr.account.following })
    .first();
  const code = (await followed.getAttribute("data-code"))!;
  await page.goto(`/sr-Cyrl/reports/${code}`);
  const text = `Рупа је све већа ${Date.now()}.`;
  await page.getByLabel(cyr.comments.body).fill(text);
  await page.getByLabel(cyr.comments.photos).setInputFiles({
    name: "rupa.jpg",
    mimeType: "image/jpeg",
    buffer: await jpegPhoto({ width: 640, height: 480 }),
  });
  await page.getByRole("button", { name: cyr.comments.submit }).click();
  await expect(page.getByRole("status")).toHaveText(cyr.comments.held);
  expect(await violations(page), "report page with the update form").toEqual([]);
  await page.screenshot({ path: path.join(images, "citizen-update-held.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("citizen-comments")).not.toContainText(text);

  const staff = await staffPage(browser);
  await openStaffReport(staff, code);
  const held = staff.getByTestId("staff-comments").getByRole("listitem").filter({ hasText: text });
  await expect(held).toHaveAttribute("data-state", "held");
  await expect(held.getByRole("img")).toHaveCount(1);
  await held.getByRole("button", { name: cyr.comments.publish }).click();
  await expect(held).toHaveAttribute("data-state", "published");
  await staff.context().close();

  await page.reload();
  const shown = page.getByTestId("citizen-comments").getByRole("listitem").filter({ hasText: text });
  await expect(shown).toContainText(cyr.comments.fromFollower);
  await expect(shown.getByRole("img", { name: cyr.comments.photoAlt.replace("{n}", "1") })).toBeVisible();
});

test('"still a problem" on the demo citizen\'s resolved report reopens it, and staff see the answer', async ({
  page,
  browser,
}) => {
  await signInAsDemoCitizen(page);
  const resolved = page
    .getByTestId("my-reports")
    .getByRole("listitem")
    .filter({ hasText: cyr.status.resolved })
    .first();
  const code = (await resolved.getAttribute("data-code"))!;
  await page.goto(`/sr-Cyrl/reports/${code}`);
  const question = page.getByTestId("fixed-question");
  await expect(question.getByRole("heading", { name: cyr.comments.questionTitle })).toBeVisible();
  await page.screenshot({ path: path.join(images, "citizen-fixed-question.png"), fullPage: true });
  await question.getByLabel(cyr.comments.questionComment).fill("Поправљено само до пола.");
  await question.getByRole("button", { name: cyr.comments.notFixed }).click();
  await expect(page.getByRole("status")).toHaveText(cyr.comments.thanksReopened);
  await page.reload();
  await expect(page.getByText(cyr.status.reopened).first()).toBeVisible();

  const staff = await staffPage(browser);
  await openStaffReport(staff, code);
  await expect(staff.getByTestId("staff-status")).toHaveText(cyr.status.reopened);
  await expect(staff.getByTestId("staff-comments")).toContainText(cyr.comments.answerNotFixed);
  await expect(staff.getByTestId("staff-trail")).toContainText("Поправљено само до пола.");
  await staff.context().close();
});
