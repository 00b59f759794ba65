import { expect, test } from "./fixtures";
import { jpegPhoto } from "../helpers/images";
import { signIn } from "./pages/staff-pages";

test("a water crew on a phone sees its open reports nearest first from where it stands", async ({
  browser,
}) => {
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
  // The position is asked for only when the crew wants the nearest reports first.
  await expect(page.getByText("Ordered by due date.")).toBeVisible();
  await page.getByRole("button", { name: "Nearest first" }).click();
  await expect(page.getByRole("button", { name: "Nearest first" })).toHaveAttribute("aria-pressed", "true");
  await expect(list.getByRole("listitem").first()).toContainText(/\d+ m away/);
  const distances = await list
    .getByRole("listitem")
    .evaluateAll((items) =>
      items.map((li) => Number((li.textContent ?? "").match(/(\d+) m away/)?.[1] ?? Number.NaN)),
    );
  expect(distances.length).toBeGreaterThan(1);
  expect(distances.every((d) => Number.isFinite(d))).toBe(true);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  await expect(list.getByRole("link", { name: "Navigate" }).first()).toHaveAttribute(
    "href",
    /^geo:43\.\d+,21\.\d+$/,
  );
  await context.close();
});

test("a crew member files a problem found on the spot, at their position, with a photo", async ({
  browser,
}) => {
  const here: [number, number] = [21.3712, 43.9291];
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: { longitude: here[0], latitude: here[1] },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.goto("/staff/field");
  await expect(page.getByTestId("field-list").getByRole("listitem").first()).toBeVisible();
  await page.getByText("Report a new problem here").click();
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.getByLabel("Problem").selectOption({ label: "Sewer overflow" });
  await page.getByLabel("What you found").fill("Poklopac šahta pomeren, izliva se na kolovoz.");
  await page
    .getByLabel("Photos (up to 3)")
    .setInputFiles({ name: "spot.jpg", mimeType: "image/jpeg", buffer: await jpegPhoto() });
  await page.getByRole("button", { name: "File the report" }).click();
  const filed = page.getByRole("status").filter({ hasText: "Filed as" });
  await expect(filed).toBeVisible();
  const code = (await filed.textContent())!.match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];
  // Routed to the crew's own utility at their position, it joins their list, nearest first.
  await expect(page.getByTestId("field-list").locator(`li[data-code="${code}"]`)).toBeVisible();
  await page.goto(`/reports/${code}`);
  await expect(page.getByText("Poklopac šahta pomeren")).toBeVisible();
  await context.close();
});
