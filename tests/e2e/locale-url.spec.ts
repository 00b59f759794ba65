import { expect, test } from "./fixtures";
import { openSiteMenu } from "./pages/site-header";

test("the language is part of the address, is remembered, and links to the same page in the other scripts", async ({
  page,
}) => {
  await page.goto("/sr-Cyrl/track?code=bad");
  await expect(page.locator("html")).toHaveAttribute("lang", "sr-Cyrl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Прати пријаву");
  const switcher = page.getByRole("navigation", { name: "Језик и писмо" });
  await openSiteMenu(page);
  await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("href", "/en/track?code=bad");
  await expect(switcher.getByRole("link", { name: "Ћирилица" })).toHaveAttribute("aria-current", "true");
  // The pages that follow keep the choice, though their addresses carry no language.
  await page.goto("/charter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Стандарди услуга општине Ћуприја");
  await openSiteMenu(page);
  await switcher.getByRole("link", { name: "Latinica" }).click();
  await expect(page).toHaveURL(/\/sr-Latn\/charter$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Standardi usluga opštine Ćuprija");
  // A shared link with ?lang= opens in that language too.
  await page.goto("/track?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Track a report");
});

for (const [acceptLanguage, heading] of [
  ["sr-RS,sr;q=0.9", "Прати пријаву"],
  ["sr-Latn-RS,sr;q=0.8", "Prati prijavu"],
  ["en-GB,en;q=0.9", "Track a report"],
] as const) {
  test(`without a choice, the browser's languages decide (${acceptLanguage})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: acceptLanguage.split(",")[0] });
    const page = await context.newPage();
    await page.goto("/track");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await context.close();
  });
}
