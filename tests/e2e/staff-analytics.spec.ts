import fs from "node:fs";
import { expect, test } from "./fixtures";
import { AnalyticsPage } from "./pages/analytics-page";
import { signIn } from "./pages/staff-pages";

test("a planner finds where illegal dumping grew last quarter and downloads the reports behind it", async ({
  page,
}) => {
  await signIn(page, "planner@cuprija.example", "demo-planner");
  // Planners have no work queue: the workspace opens on analytics.
  await page.waitForURL(/\/staff\/analytics/);
  const analytics = new AnalyticsPage(page);

  await analytics.filterCategories("Illegal dumping");
  await analytics.choosePreset("Last quarter");
  expect(page.url()).toContain("category=illegal_dumping");
  const quarter = new URL(page.url()).searchParams;
  expect(quarter.get("from")).toMatch(/^\d{4}-(01|04|07|10)-01$/);
  const reports = await analytics.reportCount();
  expect(reports).toBeGreaterThan(0);

  await expect(analytics.map()).toBeVisible();
  await expect(analytics.layerStatus()).toContainText("district");
  // Each map says what its colours mean.
  const legend = page.getByTestId("map-legend");
  await expect(legend).toContainText("Reports per district");
  await expect(legend.getByRole("listitem")).toHaveCount(5);
  await page.getByRole("checkbox", { name: /per 1,000/i }).check();
  await expect(legend).toContainText("Reports per 1,000 residents");
  await page.getByRole("checkbox", { name: /per 1,000/i }).uncheck();
  await analytics.chooseLayer("Hexagons");
  await expect(page).toHaveURL(/layer=hexagons/);
  await expect(analytics.layerStatus()).toContainText(/Hexagons of \d+ m: \d+ cells? with reports/);
  await expect(legend).toContainText(/Reports per hexagon of \d+ m/);
  await expect(page.locator(".hotspot-list li").first()).toContainText(/[+−±]\d+ %|New/);
  await analytics.map().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/images/analytics-legend-after.png" });

  // The growing spot by the river shows up as the first hotspot; opening it zooms the map to it.
  const first = analytics.hotspots().first();
  await expect(first).toContainText("Illegal dumping");
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "true");
  const detail = page.getByRole("region", { name: "Hotspot 1" });
  await expect(detail).toContainText(/\d+ reports? in this period, \d+ in the previous one/);
  await expect(detail).toContainText("Illegal dumping");

  // The page is a link: reloading it keeps every filter and the layer.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Hexagons" })).toBeChecked();
  expect(await analytics.reportCount()).toBe(reports);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  await expect(page.getByTestId("export-status")).toContainText(`Done: ${reports} row`);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^tracking_code,created_at,category,/);
  expect(lines).toHaveLength(reports + 1);
  expect(lines.slice(1).every((line) => line.split(",")[2] === "illegal_dumping")).toBe(true);
  expect(download.suggestedFilename()).toBe(`reports-${quarter.get("from")}-${quarter.get("to")}.csv`);
});

test("bad filters in the address are reported and the defaults shown", async ({ page }) => {
  await signIn(page, "planner@cuprija.example", "demo-planner");
  await page.goto("/staff/analytics?from=2026-10-01&to=2026-09-01");
  await expect(page.locator("main").getByRole("alert")).toContainText("The analytics filter is not valid");
  await expect(page.getByTestId("kf-reports")).toBeVisible();
});

test("the printable summary shows key figures, the district map and the charts", async ({ page }) => {
  await signIn(page, "planner@cuprija.example", "demo-planner");
  await page.goto("/staff/analytics/summary?category=illegal_dumping");
  await expect(page.getByRole("heading", { level: 1, name: "Summary for the council" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Reports per local community (map)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Hotspots" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(
    page.getByRole("heading", { name: "Resolved within the promised time, per organisation" }),
  ).toBeVisible();
});

test("roles without analytics do not get the workspace", async ({ page }) => {
  await signIn(page, "agent@cuprija.example", "demo-agent");
  await page.goto("/staff/analytics");
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "Your role does not give access to this page.",
  );
});
