import { expect, test, type Page } from "./fixtures";
import { ReportPage } from "./pages/report-page";

/** A spot nobody else files at; the desktop and phone runs of the offline test both file there. */
const spot: [number, number] = [21.3628, 43.9357];

/** The public reports within about 50 m of the spot. */
async function codesAround(page: Page): Promise<string[]> {
  const [x, y] = spot;
  const around = await (
    await page.request.get(`/api/reports?bbox=${x - 0.0005},${y - 0.0005},${x + 0.0005},${y + 0.0005}`)
  ).json();
  return (around.features as Array<{ properties: { code: string } }>).map((f) => f.properties.code);
}

test("a half-filled report survives a reload, kept on the phone", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto("sr-Cyrl");
  await form.tapMapAt([21.3641, 43.9342]);
  await form.continueFromPlace();
  await form.chooseCategory("Графити и оштећење јавних објеката");
  await form.describe("Графит на споменику.");
  // Saved as typed; a reload comes back to the same step with the same text.
  await expect(page.locator(".report-flow")).toHaveAttribute("data-draft", "saved");
  await page.reload();
  await form.expectStep(3, { focused: false });
  await expect(page.locator("#description")).toHaveValue("Графит на споменику.");
  await expect(page.getByRole("status").filter({ hasText: "сачувана на овом уређају" })).toBeVisible();
  await page.getByRole("button", { name: "Почни изнова" }).click();
  await form.expectStep(1);
  await page.reload();
  await form.expectStep(1, { focused: false });
  await expect(form.pinStatus).toHaveText("Локација још није изабрана.");
});

test("a report sent without a connection waits on the phone and is filed once when the connection returns", async ({
  page,
  context,
}) => {
  const form = new ReportPage(page);
  await form.goto("sr-Cyrl");
  const before = await codesAround(page);
  await form.tapMapAt(spot);
  await form.continueFromPlace();
  await form.chooseCategory("Ударна рупа на путу");
  await form.describe("Рупа пријављена без интернета.");
  await form.continueToReview();

  await context.setOffline(true);
  await form.submit.click();
  const heading = page.getByRole("heading", { name: "Сачувано на овом уређају" });
  await expect(heading).toBeFocused();

  await context.setOffline(false);
  const sent = page.getByTestId("queued-filings");
  await expect(sent).toContainText("Ваша сачувана пријава је послата.");
  const code = (await page.getByTestId("queued-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // Opening the flow again sends nothing more: the queue is empty, the report exists once.
  await form.goto("sr-Cyrl");
  await expect(page.getByTestId("queued-filings")).toHaveCount(0);
  expect((await codesAround(page)).filter((c) => !before.includes(c))).toEqual([code]);
});

test("the public pages link a web app manifest in the reader's language", async ({ page, request }) => {
  await page.goto("/sr-Cyrl/report");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/api/manifest/sr-Cyrl");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ lang: "sr-Cyrl", name: "Пријави проблем", start_url: "/sr-Cyrl/report" });
  expect((await request.get("/api/manifest/xx")).status()).toBe(404);
});
