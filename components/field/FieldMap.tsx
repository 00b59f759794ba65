"use client";

import { useEffect, useRef } from "react";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { MapUnavailable } from "@/components/map/MapUnavailable";
import { useWebGL } from "@/components/map/webgl-support";
import { statusGroupColours } from "@/lib/map/style";
import { statusGroupOf, type ReportStatus } from "@/lib/workflow/states";

type Item = { id: number; code: string; position: [number, number]; status: ReportStatus };

/**
 * The crew's reports on a map around them (coloured by status group, the list beside it says the
 * status in words), other people's reports faintly from the public tiles, and where the crew stands.
 * A tap on a report opens it. Tells the app which tile URLs the map uses, so they can be kept offline.
 */
export function FieldMap(props: {
  items: Item[];
  position: [number, number] | null;
  municipalityCode: string;
  bbox: [number, number, number, number];
  onOpen: (id: number) => void;
  onTileTemplates: (templates: string[]) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const webgl = useWebGL();
  const mapRef = useOverlayMap({
    container,
    municipalityCode: props.municipalityCode,
    bbox: props.bbox,
    labelKey: "field.map",
    onLoad: (map) => {
      map.addSource("others", {
        type: "vector",
        tiles: [`${window.location.origin}/api/tiles/reports/{z}/{x}/{y}.mvt`],
        minzoom: 12,
        maxzoom: 16,
      });
      map.addLayer({
        id: "others",
        type: "circle",
        source: "others",
        "source-layer": "reports",
        minzoom: 12,
        paint: { "circle-radius": 3, "circle-color": "#7b8794", "circle-opacity": 0.6 },
      });
      map.addSource("mine", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "mine",
        type: "circle",
        source: "mine",
        paint: {
          "circle-radius": 8,
          "circle-color": ["get", "colour"],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      });
      map.addSource("me", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "me",
        type: "circle",
        source: "me",
        paint: {
          "circle-radius": 6,
          "circle-color": "#1a73e8",
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 3,
        },
      });
      map.on("click", "mine", (e) => {
        const id = Number(e.features?.[0]?.properties?.id);
        if (Number.isInteger(id)) latest.current.onOpen(id);
      });
      draw(map, latest.current.items, latest.current.position);
      latest.current.onTileTemplates(tileTemplates(map));
      // For tests and support: the map drew (offline too, from the service worker's cache), and how many of the crew's reports.
      map.once("idle", () => {
        container.current?.setAttribute("data-ready", "true");
        container.current?.setAttribute(
          "data-drawn",
          String(map.queryRenderedFeatures({ layers: ["mine"] }).length),
        );
      });
    },
  });

  useEffect(() => {
    if (mapRef.current?.getSource("mine")) draw(mapRef.current, props.items, props.position);
  }, [props.items, props.position, mapRef]);

  if (!webgl) return <MapUnavailable />;
  return <div ref={container} className="map field-map" data-testid="field-map" />;
}

function draw(map: MapLibreMap, items: Item[], position: [number, number] | null) {
  (map.getSource("mine") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({
      type: "Feature",
      properties: {
        id: i.id,
        code: i.code,
        status: i.status,
        colour: statusGroupColours[statusGroupOf[i.status]],
      },
      geometry: { type: "Point", coordinates: i.position },
    })),
  });
  (map.getSource("me") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: position
      ? [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: position } }]
      : [],
  });
}

/** The tile URL templates of every tiled source the map draws (the basemap's and the reports layer). */
function tileTemplates(map: MapLibreMap): string[] {
  const out: string[] = [];
  for (const id of Object.keys(map.getStyle().sources)) {
    const tiles = (map.getSource(id) as { tiles?: unknown } | undefined)?.tiles;
    if (Array.isArray(tiles)) for (const tpl of tiles) if (typeof tpl === "string") out.push(tpl);
  }
  return out;
}
