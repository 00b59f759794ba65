import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { ReportPage } from "./pages/report-page";
import { signIn } from "./pages/staff-pages";

test.describe.configure({ mode: "serial" });

type MapWindow = {
  civicReportMap?: {
    loaded: () => boolean;
    queryRenderedFeatures: (o: object) => Array<{ geometry: { type: string } }>;
  };
  civicMap?: {
    loaded: () => boolean;
    areTilesLoaded: () => boolean;
    queryRenderedFeatures: (o: object) => Array<{ properties: { id: string }; geometry: { type: string } }>;
  };
  civicPickerMap?: { getCenter: () => { lng: number; lat: number }; isMoving: () => boolean };
};

/** The shape drawn on the report page's interactive map, once it has been asked for. */
async function shapeOnReportMap(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: "Show the interactive map" }).click();
  await page.waitForFunction(() => (window as unknown as MapWindow).civicReportMap?.loaded());
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as MapWindow)
          .civicReportMap!.queryRenderedFeatures({ layers: ["report-shape-line"] })
          .map((f) => f.geometry.type),
      ),
    )
    .not.toEqual([]);
  return page.evaluate(() =>
    (window as unknown as MapWindow)
      .civicReportMap!.queryRenderedFeatures({ layers: ["report-shape-line"] })
      .map((f) => f.geometry.type),
  );
}

let lineCode = "";
const lineStart: [number, number] = [21.3745, 43.9318];

test("a drawn line is kept as a line: public page sketch and map, home map, OGC", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  await form.drawShape("line", [
    [lineStart[0] - 0.0005, lineStart[1]],
    [lineStart[0], lineStart[1] + 0.0002],
    [lineStart[0] + 0.0005, lineStart[1] + 0.0001],
  ]);
  await expect(form.pinStatus).toContainText("Shape drawn.");
  // The map's name says what it is for now.
  await expect(page.getByRole("region", { name: /map for drawing the stretch/i })).toBeVisible();
  await form.continueFromPlace();
  await form.chooseCategory("Damaged pavement");
  await form.describe("Ivičnjak je polomljen duž cele ulice.");
  await form.continueToReview();
  lineCode = await form.submitAndGetCode();

  // The page draws the line at once, without the map library.
  const place = page.getByTestId("report-place");
  await expect(place).toHaveAttribute("data-shape", "line");
  await expect(page.getByRole("img", { name: /sketch of the stretch.*3 points/i })).toBeVisible();
  await expect(place.getByTestId("sketch-shape")).toHaveAttribute("d", /^M[\d.]+ [\d.]+ L.* L/);
  await page.screenshot({
    path: path.join(__dirname, "..", "..", "docs", "images", "report-drawn-stretch.png"),
    fullPage: false,
  });
  expect(await shapeOnReportMap(page)).toContain("LineString");

  const item = await (await page.request.get(`/api/ogc/collections/reports/items/${lineCode}`)).json();
  expect(item.geometry.type).toBe("LineString");
  expect(item.geometry.coordinates).toHaveLength(3);
  expect(item.properties.point.type).toBe("Point");

  // The public map draws it in the shapes layer, under the points.
  await page.goto(`/?at=${lineStart[0]},${lineStart[1]},17`);
  await page.waitForFunction(() => {
    const map = (window as unknown as MapWindow).civicMap;
    return map?.loaded() && map.areTilesLoaded();
  });
  await expect
    .poll(() =>
      page.evaluate(
        (code) =>
          (window as unknown as MapWindow)
            .civicMap!.queryRenderedFeatures({ layers: ["report-shapes-line"] })
            .filter((f) => f.properties.id === code)
            .map((f) => f.geometry.type),
        lineCode,
      ),
    )
    .toContain("LineString");
});

