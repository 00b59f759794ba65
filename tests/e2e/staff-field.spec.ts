import { expect, test } from "@playwright/test";
import { signIn } from "./pages/staff-pages";

test("a water crew on a phone sees its open reports nearest first from where it stands", async ({ browser }) => {
  const here: [number, number] = [21.3705, 43.9287];
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: { longitude: here[0], latitude: here[1] },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.getByRole("link", { name: "Field" }).click();
  const list = page.getByTestId("field-list");
  await expect(list.getByRole("listitem").first()).toBeVisible();
  const distances = await list.getByRole("listitem").evaluateAll((items) =>
    items.map((li) => Number((li.textContent ?? "").match(/(\d+) m away/)?.[1] ?? Number.NaN)),
  );
  expect(distances.length).toBeGreaterThan(1);
  expect(distances.every((d) => Number.isFinite(d))).toBe(true);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  await expect(list.getByRole("link", { name: "Navigate" }).first()).toHaveAttribute("href", /^geo:43\.\d+,21\.\d+$/);
  await context.close();
});
