import { expect, test, type Page } from "./fixtures";
import { ReportPage } from "./pages/report-page";
import { signIn } from "./pages/staff-pages";

/** MapLibre's chunks fetched so far (about 1 MB unpacked; no other chunk is near that). */
async function mapLibreChunks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (e) => e.name.includes("/_next/static/chunks/") && e.decodedBodySize > 500_000,
      ).length,
  );
}

/** Idle, after the page's first work: when the map would have started before it was made on demand. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
  await page.waitForTimeout(1000);
}

test("on a phone the report flow loads the map when it is chosen, and once a place is found", async ({
  page,
}, testInfo) => {
  const form = new ReportPage(page);
  const choose = page.getByRole("button", { name: "Choose on the map" });
  await page.goto("/report");
  await expect(page.locator(".report-flow")).toHaveAttribute("data-screen", /^(wide|phone)$/);
  if (testInfo.project.name !== "phone") {
    await expect(form.picker).toHaveAttribute("data-state", "ready");
    await expect(choose).toBeHidden();
    return;
  }
  // The place step: the search, the location and the choice of the map; no map code yet.
  await expect(page.getByRole("combobox", { name: /search for a street/i })).toBeVisible();
  await expect(page.getByRole("button", { name: "Use my location" })).toBeVisible();
  await expect(choose).toBeVisible();
  await settle(page);
  expect(await mapLibreChunks(page)).toBe(0);
  await expect(form.picker).toHaveCount(0);

  // An address found: the map comes to confirm the pin, which the keyboard can still move.
  const search = page.getByRole("combobox", { name: /search for a street/i });
  await search.fill("autobus");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(form.pinStatus).toContainText("Pin at");
  await expect(form.picker).toHaveAttribute("data-state", "ready");
  expect(await mapLibreChunks(page)).toBeGreaterThan(0);
  await expect(choose).toBeHidden();
  const before = (await form.pinStatus.getAttribute("data-position"))!;
  await page.locator(".pin").focus();
  await page.keyboard.press("ArrowUp");
  await expect(form.pinStatus).not.toHaveAttribute("data-position", before);

  // A fresh start on another phone: "Choose on the map" brings the map, and that is remembered.
  const other = await page
    .context()
    .browser()!
    .newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
  const phone = await other.newPage();
  const second = new ReportPage(phone);
  await phone.goto("/report");
  await expect(phone.locator(".report-flow")).toHaveAttribute("data-screen", "phone");
  await phone.getByRole("button", { name: "Choose on the map" }).click();
  await expect(second.picker).toHaveAttribute("data-state", "ready");
  await expect(phone.locator(".flow-map")).toBeFocused();
  await phone.goto("/report");
  await expect(second.picker).toHaveAttribute("data-state", "ready");
  await expect(phone.getByRole("button", { name: "Choose on the map" })).toBeHidden();
  await other.close();
});

test("on a phone the field app works the list and shows the map when asked, remembering it", async ({
  page,
}, testInfo) => {
  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.goto("/staff/field");
  await expect(page.getByTestId("field-list").getByRole("listitem").first()).toBeVisible();
  const showMap = page.getByRole("button", { name: "Show the map" });
  if (testInfo.project.name !== "phone") {
    await expect(page.getByTestId("field-map")).toHaveAttribute("data-ready", "true");
    await expect(showMap).toBeHidden();
    return;
  }
  await expect(showMap).toHaveAttribute("aria-expanded", "false");
  await settle(page);
  expect(await mapLibreChunks(page)).toBe(0);
  await expect(page.getByTestId("field-map")).toHaveCount(0);

  await showMap.click();
  await expect(page.getByTestId("field-map")).toHaveAttribute("data-ready", "true");
  expect(Number(await page.getByTestId("field-map").getAttribute("data-drawn"))).toBeGreaterThan(0);
  const hideMap = page.getByRole("button", { name: "Hide the map" });
  await expect(hideMap).toHaveAttribute("aria-expanded", "true");

  await page.reload();
  await expect(page.getByTestId("field-map")).toHaveAttribute("data-ready", "true");
  await hideMap.click();
  await expect(page.getByTestId("field-map")).toBeHidden();
  await page.reload();
  await expect(showMap).toBeVisible();
  await settle(page);
  expect(await mapLibreChunks(page)).toBe(0);
});
