import { expect, type Page } from "@playwright/test";

/** The planners' analytics workspace. */
export class AnalyticsPage {
  constructor(readonly page: Page) {}

  async filterCategories(...labels: string[]): Promise<void> {
    await this.page
      .getByLabel("Categories", { exact: true })
      .selectOption(labels.map((label) => ({ label })));
    await this.page.getByRole("button", { name: "Show", exact: true }).click();
    await this.page.waitForURL(/category=/);
  }

  async choosePreset(
    name: "Last 30 days" | "Last 90 days" | "Last quarter" | "Last 12 months",
  ): Promise<void> {
    await this.page.getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "true");
  }

  map() {
    return this.page.getByRole("region", { name: "Analytics map" });
  }

  layerStatus() {
    return this.page.getByTestId("layer-status");
  }

  async chooseLayer(name: "Districts" | "Hexagons" | "Heatmap"): Promise<void> {
    await this.page.getByRole("radio", { name }).check();
  }

  hotspots() {
    return this.page
      .getByRole("list")
      .filter({ has: this.page.getByRole("button", { name: /^Hotspot \d+:/ }) })
      .getByRole("button");
  }

  async reportCount(): Promise<number> {
    return Number((await this.page.getByTestId("kf-reports").textContent())!.replace(/\D/g, ""));
  }
}
