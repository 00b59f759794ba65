import { expect, test } from "./fixtures";
import en from "../../messages/en.json";
import { HomePage } from "./pages/home-page";

// The demo's open consultation in Ćuprija sits on a permit's works site (db/seed/seed-demo.ts).
test("the home map shows the open consultation's site, the legend links to all consultations, and selecting the site opens the consultation", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.goto("/en");
  await home.waitForMapReady();
  await expect(page.getByTestId("legend-consultations")).toContainText(en.legend.consultations);
  await expect(
    page.getByTestId("legend-consultations").getByRole("link", { name: en.legend.consultationsLink }),
  ).toHaveAttribute("href", "/consultations");

  const collection = await (await page.request.get("/api/municipalities/cuprija/consultations")).json();
  expect(collection.features).toHaveLength(1);
  const site = collection.features[0];
  const ring = site.geometry.coordinates[0][0] as Array<[number, number]>;
  const corners = ring.slice(0, -1);
  const centre: [number, number] = [
    corners.reduce((s, p) => s + p[0], 0) / corners.length,
    corners.reduce((s, p) => s + p[1], 0) / corners.length,
  ];
  await home.zoomTo(centre, 17);
  const drawn = await page.evaluate(
    () =>
      (
        window as unknown as { civicMap: { queryRenderedFeatures: (o: object) => unknown[] } }
      ).civicMap.queryRenderedFeatures({ layers: ["consultations-fill"] }).length,
  );
  expect(drawn).toBeGreaterThan(0);

  // Select the site where no report pin is: the consultation opens.
  const point = await page.evaluate((c) => {
    type M = {
      project: (c: [number, number]) => { x: number; y: number };
      queryRenderedFeatures: (p: [number, number], o: object) => unknown[];
      getCanvas: () => HTMLCanvasElement;
    };
    const map = (window as unknown as { civicMap: M }).civicMap;
    const box = map.getCanvas().getBoundingClientRect();
    const centre = map.project(c);
    for (let dx = 0; dx < 40; dx += 4)
      for (const [x, y] of [
        [centre.x + dx, centre.y],
        [centre.x - dx, centre.y],
        [centre.x, centre.y + dx],
        [centre.x, centre.y - dx],
      ] as Array<[number, number]>) {
        const here = map.queryRenderedFeatures([x, y], {});
        const ids = here.map((f) => (f as { layer: { id: string } }).layer.id);
        if (ids.includes("consultations-fill") && !ids.includes("reports"))
          return { x: box.left + x, y: box.top + y };
      }
    return null;
  }, centre);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await page.waitForURL(new RegExp(`/consultations/${site.properties.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(site.properties.title);
});
