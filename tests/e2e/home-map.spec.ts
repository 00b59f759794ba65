import { expect, test } from "./fixtures";
import { HomePage } from "./pages/home-page";

/** Console errors that are not the app's: the unreachable public basemap and its host. */
function isExpectedNetworkError(text: string, url: string | undefined): boolean {
  return (
    /Failed to load resource|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED/.test(
      text,
    ) && (url ?? "").includes("openfreemap.org")
  );
}

test("the home map shows the municipality, its works sites and its reports without console errors", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !isExpectedNetworkError(msg.text(), msg.location().url))
      errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));

  const home = new HomePage(page);
  await home.goto();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ćuprija");
  await home.waitForMapReady();

  // The whole municipality: reports drawn as clusters from vector tiles, with their counts.
  const whole = await home.renderedCounts();
  expect(whole.clustered).toBeGreaterThan(50);
  // Counts are drawn on the map (as images: no font server needed), each apart from the others.
  const counts = await home.drawnClusterCounts();
  expect(counts.length).toBeGreaterThan(0);
  expect(
    await page.evaluate(() =>
      (window as unknown as { civicMap: { listImages: () => string[] } }).civicMap
        .listImages()
        .some((id) => id.startsWith("cluster-count-")),
    ),
  ).toBe(true);
  for (const [i, a] of counts.entries())
    for (const b of counts.slice(i + 1))
      expect(Math.abs(a.x - b.x) >= 12 || Math.abs(a.y - b.y) >= 12, "two counts overlap").toBe(true);
  await expect(page.locator(".legend")).toContainText("Groups of nearby reports");
  expect(whole.boundary).toBeGreaterThan(0);
  expect(whole.districts).toBeGreaterThan(0);
  await expect(home.status).toContainText(/\d+ reports and \d+ works sites? in view/);

  // Works sites are tens of metres across: they show once the map is close to one.
  const permits = await (await page.request.get("/api/permits?bbox=21.2,43.8,21.6,44.1")).json();
  expect(permits.features.length).toBeGreaterThan(0);
  const corner = permits.features[0].geometry.coordinates[0][0][0] as [number, number];
  await home.zoomTo(corner, 16);
  expect((await home.renderedCounts()).permits).toBeGreaterThan(0);
  // The works layer can be switched off and on again.
  await page.getByLabel("Show permitted works sites").uncheck();
  await expect.poll(async () => (await home.renderedCounts()).permits).toBe(0);
  await page.getByLabel("Show permitted works sites").check();
  await expect.poll(async () => (await home.renderedCounts()).permits).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("without the public basemap the bundled style still draws the boundary and districts", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.goto();
  await home.waitForMapReady();
  await expect(home.section).toHaveAttribute("data-basemap", "fallback");
  await expect(page.getByText(/simplified map|pojednostavljena mapa|поједностављена мапа/)).toBeVisible();
  const counts = await home.renderedCounts();
  expect(counts.boundary).toBeGreaterThan(0);
  expect(counts.districts).toBeGreaterThan(0);
});

test("the page switches between Serbian Latin, Serbian Cyrillic and English", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.chooseLanguage("Ћирилица");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Пријављени проблеми у општини Ћуприја");
  await expect(page.locator("html")).toHaveAttribute("lang", "sr-Cyrl");
  await home.chooseLanguage("English");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reported problems in Ćuprija");
  await home.chooseLanguage("Latinica");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prijavljeni problemi u opštini Ćuprija");
});

