import { describe, expect, it } from "vitest";
import { expression } from "@maplibre/maplibre-gl-style-spec";
import {
  CLUSTER_COUNT_IMAGE,
  clickPriority,
  clusterColour,
  clusterLabel,
  formatClusterCount,
  reportLayers,
  reportSources,
} from "../../../lib/map/report-layers";
import { statusGroupColours } from "../../../lib/map/style";
import { MAX_CLUSTER_ZOOM } from "../../../lib/tiles/tile-grid";

const ids = () => reportLayers().map((l) => l.id);

describe("the public map's layers", () => {
  it("draws works sites and open consultations' sites, then drawn shapes, then clusters and their counts, then single reports on top", () => {
    expect(ids()).toEqual([
      "permits-fill",
      "permits-line",
      "consultations-fill",
      "consultations-line",
      "report-shapes-fill",
      "report-shapes-line",
      "report-clusters",
      "report-cluster-counts",
      "reports",
    ]);
  });

  it("gives a click to what is drawn on top: pins and clusters before a consultation's site, before a works site", () => {
    const order = ids();
    expect(clickPriority.every((id) => order.includes(id))).toBe(true);
    // Clusters and single reports never show at the same zoom; each lies above the areas.
    const [clusters, reports, consultations, permits] = clickPriority.map((id) => order.indexOf(id));
    expect(Math.min(clusters!, reports!)).toBeGreaterThan(consultations!);
    expect(consultations!).toBeGreaterThan(permits!);
    expect(clickPriority.slice(0, 2).sort()).toEqual(["report-clusters", "reports"]);
    expect(clickPriority.slice(2)).toEqual(["consultations-fill", "permits-fill"]);
  });

  it("shows clusters up to the cluster zoom and single reports from the next one on", () => {
    const byId = Object.fromEntries(reportLayers().map((l) => [l.id, l]));
    expect(byId["report-clusters"]!.maxzoom).toBe(MAX_CLUSTER_ZOOM + 1);
    expect(byId["report-cluster-counts"]!.maxzoom).toBe(MAX_CLUSTER_ZOOM + 1);
    expect(byId.reports!.minzoom).toBe(MAX_CLUSTER_ZOOM + 1);
  });

  it("colours a cluster with a colour no status uses, so a grey cluster never reads as 'closed'", () => {
    const clusters = reportLayers().find((l) => l.id === "report-clusters")!;
    const paint = clusters.paint as Record<string, unknown>;
    expect(paint["circle-color"]).toBe(clusterColour);
    expect(Object.values(statusGroupColours)).not.toContain(clusterColour);
  });

  it("draws counts as images placed with collision, so two counts never overlap and no font is needed", () => {
    const counts = reportLayers().find((l) => l.id === "report-cluster-counts")!;
    const layout = counts.layout as Record<string, unknown>;
    expect(layout["icon-allow-overlap"]).toBe(false);
    expect(layout["text-field"]).toBeUndefined();
    expect(JSON.stringify(layout["icon-image"])).toContain(CLUSTER_COUNT_IMAGE);
  });

  it("labels counts the same way in the map's expression and in code", () => {
    const label = expression.createExpression(clusterLabel, "layers[7].layout.icon-image");
    if (label.result !== "success") throw new Error("invalid label expression");
    for (const n of [1, 7, 312, 999, 1000, 4249, 9999, 18_400]) {
      const drawn = label.value.evaluate({ zoom: 10 }, {
        type: "Point",
        properties: { count: n },
      } as never);
      expect(drawn).toBe(formatClusterCount(n));
    }
    expect(formatClusterCount(4249)).toBe("4.2k");
    expect(formatClusterCount(18_400)).toBe("18k");
  });

  it("puts the page's filters in every tile address, so each filter has its own cached tiles", () => {
    const sources = reportSources({
      origin: "https://karta.example",
      filterQuery: "show=current&status=open",
    });
    const tiles = Object.values(sources).flatMap((s) => ("tiles" in s ? (s.tiles ?? []) : []));
    expect(tiles).toHaveLength(2);
    for (const url of tiles)
      expect(url).toMatch(/^https:\/\/karta\.example\/api\/tiles\/.+\.mvt\?show=current&status=open$/);
    expect(
      Object.values(reportSources({ origin: "", filterQuery: "" })).flatMap((s) =>
        "tiles" in s ? (s.tiles ?? []) : [],
      ),
    ).toEqual(["/api/tiles/shapes/{z}/{x}/{y}.mvt", "/api/tiles/reports/{z}/{x}/{y}.mvt"]);
  });
});
