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

test("a citizen files a pothole with one photo in at most 6 taps after placing the pin, and opens its public page", async ({
  page,
}) => {
  const started = Date.now();
  const form = new ReportPage(page);
  await form.goto();
  await form.expectStep(1, { focused: false });
  await form.tapMapAt(spot);
  const pinned = Date.now();
  form.taps = 0;
  await form.continueFromPlace();
  // The most used categories come first.
  await expect(page.locator(".category-group").first().getByRole("heading")).toHaveText("Most reported here");
  await form.chooseCategory("Pothole");
  // A photo says it all: the description may stay empty.
  await form.attachPhoto(await photo(), "rupa.jpg");
  await form.continueToReview();
  await expect(page.locator(".review")).toContainText("Pothole");
  await expect(page.locator(".review")).toContainText("1 photo");
  firstCode = await form.submitAndGetCode();
  const taps = form.taps;
  const ms = Date.now() - pinned;
  test.info().annotations.push({ type: "taps after the pin", description: String(taps) });
  test.info().annotations.push({ type: "report flow ms", description: String(Date.now() - started) });
  console.log(
    `[e2e] pothole with a photo: ${taps} taps after the pin, ${ms} ms from the pin to the report page (${Date.now() - started} ms with the page load)`,
  );
  expect(taps).toBeLessThanOrEqual(6);

  await expect(page.getByRole("status").filter({ hasText: firstCode })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pothole");
  await expect(page.getByText("Road Maintenance – Town")).toBeVisible();
  const img = page.getByRole("img", { name: "Photo 1 of the problem" });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
});

test("a second citizen 20 m away is offered the first report on the category step; supporting it ends the flow", async ({
  page,
}) => {
  expect(firstCode).not.toBe("");
  const form = new ReportPage(page);
  await form.goto();
  await form.tapMapAt(spot20m);
  await form.continueFromPlace();
  await form.chooseCategory("Pothole", { expectNearby: true });
  // Still step 2: the report already filed is offered on the same screen, and the heading says so.
  await form.expectStep(2, { focused: false });
  await expect(page.getByRole("heading", { name: "Already reported nearby" })).toBeFocused();
  const offer = page.locator(`.nearby-item[data-code="${firstCode}"]`);
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(/20 m away|2[0-1] m away|19 m away/);
  await expect(form.continueButton).toHaveText("Not listed: file a new report");
  await offer.getByRole("textbox").fill("drugi.gradjanin@mail.example");
  await offer.getByRole("button", { name: "Support and follow" }).click();
  const done = page.getByRole("heading", { name: "Thank you: your support is recorded" });
  await expect(done).toBeFocused();
  await expect(page.getByRole("status")).toContainText(`You support report ${firstCode}`);
  await expect(page.getByRole("status")).toContainText("No new report was filed.");
  await expect(form.continueButton).toHaveCount(0);

  await page.getByRole("link", { name: "View the report" }).click();
  await expect(page.getByTestId("supporters")).toHaveText("1 person also reported this");
});

test("back and forward move between the steps and keep what was entered; a reload returns to the first step missing", async ({
  page,
}) => {
  const form = new ReportPage(page);
  await form.goto();
  await form.tapMapAt([21.3688, 43.9268]);
  await form.continueFromPlace();
  await form.chooseCategory("Graffiti and vandalism");
  await form.describe("Grafiti na zidu škole.");
  await expect(page).toHaveURL(/#details$/);
  await page.goBack();
  await form.expectStep(2);
  await expect(
    page.getByRole("button", { name: "Graffiti and vandalism", exact: true }).first(),
  ).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await form.expectStep(3);
  await expect(page.locator("#description")).toHaveValue("Grafiti na zidu škole.");
  await page.getByRole("button", { name: "Back" }).click();
  await form.expectStep(2);
  await page.goBack();
  await form.expectStep(1);
  await expect(form.pinStatus).toContainText("Pin at:");
});

test("an address with a house number is found and the pin goes there", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  await page.getByRole("combobox", { name: /search for a street/i }).fill("Karađorđeva 12");
  const option = page.getByRole("option", { name: /^Karađorđeva 12/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(form.pinStatus).toContainText("Pin at:");
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

  await form.continueButton.focus();
  await page.keyboard.press("Enter");
  await form.expectStep(2);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("searchbox", { name: "Search categories" })).toBeFocused();
  await page.keyboard.type("street light");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Broken street light" })).toBeFocused();
  await page.keyboard.press("Enter");
  await form.expectStep(3);
  await page.getByLabel(/^Description$/).focus();
  await page.keyboard.type("Svetiljka ne radi već nedelju dana.");
  await form.continueButton.focus();
  await page.keyboard.press("Enter");
  await form.expectStep(4);
  await page.keyboard.press("Tab");
  await page.keyboard.type("svetlo@mail.example");
  await form.continueButton.focus();
  await page.keyboard.press("Enter");
  await form.expectStep(5);
  await expect(page.locator(".review")).toContainText("svetlo@mail.example");
  await form.submit.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Broken street light");
  // The reporter's email is never on the public page.
  await expect(page.locator("body")).not.toContainText("svetlo@mail.example");
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
  await expect(form.pinStatus).toContainText("Shape drawn.");
  await expect(form.pinStatus).toContainText("Pin at:");
  await form.continueFromPlace();
  await form.chooseCategory("Damaged pavement");
  await form.describe("Trotoar je propao celom dužinom bloka.");
  await form.continueToReview();
  const code = await form.submitAndGetCode();
  const report = await (
    await page.request.get(`/api/reports?bbox=21.36,43.92,21.37,43.93&category=damaged_pavement`)
  ).json();
  expect(report.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(code);
});

test("an answer that means an emergency stops the flow with a notice", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  await form.tapMapAt([21.3801, 43.9219]);
  await form.continueFromPlace();
  await form.chooseCategory("Water leak");
  await page
    .getByRole("group", { name: /can you smell gas/i })
    .getByRole("radio", { name: "Yes" })
    .check();
  await expect(page.getByRole("alert").filter({ hasText: "Stop: this is an emergency" })).toContainText(
    "call 112",
  );
  await form.continueButton.click();
  await form.expectStep(3, { focused: false });
});

test("without a photo the description is asked for, in the reader's language", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto("sr-Cyrl");
  await form.tapMapAt([21.3722, 43.9311]);
  await form.continueFromPlace();
  await form.chooseCategory("Графити и оштећење јавних објеката");
  await form.continueButton.click();
  await expect(page.locator(".form-error")).toHaveText("Опишите проблем или додајте фотографију.");
  await form.expectStep(3, { focused: false });
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
    await form.continueFromPlace();
    await form.chooseCategory(category);
    await page.locator("#description").fill("Semafor trepće žuto ceo dan.");
    // Nothing is wider than a phone, whatever the script.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await form.continueToReview();
    await form.submit.click();
    await page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
    await expect(page.getByRole("status").filter({ hasText: banner })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  });
}
