import { expect, test, type APIRequestContext } from "./fixtures";
import { jpegPhoto } from "../helpers/images";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });

async function fileSewerReport(
  request: APIRequestContext,
  description: string,
  position: [number, number],
): Promise<string> {
  const filed = await request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({ serviceCode: "sewer_overflow", position, description, contact: {} }),
    },
    headers: { "x-forwarded-for": `198.18.3.${Math.floor(Math.random() * 250)}` },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  return (await filed.json()).trackingCode as string;
}

test("the water utility takes on, resolves with a photo, and sends back what is not theirs — only its own reports in view", async ({
  page,
  request,
}) => {
  const resolveCode = await fileSewerReport(
    request,
    "Kanalizacija se izliva kod pijace.",
    [21.3702, 43.9302],
  );
  const forwardCode = await fileSewerReport(
    request,
    "Izliva se, ali je to atmosferska kanalizacija puta.",
    [21.3712, 43.9312],
  );

  await signIn(page, "operator@cuprija.example", "demo-operator");
  await page.getByRole("link", { name: "Utility queue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Queue of Water and Sewage Utility");
  // Only the company's reports: every row's category is one of the water group's.
  const categories = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(categories.length).toBeGreaterThan(0);
  for (const c of categories)
    expect(["Water leak", "Sewer overflow", "No water supply", "Missing manhole cover"]).toContain(c);

  // Found by its number among the company's many open reports.
  await page.getByRole("searchbox", { name: "Find by number or address" }).fill(resolveCode.toLowerCase());
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  const row = page.locator(`tr[data-code="${resolveCode}"]`);
  await row.getByText(`Decide on ${resolveCode}`).click();
  await row.getByRole("button", { name: "Take it on" }).click();
  await expect(row.getByRole("cell", { name: "In progress" })).toBeVisible();
  // The decisions stay open after the list refreshed.
  await row.getByLabel("What was done (the citizen reads this)").fill("Očišćen odvod, izliv zaustavljen.");
  await row
    .getByLabel("Photos of the work (up to 3)")
    .setInputFiles({ name: "done.jpg", mimeType: "image/jpeg", buffer: await jpegPhoto() });
  await row.getByRole("button", { name: "Resolve" }).click();
  await expect(page.locator(`tr[data-code="${resolveCode}"]`)).toHaveCount(0);
  // The row is gone with its own messages; the page says what happened to it.
  await expect(page.getByTestId("queue-notice")).toContainText(`${resolveCode} is marked resolved`);

  await page.getByRole("searchbox", { name: "Find by number or address" }).fill(forwardCode);
  await page.getByRole("button", { name: "Find" }).click();
  const other = page.locator(`tr[data-code="${forwardCode}"]`);
  await other.getByText(`Decide on ${forwardCode}`).click();
  await other.getByLabel("Not ours: send to").selectOption({ label: "Road Maintenance – Town" });
  await other.getByLabel("Why (staff only)").fill("Atmosferska kanalizacija je u nadležnosti puteva.");
  await other.getByRole("button", { name: "Send" }).click();
  await expect(page.locator(`tr[data-code="${forwardCode}"]`)).toHaveCount(0);

  await page.goto(`/reports/${resolveCode}`);
  await expect(page.getByText("Očišćen odvod, izliv zaustavljen.")).toBeVisible();
  await expect(page.getByRole("img", { name: /photo/i }).first()).toBeVisible();
  await page.goto(`/reports/${forwardCode}`);
  await expect(page.getByText("Road Maintenance – Town", { exact: true })).toBeVisible();
});
