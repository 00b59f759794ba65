import { expect, test } from "./fixtures";
import { HomePage } from "./pages/home-page";

test("filters narrow the map and the list together and live in a shareable URL", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.waitForMapReady();
  const before = (await home.renderedCounts()).clustered;

  // Closed reports of the whole year (the map opens on the current ones).
  await page.getByLabel("Show", { exact: true }).selectOption("all");
  await page.getByLabel("Category").selectOption({ label: "Pothole" });
  await page.getByRole("checkbox", { name: "Closed" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=pothole/);
  await expect(page).toHaveURL(/status=closed/);
  await expect(page).toHaveURL(/show=all/);
  await home.waitForMapReady();

  // Clusters count only the filtered reports.
  const filtered = (await home.renderedCounts()).clustered;
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(before);

  // Close to one of them, the single reports drawn are all closed potholes.
  const one = (
    await (
      await page.request.get("/api/reports?bbox=21.2,43.8,21.6,44.1&category=pothole&status=closed")
    ).json()
  ).features[0];
  await home.zoomTo(one.geometry.coordinates, 15);
  const drawn = await page.evaluate(() => {
    const map = (
      window as unknown as {
        civicMap: { queryRenderedFeatures: (o: object) => Array<{ properties: Record<string, string> }> };
      }
    ).civicMap;
    return map
      .queryRenderedFeatures({ layers: ["reports"] })
      .map((f) => [f.properties.category, f.properties.status_group]);
  });
  expect(drawn.length).toBeGreaterThan(0);
  expect(new Set(drawn.map(([c, s]) => `${c}/${s}`))).toEqual(new Set(["pothole/closed"]));

  const items = (await home.showList()).getByRole("listitem");
  const listed = await items.allTextContents();
  expect(listed.length).toBeGreaterThanOrEqual(drawn.length);
  for (const text of listed) expect(text).toMatch(/^Pothole — (Closed|Not our responsibility|Duplicate),/);
});

test("the map view is kept in the URL and restored from it", async ({ page }) => {
  await page.goto("/?at=21.37500,43.93000,15.00");
  const home = new HomePage(page);
  await home.waitForMapReady();
  const view = await page.evaluate(() => {
    const map = (
      window as unknown as {
        civicMap: { getCenter: () => { lng: number; lat: number }; getZoom: () => number };
      }
    ).civicMap;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
  expect(view.lng).toBeCloseTo(21.375, 3);
  expect(view.lat).toBeCloseTo(43.93, 3);
  expect(view.zoom).toBeCloseTo(15, 1);
  await home.zoomTo([21.38, 43.92], 14);
  await expect(page).toHaveURL(/at=21\.38000,43\.92000,14\.00/);
});
