import { expect, type Locator, type Page } from "@playwright/test";

type PickerWindow = {
  civicPickerMap: {
    jumpTo: (o: object) => void;
    isMoving: () => boolean;
    project: (c: [number, number]) => { x: number; y: number };
  };
};

/**
 * The citizen's report flow (/report): one step per screen. Every tap a citizen would make goes
 * through `tap()`, which counts it, so a test can say how many taps filing took.
 */
export class ReportPage {
  readonly picker: Locator;
  readonly pinStatus: Locator;
  readonly heading: Locator;
  readonly continueButton: Locator;
  readonly submit: Locator;
  /** Taps (clicks, Enter on a button, a photo chosen) made through this page object. */
  taps = 0;

  constructor(readonly page: Page) {
    this.picker = page.locator(".picker");
    this.pinStatus = page.getByTestId("pin-status");
    this.heading = page.getByTestId("flow-heading");
    this.continueButton = page.locator(".flow-actions button.primary");
    this.submit = page.getByRole("button", { name: /^(send report|pošalji prijavu|пошаљи пријаву)$/i });
  }

  /**
   * The flow with its map, in a locale chosen by its address (`/sr-Cyrl/report`) or in the browser's
   * language. A phone asks for the map first ("Choose on the map"; before the pin, so not counted).
   */
  async goto(locale?: "sr-Latn" | "sr-Cyrl" | "en"): Promise<void> {
    await this.page.goto(locale ? `/${locale}/report` : "/report");
    await this.chooseOnMap();
    await expect(this.picker).toHaveAttribute("data-state", "ready");
  }

  /** On a phone (once hydrated), "Choose on the map"; wide screens have the map already. */
  async chooseOnMap(): Promise<void> {
    await expect(this.page.locator(".report-flow")).toHaveAttribute("data-screen", /^(wide|phone)$/);
    const choose = this.page.getByRole("button", {
      name: /^(Choose on the map|Izaberi na mapi|Изабери на мапи)$/,
    });
    if (await choose.isVisible()) await choose.click();
  }

  /** A tap the citizen makes, counted. */
  async tap(target: Locator): Promise<void> {
    await target.click();
    this.taps += 1;
  }

  /** The step shown: its number (1–5) read from the heading, which has the focus after a move. */
  async expectStep(n: number, { focused = true } = {}): Promise<void> {
    await expect(this.heading).toContainText(new RegExp(`(Step|Korak|Корак) ${n} (of|od|од) 5`));
    if (focused) await expect(this.heading).toBeFocused();
  }

  /** Taps the map where a coordinate is drawn (the real tap path, through MapLibre's click handler). */
  async tapMapAt(position: [number, number]): Promise<void> {
    const map = this.page.getByRole("region", {
      name: /map for placing|mapa za označavanje|мапа за означавање/i,
    });
    await map.scrollIntoViewIfNeeded();
    await this.jumpTo(position);
    const point = await this.project(position);
    const box = (await map.boundingBox())!;
    // A finger on a phone, the mouse on a desktop.
    if (await this.page.evaluate(() => navigator.maxTouchPoints > 0))
      await this.page.touchscreen.tap(box.x + point.x, box.y + point.y);
    else await this.page.mouse.click(box.x + point.x, box.y + point.y);
    await expect(this.pinStatus).toContainText(/Pin at|Oznaka je|Ознака је/);
  }

  /** Draws a line or an area by tapping its vertices; the last tap repeats the final vertex to finish. */
  async drawShape(kind: "line" | "area", vertices: [number, number][]): Promise<void> {
    await this.page.getByRole("radio", { name: kind === "line" ? "A stretch (line)" : "An area" }).check();
    const map = this.page.getByRole("region", { name: /map for (placing|drawing)/i });
    await this.jumpTo(vertices[0]!);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const taps =
      kind === "line" ? [...vertices, vertices[vertices.length - 1]!] : [...vertices, vertices[0]!];
    for (const v of taps) {
      const point = await this.project(v);
      await this.page.mouse.click(box.x + point.x, box.y + point.y);
      await this.page.waitForTimeout(150);
    }
  }

  /** Step 1 → 2. */
  async continueFromPlace(): Promise<void> {
    await this.tap(this.continueButton);
    await this.expectStep(2);
  }

  /**
   * Taps a category on step 2; with no open report of its kind nearby the flow moves on to step 3.
   * When some are offered (the demo's own reports), the citizen taps "Not listed" unless the test
   * expects the offer.
   */
  async chooseCategory(name: string, { expectNearby = false } = {}): Promise<void> {
    await this.tap(this.page.getByRole("button", { name, exact: true }).first());
    if (expectNearby) return;
    const nearby = this.page.locator(".nearby");
    await expect(this.heading.or(nearby).first()).toBeVisible();
    await expect
      .poll(async () => (await nearby.isVisible()) || /\b3 (of|od|од) 5/.test(await this.heading.innerText()))
      .toBe(true);
    if (await nearby.isVisible()) await this.tap(this.continueButton);
    await this.expectStep(3);
  }

  async attachPhoto(buffer: Buffer, name = "photo.jpg"): Promise<void> {
    await this.page
      .getByLabel(/^(Photos \(up to 3\)|Fotografije \(do 3\)|Фотографије \(до 3\))$/)
      .setInputFiles({ name, mimeType: "image/jpeg", buffer });
    this.taps += 1;
    await expect(this.page.locator(".photo-previews img")).toHaveCount(1);
  }

  async describe(text: string): Promise<void> {
    await this.page.getByLabel(/^Description$|^Opis$|^Опис$/).fill(text);
  }

  /** Steps 3 → 4 → 5, optionally with an email on the way. */
  async continueToReview(email?: string): Promise<void> {
    await this.tap(this.continueButton);
    await this.expectStep(4);
    if (email) await this.page.getByLabel(/^(Email|E-pošta|Е-пошта)$/).fill(email);
    await this.tap(this.continueButton);
    await this.expectStep(5);
  }

  async submitAndGetCode(): Promise<string> {
    await this.tap(this.submit);
    await this.page.waitForURL(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}\?filed=1$/);
    return (await this.page.getByTestId("tracking-code").textContent())!.trim();
  }

  private async jumpTo(position: [number, number]): Promise<void> {
    await this.page.evaluate(
      (p) => (window as unknown as PickerWindow).civicPickerMap.jumpTo({ center: p, zoom: 17 }),
      position,
    );
    await this.page.waitForFunction(() => !(window as unknown as PickerWindow).civicPickerMap.isMoving());
  }

  private async project(position: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((p) => (window as unknown as PickerWindow).civicPickerMap.project(p), position);
  }
}
