import type { Page } from "@playwright/test";

/** On a phone the header's links and language choice sit behind the menu button: open it if it is shown. */
export async function openSiteMenu(page: Page): Promise<void> {
  const button = page.locator(".site-header .menu-button");
  if ((await button.isVisible()) && (await button.getAttribute("aria-expanded")) !== "true")
    await button.click();
}