test("clicking a report opens a popup with its category and status but no personal data", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.goto();
  await home.waitForMapReady();
  // Close enough for single reports instead of clusters.
  const one = (await (await page.request.get("/api/reports?bbox=21.2,43.8,21.6,44.1")).json()).features[0];
  await home.zoomTo(one.geometry.coordinates, 15);
  // Status is shown by shape as well as colour: one icon per status group.
  const icons = await page.evaluate(() =>
    ["open", "in_progress", "resolved", "closed"].filter((g) =>
      (window as unknown as { civicMap: { hasImage: (id: string) => boolean } }).civicMap.hasImage(
        `status-${g}`,
      ),
    ),
  );
  expect(icons).toEqual(["open", "in_progress", "resolved", "closed"]);
  await expect(page.locator(".legend svg.swatch.shape")).toHaveCount(4);
  const point = await page.evaluate(() => {
    type Feature = { geometry: { coordinates: [number, number] } };
    const map = (
      window as unknown as {
        civicMap: {
          queryRenderedFeatures: (o: object) => Feature[];
          project: (c: [number, number]) => { x: number; y: number };
        };
      }
    ).civicMap;
    const feature = map.queryRenderedFeatures({ layers: ["reports"] })[0]!;
    return map.project(feature.geometry.coordinates);
  });
  const box = (await home.map.boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const popup = page.locator(".maplibregl-popup .map-popup");
  await expect(popup).toBeVisible();
  await expect(popup).toContainText(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
  await expect(popup).not.toContainText("@");
  await popup.getByRole("link").click();
  await expect(page).toHaveURL(/\/reports\/[A-Z0-9]{4}-[A-Z0-9]{4}$/);
});

test("the home map opens on open and recently resolved reports; the filter widens it to the whole year", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.goto();
  await home.waitForMapReady();
  await expect(page.getByLabel("Show", { exact: true })).toHaveValue("current");
  const current = (await home.renderedCounts()).clustered;
  // The tiles are asked for with the scope, so each scope has its own cached tiles.
  const tileUrls = await page.evaluate(() => {
    const style = (
      window as unknown as { civicMap: { getStyle: () => { sources: Record<string, { tiles?: string[] }> } } }
    ).civicMap.getStyle();
    return ["report-tiles", "report-shapes"].flatMap((id) => style.sources[id]?.tiles ?? []);
  });
  expect(tileUrls).toHaveLength(2);
  for (const url of tileUrls) expect(url).toContain("show=current");

  await page.getByLabel("Show", { exact: true }).selectOption({ label: "All reports of the last 12 months" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/show=all/);
  await home.waitForMapReady();
  const all = (await home.renderedCounts()).clustered;
  expect(current).toBeGreaterThan(0);
  expect(all).toBeGreaterThan(current);
});

test("the list of reports in view sits beside the map on a wide screen and behind a switch on a phone", async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  await home.goto();
  await home.waitForMapReady();
  const list = page.getByRole("region", { name: /reports in view/i });
  if (testInfo.project.name === "phone") {
    await expect(list).toBeHidden();
    await expect(home.map).toBeVisible();
    await page.getByRole("button", { name: "List", exact: true }).click();
    await expect(list).toBeVisible();
    await expect(home.map).toBeHidden();
    await expect(list.getByRole("listitem").first()).toHaveText(/ — .+, .+ · /);
    await page.getByRole("button", { name: "Map", exact: true }).click();
    await expect(home.map).toBeVisible();
  } else {
    await expect(page.getByRole("button", { name: "List", exact: true })).toBeHidden();
    await expect(list).toBeVisible();
    const mapBox = (await home.map.boundingBox())!;
    const listBox = (await list.boundingBox())!;
    expect(listBox.x).toBeGreaterThanOrEqual(mapBox.x + mapBox.width - 1);
    await expect(list.getByRole("listitem").first()).toHaveText(/ — .+, .+ · /);
  }
});

test("a phone opens on the list with an overview and loads the map only when asked, and remembers the choice", async ({
  page,
}, testInfo) => {
  const home = new HomePage(page);
  const overview = page.getByTestId("overview-map");
  const showTheMap = page.getByRole("button", { name: "Show the map" });
  const list = page.getByRole("region", { name: /reports in view/i });
  await page.goto("/");
  await expect(home.section).toHaveAttribute("data-screen", /^(wide|phone)$/);
  if (testInfo.project.name !== "phone") {
    // A wide screen has its map straight away, and no overview.
    await home.waitForMapReady();
    await expect(overview).toBeHidden();
    await expect(showTheMap).toBeHidden();
    expect(await home.mapLibreChunksLoaded()).toBeGreaterThan(0);
    return;
  }
  // The list of reports in view and a picture of the municipality with its reports; no map code.
  await expect(list.getByRole("listitem").first()).toHaveText(/ — .+, .+ · /);
  await expect(overview).toBeVisible();
  expect(Number(await overview.getAttribute("data-reports"))).toBeGreaterThan(0);
  await expect(overview.locator("path").first()).toHaveAttribute("d", /^M /);
  await expect(page.getByRole("button", { name: "List", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(home.map).toBeHidden();
  // Idle and scrolled through, the page still has not fetched MapLibre.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(1500);
  expect(await home.mapLibreChunksLoaded()).toBe(0);
  expect(await page.evaluate(() => "civicMap" in window)).toBe(false);

  // Asked for (the overview is the button), the map loads and draws the reports.
  await page.evaluate(() => window.scrollTo(0, 0));
  await showTheMap.click();
  await home.waitForMapReady();
  await expect(home.map).toBeVisible();
  expect(await home.mapLibreChunksLoaded()).toBeGreaterThan(0);
  expect((await home.renderedCounts()).clustered).toBeGreaterThan(0);

  // The choice holds on the next visit: the map again, without asking.
  await page.goto("/");
  await home.waitForMapReady();
  await expect(page.getByRole("button", { name: "Map", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(overview).toBeHidden();
  // Back to the list: that is remembered too, and the next visit has no map code again.
  await page.getByRole("button", { name: "List", exact: true }).click();
  await expect(list).toBeVisible();
  await page.goto("/");
  await expect(home.section).toHaveAttribute("data-screen", "phone");
  await expect(overview).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await home.mapLibreChunksLoaded()).toBe(0);
});

test("the map's code loads after the page's first paint, and the public page may be kept for 'back'", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response!.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
  const home = new HomePage(page);
  await home.showMap();
  await home.waitForMapReady();
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.includes("/_next/static/chunks/")) as PerformanceResourceTiming[];
    const largest = scripts.reduce((a, b) => (b.decodedBodySize > a.decodedBodySize ? b : a));
    return { paint, mapLibreStart: largest.startTime, mapLibreBytes: largest.decodedBodySize };
  });
  // MapLibre is by far the largest chunk (about 1 MB unpacked).
  expect(timing.mapLibreBytes).toBeGreaterThan(500_000);
  expect(timing.paint).toBeGreaterThan(0);
  expect(timing.mapLibreStart).toBeGreaterThan(timing.paint);
  // Staff pages keep their private, uncached answers.
  const staff = await page.request.get("/staff/queue", { maxRedirects: 0 });
  expect(staff.headers()["cache-control"] ?? "").not.toContain("public");
});