test("a line is drawn with the keyboard alone and filed", async ({ page }) => {
  const form = new ReportPage(page);
  await form.goto();
  // Find the street first, then draw along it.
  await page.getByRole("combobox", { name: /search for a street/i }).focus();
  await page.keyboard.type("autobus");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(form.pinStatus).toContainText("Pin at:");
  await page.getByRole("radio", { name: "A stretch (line)" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "A stretch (line)" })).toBeChecked();
  const map = page.getByRole("region", { name: /map for drawing the stretch/i });
  await map.focus();
  const status = page.getByTestId("keyboard-drawing-status");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Point 1 added.");
  const before = await page.evaluate(() => (window as unknown as MapWindow).civicPickerMap!.getCenter());
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect
    .poll(() => page.evaluate(() => (window as unknown as MapWindow).civicPickerMap!.getCenter().lng))
    .toBeGreaterThan(before.lng);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as MapWindow).civicPickerMap!.isMoving()))
    .toBe(false);
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Point 2 added.");
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(600);
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Point 3 added.");
  await page.keyboard.press("Backspace");
  await expect(status).toHaveText("Last point taken back; 2 points left.");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(600);
  await page.keyboard.press("Enter");
  await page.keyboard.press("f");
  await expect(status).toHaveText("Line finished and shown whole on the map.");
  await expect(form.pinStatus).toContainText("Shape drawn.");

  await form.continueButton.focus();
  await page.keyboard.press("Enter");
  await form.expectStep(2);
  await page.getByRole("button", { name: "Damaged pavement", exact: true }).first().focus();
  await page.keyboard.press("Enter");
  await form.expectStep(3);
  await page.locator("#description").focus();
  await page.keyboard.type("Trotoar ulegao, nacrtano tastaturom.");
  for (const step of [4, 5]) {
    await form.continueButton.focus();
    await page.keyboard.press("Enter");
    await form.expectStep(step);
  }
  await form.submit.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
  await expect(page.getByTestId("report-place")).toHaveAttribute("data-shape", "line");
  await expect(page.getByRole("img", { name: /sketch of the stretch.*3 points/i })).toBeVisible();
});

test("an area is kept as an area on the staff page and in the export", async ({ browser, page }) => {
  const [x, y] = [21.3772, 43.9335];
  const area = {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + 0.0006, y],
        [x + 0.0006, y + 0.0004],
        [x, y + 0.0004],
        [x, y],
      ],
    ],
  };
  const citizen = await browser.newContext();
  const filed = await citizen.request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "damaged_pavement",
        position: [x, y],
        shape: area,
        description: "Ceo plato ispred škole je ispucao.",
      }),
    },
    headers: { "x-forwarded-for": "198.18.7.21" },
  });
  expect(filed.status()).toBe(201);
  const code = (await filed.json()).trackingCode as string;
  await citizen.close();

  const item = await (await page.request.get(`/api/ogc/collections/reports/items/${code}`)).json();
  expect(item.geometry.type).toBe("Polygon");

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await page.goto("/staff/queue?scope=all");
  await page.locator(`tr[data-code="${code}"]`).getByRole("link", { name: code }).click();
  await page.waitForURL(/\/staff\/reports\/\d+$/);
  await expect(page.getByTestId("report-place")).toHaveAttribute("data-shape", "area");
  await expect(page.getByRole("img", { name: /sketch of the area.*4 corners/i })).toBeVisible();
  expect(await shapeOnReportMap(page)).toContain("Polygon");

  const planner = await browser.newPage();
  await signIn(planner, "planner@cuprija.example", "demo-planner");
  const exported = await (
    await planner.request.get(`/api/staff/analytics/export?format=geojson&category=damaged_pavement`)
  ).json();
  const byCode = new Map(
    (exported.features as Array<{ geometry: { type: string }; properties: { tracking_code: string } }>).map(
      (f) => [f.properties.tracking_code, f.geometry.type],
    ),
  );
  expect(byCode.get(code)).toBe("Polygon");
  expect(byCode.get(lineCode)).toBe("LineString");
  await planner.close();
});
