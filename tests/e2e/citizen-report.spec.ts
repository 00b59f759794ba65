import sharp from "sharp";
import { expect, test } from "./fixtures";
import { ReportPage } from "./pages/report-page";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** A position in town away from the demo's potholes would be luck; a fresh spot per run is not needed. */
const spot: [number, number] = [21.3931, 43.9347];
/** 20 m east of the spot. */
const spot20m: [number, number] = [spot[0] + 20 / (111_320 * Math.cos((spot[1] * Math.PI) / 180)), spot[1]];

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="1600" height="1200"><ellipse cx="800" cy="650" rx="420" ry="180" fill="#222"/></svg>',
        ),
      },
    ])
    .jpeg()
    .toBuffer();
}

test.describe.configure({ mode: "serial" });

let firstCode = "";

test("a citizen files a pothole report with a photo by tapping the map and opens its public page", async ({
  page,
}) => {
  const started = Date.now();
  const form = new ReportPage(page);
  await form.goto();
  await form.tapMapAt(spot);
  await form.chooseCategory("Pothole");
  await form.describe("Duboka rupa na kolovozu, automobili je zaobilaze preko trotoara.");
  await page
    .getByLabel("Photos (up to 3)")
    .setInputFiles({ name: "rupa.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await expect(page.locator(".photo-previews img")).toHaveCount(1);
  await page.getByLabel("Email").fill("prva.gradjanka@mail.example");
  firstCode = await form.submitAndGetCode();
  test.info().annotations.push({ type: "report flow ms", description: String(Date.now() - started) });
  console.log(`[e2e] report flow with photo took ${Date.now() - started} ms`);

  await expect(page.getByRole("status").filter({ hasText: firstCode })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pothole");
  await expect(page.getByText("Road Maintenance – Town")).toBeVisible();
  const img = page.getByRole("img", { name: "Photo 1 of the problem" });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
  // The reporter's email is never on the public page.
  await expect(page.locator("body")).not.toContainText("prva.gradjanka");
});

test("a second citizen 20 m away is offered the first report and supports it", async ({ page }) => {
  expect(firstCode).not.toBe("");
  const form = new ReportPage(page);
  await form.goto();
  await form.tapMapAt(spot20m);
  await form.chooseCategory("Pothole");
  const offer = page.locator(`.nearby-item[data-code="${firstCode}"]`);
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(/20 m away|2[0-1] m away|19 m away/);
  await offer.getByRole("textbox").fill("drugi.gradjanin@mail.example");
  await offer.getByRole("button", { name: "Support and follow" }).click();
  await expect(offer.getByRole("status")).toHaveText("Thank you. The report now has 1 supporter.");

  await page.goto(`/reports/${firstCode}`);
  await expect(page.getByTestId("supporters")).toHaveText("1 person also reported this");
});

test("a keyboard-only citizen files a report without touching the map with a mouse", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  const search = page.getByRole("combobox", { name: /search for a street/i });
  await search.focus();
  await page.keyboard.type("autobus");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(form.pinStatus).toContainText("Pin at:");

  // Move the pin with the arrow keys; the place under it is announced.
  await page.getByRole("button", { name: "Put the pin in the middle of the map" }).focus();
  await page.keyboard.press("Enter");
  const pin = page.getByRole("button", { name: /problem location pin/i });
  await expect(pin).toBeFocused();
  const before = (await form.pinStatus.getAttribute("data-position"))!.split(",").map(Number);
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowUp");
  // Four presses with Shift: 200 m north; the place under the pin is announced again.
  await expect
    .poll(async () => {
      const [, lat] = (await form.pinStatus.getAttribute("data-position"))!.split(",").map(Number);
      return Math.round((lat! - before[1]!) * 111_320);
    })
    .toBe(200);
  await expect(form.pinStatus).toHaveAttribute("aria-live", "polite");
  await expect(form.pinStatus).toContainText("Pin at:");

  await page.getByRole("searchbox", { name: "Search categories" }).focus();
  await page.keyboard.type("street light");
  await page.getByRole("radio", { name: "Broken street light" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Broken street light" })).toBeChecked();
  await page.getByLabel(/^Description$/).focus();
  await page.keyboard.type("Svetiljka ne radi već nedelju dana.");
  await form.submit.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Broken street light");
});

test("a citizen marks a damaged stretch of pavement as a line", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  const start: [number, number] = [21.3655, 43.9262];
  await form.drawShape("line", [
    [start[0] - 0.0004, start[1]],
    [start[0], start[1] + 0.0002],
    [start[0] + 0.0004, start[1] + 0.0001],
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Shape drawn." })).toBeVisible();
  await expect(form.pinStatus).toContainText("Pin at:");
  await form.chooseCategory("Damaged pavement");
  await form.describe("Trotoar je propao celom dužinom bloka.");
  const code = await form.submitAndGetCode();
  const report = await (
    await page.request.get(`/api/reports?bbox=21.36,43.92,21.37,43.93&category=damaged_pavement`)
  ).json();
  expect(report.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(code);
});

test("an answer that means an emergency stops the flow with a notice", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  await form.chooseCategory("Water leak");
  await page
    .getByRole("group", { name: /can you smell gas/i })
    .getByRole("radio", { name: "Yes" })
    .check();
  await expect(page.getByRole("alert").filter({ hasText: "Stop: this is an emergency" })).toContainText(
    "call 112",
  );
  await expect(form.submit).toBeDisabled();
});

for (const [locale, category, banner] of [
  ["sr-Cyrl", "Неисправан семафор", "Хвала! Ваша пријава је примљена."],
  ["sr-Latn", "Neispravan semafor", "Hvala! Vaša prijava je primljena."],
  ["en", "Traffic light fault", "Thank you! Your report was received."],
] as const) {
  test(`a citizen files a report in ${locale}, chosen by the address, and the next pages keep it`, async ({
    page,
  }) => {
    const form = new ReportPage(page);
    await form.goto(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await form.tapMapAt([21.3712, 43.9301]);
    await page.getByRole("radio", { name: category, exact: true }).check();
    await page.locator("#description").fill("Semafor trepće žuto ceo dan.");
    // Nothing is wider than a phone, whatever the script.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const submit = page.locator("form.report-form button[type=submit]");
    await submit.click();
    await page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
    await expect(page.getByRole("status").filter({ hasText: banner })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  });
}
