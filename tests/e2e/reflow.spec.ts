import { expect, test, type Page } from "./fixtures";
import { signIn } from "./pages/staff-pages";

/** How far the page is wider than the window: content that would need scrolling sideways (WCAG 1.4.10). */
async function overflow(page: Page): Promise<number> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const publicPages = [
  "/",
  "/report",
  "/track",
  "/charter",
  "/open-data",
  "/permits/apply",
  "/permits/track",
  "/permits/planned",
  "/account",
];

for (const locale of ["sr-Latn", "sr-Cyrl", "en"] as const) {
  test(`public pages reflow to 320 px without sideways scrolling (${locale})`, async ({ browser }) => {
    // 320 CSS px is a 1280 px window at 400 % zoom, or a small phone.
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of publicPages) {
      await page.goto(`/${locale}${path === "/" ? "" : path}`);
      expect(await overflow(page), `${locale} ${path}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}

test("staff workspaces work at 200 % zoom (640 px) and the field app at 320 px", async ({ browser }) => {
  const desk = await browser.newContext({ viewport: { width: 640, height: 450 } });
  const page = await desk.newPage();
  await signIn(page, "admin@cuprija.example", "demo-admin");
  for (const path of ["/staff/queue?scope=all", "/staff/intake", "/staff/permits", "/staff/analytics"]) {
    await page.goto(`/sr-Cyrl${path}`);
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  await desk.close();
  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    geolocation: { longitude: 21.3705, latitude: 43.9287 },
    permissions: ["geolocation"],
  });
  const crew = await phone.newPage();
  await signIn(crew, "inspector@cuprija.example", "demo-inspector");
  await crew.goto("/sr-Cyrl/staff/field");
  await expect(crew.getByTestId("field-list").getByRole("listitem").first()).toBeVisible();
  expect(await overflow(crew), "/staff/field").toBeLessThanOrEqual(0);
  await phone.close();
});
