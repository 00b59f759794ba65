import { expect, test } from "./fixtures";
import { openSiteMenu } from "./pages/site-header";

test("the customer charter lists each category's promised time and on-time share", async ({ page }) => {
  await page.goto("/");
  await openSiteMenu(page);
  await page.getByRole("link", { name: /service standards/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service standards of Ćuprija");
  const pothole = page.locator('tr[data-service-code="pothole"]');
  await expect(pothole.getByRole("rowheader")).toHaveText("Pothole");
  await expect(pothole.getByRole("cell").first()).toContainText("10 working days");
  await expect(pothole.getByRole("cell").nth(1)).toHaveText(/^\d+% of \d+$|^No reports were due$/);
  // One row per category a citizen can choose (the administration tests may have added one).
  const offered = (await (await page.request.get("/api/categories?lang=en")).json()) as {
    groups: Array<{ categories: unknown[] }>;
  };
  expect(await page.locator("tbody tr").count()).toBe(offered.groups.flatMap((g) => g.categories).length);
  expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(25);

  await openSiteMenu(page);
  await page.getByRole("link", { name: "Ћирилица", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Стандарди услуга општине Ћуприја");
  await expect(pothole.getByRole("cell").first()).toContainText("10 радних дана");
});
