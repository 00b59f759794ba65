import { expect, type Locator, type Page } from "@playwright/test";

/** The citizen's report form. */
export class ReportPage {
  readonly picker: Locator;
  readonly pinStatus: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.picker = page.locator(".picker");
    this.pinStatus = page.getByTestId("pin-status");
    this.submit = page.getByRole("button", { name: /send report|pošalji prijavu|пошаљи пријаву/i });
  }

  /** The form, in a locale chosen by its address (`/sr-Cyrl/report`) or in the browser's language. */
  async goto(locale?: "sr-Latn" | "sr-Cyrl" | "en"): Promise<void> {
    await this.page.goto(locale ? `/${locale}/report` : "/report");
    await expect(this.picker).toHaveAttribute("data-state", "ready");
  }

  /** Taps the map where a coordinate is drawn (the real tap path, through MapLibre's click handler). */
  async tapMapAt(position: [number, number]): Promise<void> {
    const map = this.page.getByRole("region", {
      name: /map for placing|mapa za označavanje|мапа за означавање/i,
    });
    await map.scrollIntoViewIfNeeded();
    await this.page.evaluate(
      (p) =>
        (window as unknown as { civicPickerMap: { jumpTo: (o: object) => void } }).civicPickerMap.jumpTo({
          center: p,
          zoom: 17,
        }),
      position,
    );
    await this.page.waitForFunction(
      () => !(window as unknown as { civicPickerMap: { isMoving: () => boolean } }).civicPickerMap.isMoving(),
    );
    const point = await this.page.evaluate(
      (p) =>
        (
          window as unknown as {
            civicPickerMap: { project: (c: [number, number]) => { x: number; y: number } };
          }
        ).civicPickerMap.project(p),
      position,
    );
    const box = (await map.boundingBox())!;
    await this.page.touchscreen.tap(box.x + point.x, box.y + point.y);
    await expect(this.pinStatus).toContainText(/Pin at|Oznaka je|Ознака је/);
  }

  /** Draws a line or an area by tapping its vertices; the last tap repeats the final vertex to finish. */
  async drawShape(kind: "line" | "area", vertices: [number, number][]): Promise<void> {
    await this.page.getByRole("radio", { name: kind === "line" ? "A stretch (line)" : "An area" }).check();
    const map = this.page.getByRole("region", { name: /map for (placing|drawing)/i });
    await this.page.evaluate(
      (p) =>
        (window as unknown as { civicPickerMap: { jumpTo: (o: object) => void } }).civicPickerMap.jumpTo({
          center: p,
          zoom: 17,
        }),
      vertices[0]!,
    );
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const taps =
      kind === "line" ? [...vertices, vertices[vertices.length - 1]!] : [...vertices, vertices[0]!];
    for (const v of taps) {
      const point = await this.page.evaluate(
        (p) =>
          (
            window as unknown as {
              civicPickerMap: { project: (c: [number, number]) => { x: number; y: number } };
            }
          ).civicPickerMap.project(p),
        v,
      );
      await this.page.mouse.click(box.x + point.x, box.y + point.y);
      await this.page.waitForTimeout(150);
    }
  }

  async chooseCategory(name: string): Promise<void> {
    await this.page.getByRole("radio", { name, exact: true }).check();
  }

  async describe(text: string): Promise<void> {
    await this.page.getByLabel(/^Description$|^Opis$|^Опис$/).fill(text);
  }

  async submitAndGetCode(): Promise<string> {
    await this.submit.click();
    await this.page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
    return (await this.page.getByTestId("tracking-code").textContent())!.trim();
  }
}
