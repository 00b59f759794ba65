"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import type { LineString, Polygon } from "geojson";
import type { TerraDraw } from "terra-draw";
import "maplibre-gl/dist/maplibre-gl.css";
import { addAreaOverlay, createBaseMap } from "./create-map";
import { KeyboardDrawing } from "./KeyboardDrawing";
import { PinWithoutMap } from "./PinWithoutMap";
import { useWebGL } from "./webgl-support";
import { shapeBounds } from "./report-shape-layers";

export type Position = [number, number];

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  styleUrl: string;
  styleTimeoutMs: number;
  position: Position | null;
  onChange: (position: Position) => void;
  /** Other reports to show next to the pin (duplicate candidates). */
  nearby?: Array<{ code: string; position: Position }>;
  /** Marking a point (the pin), or drawing a line or an area. */
  mode?: "point" | "line" | "area";
  onShape?: (shape: LineString | Polygon | null) => void;
  /**
   * Several areas at once, which can be reshaped (an organisation's service area): the areas to
   * start from, and the callback that gets every area on the map after each drawing or edit.
   */
  areas?: { initial: Polygon[]; onChange: (polygons: Polygon[]) => void };
  /** The map's accessible name when it is for something else than a report (a permit's site…). */
  label?: string;
  /** Open at street zoom on this point (the town centre, the reader's position) instead of the whole bbox. */
  center?: Position;
};

/** Metres per arrow-key press; Shift moves five times as far. */
const STEP_METRES = 10;

/**
 * The map where a citizen puts the pin: tap or click to place it, drag it, or focus it and move it
 * with the arrow keys. The pin itself is a focusable control with a label.
 */
