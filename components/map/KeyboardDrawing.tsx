"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import "./keyboard-drawing.css";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { LineString, Polygon } from "geojson";
import { buildDrawnShape, type DrawMode } from "./keyboard-shape";

type Position = [number, number];

const DRAFT = "keyboard-draft";

/**
 * Drawing a line or an area without a pointer: the map's centre (a crosshair) is the cursor; the
 * arrow keys move the map (MapLibre's own keyboard panning), Enter adds a point at the centre,
 * Backspace takes the last one back, F finishes. The same actions are buttons, and every step is
 * announced in a live region so a screen reader hears how many points there are.
 */
export function KeyboardDrawing({
  mapRef,
  ready,
  mode,
  onShape,
}: {
  mapRef: RefObject<MapLibreMap | null>;
  ready: boolean;
  mode: DrawMode;
  onShape: (shape: LineString | Polygon) => void;
}) {
  const t = useTranslations("report");
  const [points, setPoints] = useState<Position[]>([]);
  const [message, setMessage] = useState("");
  const pointsRef = useRef(points);
  const actions = useRef({ add: () => {}, undo: () => {}, finish: () => {} });

  const draw = (next: Position[], done = false) => {
    pointsRef.current = next;
    setPoints(next);
    const source = mapRef.current?.getSource(DRAFT) as GeoJSONSource | undefined;
    const shape = next.length >= 2 ? buildDrawnShape(mode, next, done) : null;
    source?.setData({
      type: "FeatureCollection",
      features: [
        ...next.map((coordinates) => ({
          type: "Feature" as const,
          properties: {},
          geometry: { type: "Point" as const, coordinates },
        })),
        ...(shape ? [{ type: "Feature" as const, properties: {}, geometry: shape }] : []),
      ],
    });
  };

  // Rebound after every render, so the keys on the map act with the current texts and mode.
  useEffect(() => {
    actions.current.add = () => {
      const map = mapRef.current;
      if (!map) return;
      const c = map.getCenter();
      const next = [...pointsRef.current, [round(c.lng), round(c.lat)] as Position];
      draw(next);
      setMessage(t("keyboardPointAdded", { count: next.length }));
    };
    actions.current.undo = () => {
      if (pointsRef.current.length === 0) return;
      const next = pointsRef.current.slice(0, -1);
      draw(next);
      setMessage(t("keyboardPointRemoved", { count: next.length }));
    };
    actions.current.finish = () => {
      const needed = mode === "line" ? 2 : 3;
      if (pointsRef.current.length < needed) {
        setMessage(t("keyboardNeedMore", { count: needed }));
        return;
      }
      const shape = buildDrawnShape(mode, pointsRef.current, true);
      draw([]);
      setMessage(t(mode === "line" ? "keyboardFinishedLine" : "keyboardFinishedArea"));
      onShape(shape);
    };
  });

  // The draft layers, and the keys on the map while it has the keyboard focus.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (!map.getSource(DRAFT)) {
      map.addSource(DRAFT, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: `${DRAFT}-line`,
        type: "line",
        source: DRAFT,
        filter: ["!=", ["geometry-type"], "Point"],
        paint: { "line-color": "#1a3d6d", "line-width": 3, "line-dasharray": [2, 1] },
      });
      map.addLayer({
        id: `${DRAFT}-points`,
        type: "circle",
        source: DRAFT,
        filter: ["==", ["geometry-type"], "Point"],
        paint: {
          "circle-radius": 5,
          "circle-color": "#1a3d6d",
          "circle-stroke-color": "#fff",
          "circle-stroke-width": 2,
        },
      });
    }
    // The cursor: a crosshair over the map's centre, where Enter adds the next point.
    const crosshair = document.createElement("span");
    crosshair.className = "map-crosshair";
    crosshair.setAttribute("aria-hidden", "true");
    map.getContainer().appendChild(crosshair);
    const canvas = map.getCanvas();
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      const action = key === "enter" ? "add" : key === "backspace" ? "undo" : key === "f" ? "finish" : null;
      if (!action) return;
      event.preventDefault();
      actions.current[action]();
    };
    canvas.addEventListener("keydown", onKey);
    return () => {
      canvas.removeEventListener("keydown", onKey);
      crosshair.remove();
      // A new mode (the parent remounts this per mode) starts a new drawing.
      try {
        (map.getSource(DRAFT) as GeoJSONSource | undefined)?.setData({
          type: "FeatureCollection",
          features: [],
        });
      } catch {
        // The map itself is already gone.
      }
    };
  }, [mapRef, ready]);

  return (
    <div className="keyboard-drawing" data-testid="keyboard-drawing" data-points={points.length}>
      <p className="hint">{t("keyboardHint")}</p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => actions.current.add()} disabled={!ready}>
          {t("keyboardAdd")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => actions.current.undo()}
          disabled={!ready || points.length === 0}
        >
          {t("keyboardUndo")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => actions.current.finish()}
          disabled={!ready}
        >
          {t(mode === "line" ? "keyboardFinishLine" : "keyboardFinishArea")}
        </button>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="keyboard-drawing-status">
        {message}
      </p>
    </div>
  );
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
