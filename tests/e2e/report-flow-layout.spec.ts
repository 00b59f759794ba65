import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { expect, test, type Page } from "./fixtures";
import { ReportPage } from "./pages/report-page";

const images = path.join(__dirname, "..", "..", "docs", "images", "report-flow");

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .jpeg()
    .toBuffer();
}

/** The step's primary button is on screen as the step opens: no scrolling is needed to reach it. */
async function primaryOnScreen(page: Page, name: string): Promise<void> {
  const primary = page.locator(".flow-actions button.primary");
  await expect(primary, name).toBeVisible();
  const box = (await primary.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, `${name}: the primary button starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${name}: the primary button ends on screen`).toBeLessThanOrEqual(
    viewport.height,
  );
  expect(box.height, `${name}: the primary button is a 44 px target`).toBeGreaterThanOrEqual(44);
  // Nothing sideways either (WCAG 1.4.10).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
}

/** Serious and critical axe-core violations, as "rule: target" lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

test("each step of the report flow fits the screen with its primary button in reach (Serbian Cyrillic)", async ({
  page,
}, testInfo) => {
  const phone = testInfo.project.name === "phone";
  const form = new ReportPage(page);
  const errors: string[] = [];
  page.on("console", (m) => {
    // The configured basemap is out of reach here; the bundled one is drawn instead.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  // Each step: a screenshot for the manual (phone), and no serious accessibility violation.
  const shoot = async (name: string) => {
    if (phone) await page.screenshot({ path: path.join(images, `${name}.png`) });
    expect(await violations(page), name).toEqual([]);
  };
  await form.goto("sr-Cyrl");
  const map = page.getByRole("region", { name: /мапа за означавање/i });
  if (phone) {
    // The map takes most of the first screen, and the whole step needs no scrolling.
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(380);
    expect(box.height).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(844);
  }
  await form.tapMapAt([21.3745, 43.9262]);
  await primaryOnScreen(page, "place");
  await shoot("1-place");

  await form.continueFromPlace();
  await shoot("2-category");
  await form.chooseCategory("Ударна рупа на путу");
  await primaryOnScreen(page, "details");
  await form.attachPhoto(await photo());
  await shoot("3-details");

  await form.tap(form.continueButton);
  await form.expectStep(4);
  await primaryOnScreen(page, "contact");
  await shoot("4-contact");

  await form.tap(form.continueButton);
  await form.expectStep(5);
  await primaryOnScreen(page, "review");
  await shoot("5-review");

  expect(errors).toEqual([]);
  if (!phone) {
    // On a desktop the step sits beside the map, and the map stays in view on every step.
    const panel = (await page.locator(".flow-panel").boundingBox())!;
    const mapBox = (await map.boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(mapBox.x);
    expect(mapBox.width).toBeGreaterThan(600);
    await expect(map).toBeInViewport();
  }
});
