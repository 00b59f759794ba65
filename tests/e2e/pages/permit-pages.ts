import { expect, type Page } from "@playwright/test";

type Picker = {
  jumpTo: (o: object) => void;
  isMoving: () => boolean;
  project: (c: [number, number]) => { x: number; y: number };
};

/** The permit form (register, online application, counter): fields, and the site drawn or imported. */
export class PermitFormPage {
  constructor(readonly page: Page) {}

  async fill(input: {
    applicant?: string;
    kind?: string;
    holder: string;
    contractor?: string;
    works: string;
    from: string;
    to: string;
  }): Promise<void> {
    if (input.applicant) await this.page.getByLabel("Name or company").fill(input.applicant);
    if (input.kind) await this.page.getByLabel("Kind of works").selectOption({ label: input.kind });
    await this.page.getByLabel("Permit holder").fill(input.holder);
    if (input.contractor) await this.page.getByLabel("Contractor", { exact: true }).fill(input.contractor);
    await this.page.getByLabel("Description of the works").fill(input.works);
    await this.page.getByLabel("From").fill(input.from);
    await this.page.getByLabel("To (inclusive)").fill(input.to);
  }

  /** Draws the site by clicking its corners on the map (terra-draw); clicking the first corner again closes it. */
  async drawSite(vertices: [number, number][]): Promise<void> {
    await expect(this.page.locator(".picker")).toHaveAttribute("data-state", "ready");
    const map = this.page.getByRole("region", { name: /map for drawing the works site/i });
    await this.page.evaluate(
      (p) => (window as unknown as { civicPickerMap: Picker }).civicPickerMap.jumpTo({ center: p, zoom: 17 }),
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
    await expect(this.page.getByTestId("site-status")).toContainText("Site set");
  }

  /** The keyboard's way: paste GeoJSON and take it. */
  async importSite(geojson: object): Promise<void> {
    await this.page.getByLabel("Or paste the site as GeoJSON").fill(JSON.stringify(geojson));
    await this.page.getByRole("button", { name: "Use this GeoJSON" }).click();
    await expect(this.page.getByTestId("site-status")).toContainText("Site set");
  }
}

/** The staff view of one permit. */
export class StaffPermitPage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId("permit-status");
  }

  async step(button: string, expected: string): Promise<void> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    await expect(this.status()).toHaveText(expected);
  }
}
