import { expect, type Page } from "@playwright/test";

/**
 * On a phone the header's links and language choice sit behind the menu button: open it if it is
 * shown. A tap that lands before the header has hydrated does nothing, so it is tapped again until
 * the menu says it is open.
 */
export async function openSiteMenu(page: Page): Promise<void> {
  const button = page.locator(".site-header .menu-button");
  if (!(await button.isVisible())) return;
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
