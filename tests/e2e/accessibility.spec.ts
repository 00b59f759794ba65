import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });
// Each test walks up to seventeen pages and runs axe on each: minutes, not seconds, on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Serious and critical axe-core violations of a page, as "rule: target" lines for a readable failure. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

async function firstPublicReport(page: Page): Promise<string> {
  const body = await (await page.request.get("/api/reports?bbox=21.2,43.8,21.6,44.1")).json();
  return body.features[0].properties.code as string;
}

test("public pages have no serious or critical accessibility violations", async ({ page }) => {
  const code = await firstPublicReport(page);
  for (const path of [
    "/",
    "/report",
    "/track",
    "/track?code=bad",
    "/charter",
    "/open-data",
    `/reports/${code}`,
    "/signin",
    "/no-such-page",
    "/permits/apply",
    "/permits/track",
    "/permits/track?number=bad",
    "/permits/planned",
    "/account",
    "/account/verify?token=expired-or-unknown-token-000",
    "/invite/unknown-invitation-token-000",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
});

test("staff pages have no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "agent@cuprija.example", "demo-agent");
  for (const path of ["/staff/queue", "/staff/queue?scope=all", "/staff/intake"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto("/staff/queue?scope=all");
  await page.locator("tbody tr").first().getByRole("link").click();
  await page.waitForURL(/\/staff\/reports\/\d+$/);
  await page.waitForLoadState("networkidle");
  expect(await violations(page), page.url()).toEqual([]);
});

test("the utility queue and the field page have no serious or critical accessibility violations", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ longitude: 21.3705, latitude: 43.9287 });
  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.goto("/staff/utility");
  await page.waitForLoadState("networkidle");
  await page.locator("tbody tr").first().locator("summary").click();
  expect(await violations(page), "/staff/utility").toEqual([]);
  await page.goto("/staff/field");
  await page.getByText("Report a new problem here").click();
  // The position is asked for when the crew files from the spot (or chooses "Nearest first").
  await page.getByRole("button", { name: "Use my location" }).click();
  await expect(page.getByLabel("What you found")).toBeVisible();
  expect(await violations(page), "/staff/field").toEqual([]);
  // One report open in the field app, with its forms and trail.
  await page
    .getByRole("button", { name: /^Open report / })
    .first()
    .click();
  await expect(page.getByTestId("field-report")).toBeVisible();
  expect(await violations(page), "/staff/field (a report)").toEqual([]);
});

test("permit pages have no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "permits@cuprija.example", "demo-permits");
  for (const path of [
    "/staff/permits",
    "/staff/permits?status=active",
    "/staff/permits/new",
    "/staff/permits/counter",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto("/staff/permits");
  await page.locator("tbody tr").first().getByRole("link").click();
  await page.waitForURL(/\/staff\/permits\/\d+$/);
  await page.waitForLoadState("networkidle");
  expect(await violations(page), page.url()).toEqual([]);
});

test("the planners' analytics pages have no serious or critical accessibility violations", async ({
  page,
}) => {
  await signIn(page, "planner@cuprija.example", "demo-planner");
  for (const path of [
    "/staff/analytics",
    "/staff/analytics?category=illegal_dumping&layer=hexagons",
    "/staff/analytics/summary",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
});

test("administration pages have no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "admin@cuprija.example", "demo-admin");
  const paths = [
    "/admin/organisations",
    "/admin/organisations/new",
    "/admin/categories",
    "/admin/categories/new",
    "/admin/users",
    "/admin/users/new",
    "/admin/calendar",
    "/admin/open311",
    "/admin/setup",
    "/admin/import",
    "/password",
  ];
  await page.goto("/admin/organisations");
  const organisation = await page.locator("tbody tr").first().getByRole("link").getAttribute("href");
  await page.goto("/admin/categories");
  const category = await page.locator("tbody tr").first().getByRole("link").getAttribute("href");
  await page.goto("/admin/users");
  const user = await page.locator("tbody tr").first().getByRole("link").getAttribute("href");
  for (const path of [...paths, organisation!, category!, user!]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  // With the questions editor open and a refused form showing its messages.
  await page.goto("/admin/categories/new");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByRole("button", { name: "Create the category" }).click();
  await expect(page.getByText("Some of the data sent is not valid.")).toBeVisible();
  expect(await violations(page), "/admin/categories/new with errors").toEqual([]);
});
