"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ExpressionSpecification, Map as MapLibreMap, GeoJSONSource } from "maplibre-gl";
import type { MultiPolygon, Polygon } from "geojson";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { MapUnavailable } from "@/components/map/MapUnavailable";
import { useWebGL } from "@/components/map/webgl-support";
import { permitColour } from "@/lib/map/style";

type Item = { id: number; reference: string; status: string; site: MultiPolygon };
type Conflict = { id: number; reference: string; site: MultiPolygon; overlap?: MultiPolygon | Polygon };

const CONFLICT_COLOUR = "#c5221f";
// Below this zoom a works site of a few dozen metres is a speck: it gets a marker as well.
const MARKER_MAX_ZOOM = 15;

/**
 * The register's permits on a map; a click opens one. The list beside it is the keyboard's way.
 * On a permit's page, the permits it conflicts with are drawn too (red, dashed) with the area in
 * common filled, matching the conflict list above the map.
 */
export function PermitsMap({
  items,
  conflicts = [],
  municipalityCode,
  bbox,
}: {
  items: Item[];
  conflicts?: Conflict[];
  municipalityCode: string;
  bbox: [number, number, number, number];
}) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const routerRef = useRef(router);
  const itemsRef = useRef(items);
  const conflictsRef = useRef(conflicts);
  useEffect(() => {
    routerRef.current = router;
    itemsRef.current = items;
    conflictsRef.current = conflicts;
  });

  const webgl = useWebGL();
  const mapRef = useOverlayMap({
    container,
    municipalityCode,
    bbox,
    labelKey: "permits.mapLabel",
    onLoad: (map) => {
      map.addSource("register", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      const pending: ExpressionSpecification = [
        "in",
        ["get", "status"],
        ["literal", ["applied", "under_review"]],
      ];
      map.addLayer({
        id: "register-fill",
        type: "fill",
        source: "register",
        paint: { "fill-color": ["case", pending, "#b06000", permitColour], "fill-opacity": 0.35 },
      });
      map.addLayer({
        id: "register-line",
        type: "line",
        source: "register",
        paint: { "line-color": ["case", pending, "#b06000", permitColour], "line-width": 1.5 },
      });
      map.addSource("register-marks", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "register-marks",
        type: "circle",
        source: "register-marks",
        maxzoom: MARKER_MAX_ZOOM,
        paint: {
          "circle-radius": 6,
          "circle-color": ["case", pending, "#b06000", permitColour],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      });
      map.addSource("conflicts", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "conflicts-fill",
        type: "fill",
        source: "conflicts",
        filter: ["==", ["get", "part"], "overlap"],
        paint: { "fill-color": CONFLICT_COLOUR, "fill-opacity": 0.45 },
      });
      map.addLayer({
        id: "conflicts-line",
        type: "line",
        source: "conflicts",
        filter: ["==", ["get", "part"], "site"],
        paint: { "line-color": CONFLICT_COLOUR, "line-width": 2.5, "line-dasharray": [2, 1.5] },
      });
      for (const layer of ["register-fill", "register-marks", "conflicts-line"]) {
        map.on("click", layer, (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (id) routerRef.current.push(`/staff/permits/${id}`);
        });
      }
      setData(map, itemsRef.current, conflictsRef.current);
      // For tests and support: how many conflicting sites are on the map.
      map.once("idle", () =>
        container.current?.setAttribute(
          "data-conflicts-drawn",
          String(
            new Set(map.queryRenderedFeatures({ layers: ["conflicts-line"] }).map((f) => f.properties?.id))
              .size,
          ),
        ),
      );
    },
  });

  useEffect(() => {
    if (mapRef.current?.getSource("register")) setData(mapRef.current, items, conflicts);
  }, [items, conflicts, mapRef]);

  if (!webgl) return <MapUnavailable />;
  return (
    <div
      ref={container}
      className="map queue-map"
      data-testid="permits-map"
      data-conflicts={conflicts.length}
    />
  );
}

function setData(map: MapLibreMap, items: Item[], conflicts: Conflict[]) {
  (map.getSource("register") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({
      type: "Feature",
      properties: { id: i.id, reference: i.reference, status: i.status },
      geometry: i.site,
    })),
  });
  (map.getSource("register-marks") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({
      type: "Feature",
      properties: { id: i.id, reference: i.reference, status: i.status },
      geometry: { type: "Point", coordinates: centreOf(i.site) },
    })),
  });
  (map.getSource("conflicts") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: conflicts.flatMap((c) => [
      {
        type: "Feature" as const,
        properties: { id: c.id, reference: c.reference, part: "site" },
        geometry: c.site,
      },
      ...(c.overlap
        ? [
            {
              type: "Feature" as const,
              properties: { id: c.id, reference: c.reference, part: "overlap" },
              geometry: c.overlap,
            },
          ]
        : []),
    ]),
  });
}

/** The middle of a site's bounding box: where its marker goes when the site is too small to see. */
function centreOf(site: MultiPolygon): [number, number] {
  const positions = site.coordinates.flat(2);
  const xs = positions.map((p) => p[0]!);
  const ys = positions.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
