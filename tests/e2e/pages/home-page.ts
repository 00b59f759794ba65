import { expect, type Locator, type Page } from "@playwright/test";
import { openSiteMenu } from "./site-header";

type RenderedLayerCounts = {
  reports: number;
  clustered: number;
  permits: number;
  boundary: number;
  districts: number;
};

/** The public map page. */
export class HomePage {
  readonly map: Locator;
  readonly section: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole("region", { name: /map of reported|mapa prijavljenih|мапа пријављених/i });
    this.section = page.locator(".map-section");
    this.status = page.locator(".map-status");
  }

  /** The page with its interactive map: phones open on the list, so the map is asked for there. */
  async goto(path = "/"): Promise<void> {
    await this.page.goto(path);
    await this.showMap();
  }

  /** Once hydrated, a phone's "Map" switch (a no-op on wide screens, where the map is always there). */
  async showMap(): Promise<void> {
    // Hydrated: the section knows the screen's width, or it is the list without a map (no WebGL).
    await expect(this.page.locator(".map-section[data-screen], .map-section.without-map")).toHaveCount(1);
    const toggle = this.page.getByRole("button", { name: "Map", exact: true });
    if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-pressed")) !== "true")
      await toggle.click();
  }

  /** MapLibre's chunks this page has fetched so far (it is about 1 MB unpacked, no other chunk is near). */
  async mapLibreChunksLoaded(): Promise<number> {
    return this.page.evaluate(
      () =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
          (e) => e.name.includes("/_next/static/chunks/") && e.decodedBodySize > 500_000,
        ).length,
    );
  }

  /** The reports in view as a list: beside the map on wide screens, behind the "List" switch on phones. */
  async showList(): Promise<Locator> {
    const toggle = this.page.getByRole("button", { name: "List", exact: true });
    if (await toggle.isVisible()) await toggle.click();
    return this.page.getByRole("region", { name: /reports in view/i });
  }

  /** The cluster counts MapLibre placed, with their boxes on screen (collision keeps them apart). */
  async drawnClusterCounts(): Promise<Array<{ count: number; x: number; y: number }>> {
    return this.page.evaluate(() => {
      type Feature = { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } };
      const map = (
        window as unknown as {
          civicMap: {
            queryRenderedFeatures: (o?: object) => Feature[];
            project: (c: [number, number]) => { x: number; y: number };
          };
        }
      ).civicMap;
      return map.queryRenderedFeatures({ layers: ["report-cluster-counts"] }).map((f) => ({
        count: Number(f.properties.count),
        ...map.project(f.geometry.coordinates),
      }));
    });
  }

  async waitForMapReady(): Promise<void> {
    await expect(this.section).toHaveAttribute("data-state", "ready");
  }

  /** Features MapLibre actually drew, per overlay layer (queried from the map, not from the page's data). */
  async renderedCounts(): Promise<RenderedLayerCounts> {
    return this.page.evaluate(() => {
      type Feature = { layer: { id: string }; properties: Record<string, unknown> };
      const map = (window as unknown as { civicMap: { queryRenderedFeatures: (o?: object) => Feature[] } })
        .civicMap;
      const count = (id: string) => map.queryRenderedFeatures({ layers: [id] }).length;
      return {
        reports: count("reports"),
        // Reports inside the clusters drawn at low zoom, by the counts the tiles carry.
        clustered: map
          .queryRenderedFeatures({ layers: ["report-clusters"] })
          .reduce((n, f) => n + Number(f.properties.count), 0),
        permits: count("permits-fill"),
        boundary: count("boundary-line"),
        districts: count("districts-line"),
      };
    });
  }

  /** Moves the map and waits until the data for the new view is drawn. */
  async zoomTo(center: [number, number], zoom: number): Promise<void> {
    const before = Number(await this.section.getAttribute("data-loads"));
    await this.page.evaluate(
      ({ center, zoom }) =>
        (window as unknown as { civicMap: { jumpTo: (o: object) => void } }).civicMap.jumpTo({
          center,
          zoom,
        }),
      { center, zoom },
    );
    // A finished load after the move, however quickly it came.
    await expect
      .poll(async () => Number(await this.section.getAttribute("data-loads")))
      .toBeGreaterThan(before);
    await this.waitForMapReady();
  }

  async chooseLanguage(label: string): Promise<void> {
    await openSiteMenu(this.page);
    await this.page
      .getByRole("navigation", { name: /^(Language and script|Jezik i pismo|Језик и писмо)$/ })
      .getByRole("link", { name: label, exact: true })
      .click();
  }
}
