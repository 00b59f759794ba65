import path from "node:path";
import { expect, test } from "./fixtures";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";
import { HomePage } from "./pages/home-page";
import { ReportPage } from "./pages/report-page";
import { signIn } from "./pages/staff-pages";

// A browser with WebGL off, as on old phones and locked-down office PCs.
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, "--disable-webgl"] } });

test("without WebGL the home page says so and lists the reports by local community and by street, a page at a time", async ({
  page,
}) => {
  await page.goto("/");
  // A phone opens on its list and overview; asked for, the map says it cannot be drawn here.
  await new HomePage(page).showMap();
  await expect(
    page.getByRole("status").filter({ hasText: "The interactive map is unavailable" }),
  ).toBeVisible();
  const count = page.getByTestId("without-map-count");
  await expect(count).toContainText(/\d+ reports in the whole municipality/);
  const list = page.getByRole("region", { name: "Reports in view" });
  await expect(list.getByRole("listitem")).toHaveCount(20);
  // Place names come with each report.
  await expect(list.getByRole("listitem").first()).toContainText(" · ");
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, "..", "..", "docs", "images", "no-webgl-home.png") });

  const district = page.getByLabel("Area to list: a local community");
  const firstCommunity = (await district.locator("option").nth(1).textContent())!;
  await district.selectOption({ index: 1 });
  await expect(count).toContainText(`in ${firstCommunity}.`);

  await page.getByRole("combobox", { name: /search for a street/i }).fill("autobus");
  await expect(page.locator(".place-results").getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(count).toContainText("around the place found");
});

test("without WebGL a report is placed by the street search and the move buttons, and filed", async ({
  page,
}) => {
  await page.goto("/report");
  const unavailable = page.getByRole("status").filter({ hasText: "The map is unavailable in this browser" });
  // Wide screens say so at once; a phone, where the map comes once a place is found, then.
  if (await page.getByRole("button", { name: "Choose on the map" }).isVisible())
    await expect(unavailable).toHaveCount(0);
  else await expect(unavailable).toBeVisible();
  const pinStatus = page.getByTestId("pin-status");
  const search = page.getByRole("combobox", { name: /search for a street/i });
  await search.focus();
  await page.keyboard.type("autobus");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(pinStatus).toContainText("Pin at:");
  await expect(unavailable).toBeVisible();
  const before = (await pinStatus.getAttribute("data-position"))!.split(",").map(Number);
  await page.getByRole("button", { name: "Move the place north by 10 m" }).focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => {
      const [, lat] = (await pinStatus.getAttribute("data-position"))!.split(",").map(Number);
      return Math.round((lat! - before[1]!) * 111_320);
    })
    .toBe(10);
  const form = new ReportPage(page);
  await form.continueFromPlace();
  await form.chooseCategory("Broken street light");
  await form.describe("Svetiljka ne radi, prijavljeno bez mape.");
  await form.continueToReview();
  await form.submitAndGetCode();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Broken street light");
});

test("without WebGL the field app and the staff queue say the map is unavailable and keep their lists", async ({
  page,
}) => {
  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.goto("/staff/field");
  await expect(page.getByTestId("field-list").getByRole("listitem").first()).toBeVisible();
  // A phone works the list and asks for the map.
  const showMap = page.getByRole("button", { name: "Show the map" });
  if (await showMap.isVisible()) await showMap.click();
  await expect(
    page
      .getByTestId("map-unavailable")
      .getByRole("status")
      .filter({ hasText: "The interactive map is unavailable" }),
  ).toBeVisible();
  await expect(page.getByTestId("field-list").getByRole("listitem").first()).toBeVisible();
  await page.goto("/staff/queue");
  await expect(page.getByTestId("map-unavailable")).toBeVisible();
});