export function LocationPicker({
  municipalityCode,
  bbox,
  styleUrl,
  styleTimeoutMs,
  position,
  onChange,
  nearby,
  mode = "point",
  onShape,
  areas,
  label,
  center,
}: Props) {
  const t = useTranslations();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onChangeRef = useRef(onChange);
  const onShapeRef = useRef(onShape);
  const modeRef = useRef(mode);
  const drawRef = useRef<TerraDraw | null>(null);
  const tRef = useRef(t);
  const areasRef = useRef(areas);
  const [ready, setReady] = useState(false);
  const [editing, setEditing] = useState(false);
  const webgl = useWebGL();
  // Only the first centre opens the map; later ones move it (the reader's position found late).
  const [initialCentre] = useState(center);
  useEffect(() => {
    areasRef.current = areas;
    onChangeRef.current = onChange;
    onShapeRef.current = onShape;
    modeRef.current = mode;
    tRef.current = t;
  });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (!container.current) return;
      const { map, maplibregl } = await createBaseMap({
        container: container.current,
        ...(initialCentre ? { center: initialCentre, zoom: 16 } : { bounds: bbox }),
        styleUrl,
        styleTimeoutMs,
        label: label ?? tRef.current("report.mapLabel"),
        t: (key) => tRef.current(key as never),
      });
      if (cancelled) {
        map.remove();
        return;
      }
      mapRef.current = map;
      (window as unknown as { civicPickerMap?: MapLibreMap }).civicPickerMap = map;

      const element = document.createElement("div");
      element.className = "pin";
      element.tabIndex = 0;
      element.setAttribute("role", "button");
      // The key's name stays as printed on keyboards, in every script.
      element.setAttribute("aria-label", tRef.current("report.pinLabel", { key: "Shift" }));
      const marker = new maplibregl.Marker({ element, draggable: true, anchor: "bottom" });
      markerRef.current = marker;
      marker.on("dragend", () => {
        const { lng, lat } = marker.getLngLat();
        onChangeRef.current([round(lng), round(lat)]);
      });
      element.addEventListener("keydown", (event) => {
        const moves: Record<string, [number, number]> = {
          ArrowUp: [0, 1],
          ArrowDown: [0, -1],
          ArrowLeft: [-1, 0],
          ArrowRight: [1, 0],
        };
        const move = moves[event.key];
        if (!move) return;
        event.preventDefault();
        event.stopPropagation();
        const { lng, lat } = marker.getLngLat();
        const metres = STEP_METRES * (event.shiftKey ? 5 : 1);
        const next: Position = [
          round(lng + (move[0] * metres) / (111_320 * Math.cos((lat * Math.PI) / 180))),
          round(lat + (move[1] * metres) / 111_320),
        ];
        onChangeRef.current(next);
      });

      map.on("click", (e) => {
        // While drawing, clicks belong to the drawing.
        if (modeRef.current === "point") onChangeRef.current([round(e.lngLat.lng), round(e.lngLat.lat)]);
      });
      map.on("load", async () => {
        await addAreaOverlay(map, municipalityCode).catch(() => undefined);
        map.addSource("nearby", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
        map.addLayer({
          id: "nearby",
          type: "circle",
          source: "nearby",
          paint: {
            "circle-radius": 7,
            "circle-color": "#e37400",
            "circle-stroke-color": "#fff",
            "circle-stroke-width": 2,
          },
        });
        if (!cancelled) setReady(true);
      });
    })();
    return () => {
      cancelled = true;
      drawRef.current?.stop();
      drawRef.current = null;
      markerRef.current?.remove();
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [municipalityCode, bbox, styleUrl, styleTimeoutMs, label, initialCentre]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !center || center === initialCentre) return;
    map.easeTo({ center, zoom: Math.max(map.getZoom(), 16) });
  }, [center, initialCentre, ready]);

  // Keep the pin where the form says it is.
  useEffect(() => {
    const map = mapRef.current;
    const marker = markerRef.current;
    if (!map || !marker || !ready) return;
    if (!position) {
      marker.remove();
      return;
    }
    marker.setLngLat(position);
    // Re-adding would detach the pin from the page and drop keyboard focus from it.
    if (!marker.getElement().isConnected) marker.addTo(map);
    // Close enough to see the street the pin is on. While drawing, only a place found elsewhere
    // (a search) moves the map: a finished shape was already fitted whole.
    if (modeRef.current !== "point") {
      if (!map.getBounds().contains(position)) map.easeTo({ center: position, zoom: 16 });
      return;
    }
    if (map.getZoom() < 15 || !map.getBounds().contains(position)) map.easeTo({ center: position, zoom: 16 });
  }, [position, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const source = map.getSource("nearby") as import("maplibre-gl").GeoJSONSource | undefined;
    source?.setData({
      type: "FeatureCollection",
      features: (nearby ?? []).map((n) => ({
        type: "Feature",
        properties: { code: n.code },
        geometry: { type: "Point", coordinates: n.position },
      })),
    });
  }, [nearby, ready]);

  // Drawing a line or an area with terra-draw; the finished shape goes to the form.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (mode === "point") {
      if (drawRef.current) {
        drawRef.current.stop();
        drawRef.current = null;
        onShapeRef.current?.(null);
      }
      return;
    }
    let cancelled = false;
    (async () => {
      const { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode } =
        await import("terra-draw");
      const { TerraDrawMapLibreGLAdapter } = await import("terra-draw-maplibre-gl-adapter");
      if (cancelled) return;
      drawRef.current?.stop();
      const multiple = areasRef.current;
      const draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          new TerraDrawLineStringMode(),
          new TerraDrawPolygonMode(),
          // Reshaping: drag a corner, or a midpoint to add one; the whole area does not move.
          new TerraDrawSelectMode({
            flags: {
              polygon: {
                feature: {
                  draggable: false,
                  coordinates: { draggable: true, midpoints: true, deletable: true },
                },
              },
            },
          }),
        ],
      });
      draw.start();
      draw.setMode(mode === "line" ? "linestring" : "polygon");
      if (multiple) {
        draw.addFeatures(
          multiple.initial.map((geometry) => ({
            type: "Feature" as const,
            geometry,
            properties: { mode: "polygon" },
          })),
        );
        draw.on("finish", () => {
          multiple.onChange(
            draw
              .getSnapshot()
              .filter((f) => f.geometry.type === "Polygon")
              .map((f) => f.geometry as Polygon),
          );
        });
        drawRef.current = draw;
        return;
      }
      draw.on("finish", (id) => {
        const feature = draw.getSnapshotFeature(id);
        if (!feature) return;
        // One shape at a time: drawing again replaces it.
        const others = draw
          .getSnapshot()
          .filter((f) => f.id !== id)
          .map((f) => f.id!);
        if (others.length) draw.removeFeatures(others);
        onShapeRef.current?.(feature.geometry as LineString | Polygon);
        fitShape(map, feature.geometry as LineString | Polygon);
      });
      drawRef.current = draw;
    })();
    return () => {
      cancelled = true;
    };
  }, [mode, ready]);

  // The map's accessible name says what it is for: the pin, a line or an area.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || label) return;
    const key =
      mode === "line" ? "report.mapLabelLine" : mode === "area" ? "report.mapLabelArea" : "report.mapLabel";
    map.getCanvas().setAttribute("aria-label", tRef.current(key));
  }, [mode, ready, label]);

  const clearShape = () => {
    drawRef.current?.clear();
    onShapeRef.current?.(null);
    areasRef.current?.onChange([]);
  };

  const toggleEditing = () => {
    const next = !editing;
    drawRef.current?.setMode(next ? "select" : "polygon");
    setEditing(next);
  };

  const placeAtCentre = () => {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    onChange([round(c.lng), round(c.lat)]);
    // Hand the keyboard to the pin so the arrow keys move it next.
    requestAnimationFrame(() => markerRef.current?.getElement().focus());
  };

  if (!webgl) return <PinWithoutMap position={position} onChange={onChange} />;
  return (
    <div className="picker" data-state={ready ? "ready" : "loading"}>
      <div ref={container} className="map picker-map" />
      {mode === "point" ? (
        <button type="button" className="secondary" onClick={placeAtCentre} disabled={!ready}>
          {t("report.pinHere")}
        </button>
      ) : (
        <>
          {areas ? null : (
            <KeyboardDrawing
              key={mode}
              mapRef={mapRef}
              ready={ready}
              mode={mode}
              onShape={(shape) => {
                // One shape at a time: a keyboard drawing replaces a pointer one.
                drawRef.current?.clear();
                onShapeRef.current?.(shape);
                if (mapRef.current) fitShape(mapRef.current, shape);
              }}
            />
          )}
          <p className="hint">
            {t(
              mode === "line"
                ? "report.drawHintLine"
                : editing
                  ? "report.editHintArea"
                  : "report.drawHintArea",
            )}
          </p>
          {areas ? (
            <button
              type="button"
              className="secondary"
              onClick={toggleEditing}
              aria-pressed={editing}
              disabled={!ready}
            >
              {t("report.editShape")}
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={clearShape}>
            {t("report.clearShape")}
          </button>
        </>
      )}
    </div>
  );
}

/** After drawing, the whole shape is in view. */
function fitShape(map: MapLibreMap, shape: LineString | Polygon) {
  map.fitBounds(shapeBounds(shape), { padding: 48, maxZoom: 17 });
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
