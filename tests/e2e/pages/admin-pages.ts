import { expect, type Page } from "@playwright/test";

type Picker = {
  jumpTo: (o: object) => void;
  isMoving: () => boolean;
  project: (c: [number, number]) => { x: number; y: number };
};
type RenderedMap = { queryRenderedFeatures: (o: object) => unknown[]; loaded: () => boolean };

/** An organisation's page in the administration: its details and its service area. */
export class OrganisationAdminPage {
  constructor(readonly page: Page) {}

  /** Opens the drawing map and clicks the area's corners (terra-draw); clicking the first corner again closes it. */
  async drawArea(vertices: [number, number][]): Promise<void> {
    await this.page.getByRole("button", { name: /^Draw/ }).click();
    await expect(this.page.locator(".picker")).toHaveAttribute("data-state", "ready");
    const map = this.page.getByRole("region", { name: /map for drawing the organisation's service area/i });
    await this.page.evaluate(
      (p) => (window as unknown as { civicPickerMap: Picker }).civicPickerMap.jumpTo({ center: p, zoom: 16 }),
      vertices[0]!,
    );
    await this.page.waitForFunction(
      () => !(window as unknown as { civicPickerMap: Picker }).civicPickerMap.isMoving(),
    );
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    for (const v of [...vertices, vertices[0]!]) {
      const point = await this.page.evaluate(
        (p) => (window as unknown as { civicPickerMap: Picker }).civicPickerMap.project(p),
        v,
      );
      await this.page.mouse.click(box.x + point.x, box.y + point.y);
      await this.page.waitForTimeout(150);
    }
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.page
      .getByLabel("GeoJSON file")
      .setInputFiles({ name, mimeType: "application/geo+json", buffer: Buffer.from(content) });
  }

  preview() {
    return this.page.getByTestId("service-area-preview");
  }

  async saveArea(): Promise<void> {
    await this.page.getByRole("button", { name: "Save this service area" }).click();
    await expect(this.page.getByText("Saved.")).toBeVisible();
  }

  /** How many features the overview map drew on a layer (the saved area's outline, the candidate's fill). */
  async rendered(layer: string): Promise<number> {
    await this.page.waitForFunction(() =>
      (window as unknown as { civicServiceAreaMap?: RenderedMap }).civicServiceAreaMap?.loaded(),
    );
    return this.page.evaluate(
      (l) =>
        (window as unknown as { civicServiceAreaMap: RenderedMap }).civicServiceAreaMap.queryRenderedFeatures(
          { layers: [l] },
        ).length,
      layer,
    );
  }
}
