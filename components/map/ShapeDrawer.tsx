"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LineString, Polygon } from "geojson";
import type { TerraDraw } from "terra-draw";
import "maplibre-gl/dist/maplibre-gl.css";
import { KeyboardDrawing } from "./KeyboardDrawing";
import { shapeBounds } from "@/lib/map/map-view";
import { useWebGL } from "./webgl-support";
import { PickerMapContext, usePickerMap, usePickerMapContext, type PickerMapOptions } from "./use-picker-map";

type DrawProps = {
  mode: "line" | "area";
  /** One shape at a time (a report's stretch, a permit's site): each drawing replaces the last. */
  onShape?: (shape: LineString | Polygon | null) => void;
  /**
   * Several areas at once, which can be reshaped (an organisation's service area): the areas to
   * start from, and the callback that gets every area on the map after each drawing or edit.
   */
  areas?: { initial: Polygon[]; onChange: (polygons: Polygon[]) => void };
};

/**
 * Drawing a line or an area on a picker map, with terra-draw (taps or clicks) or the keyboard
 * (KeyboardDrawing). It attaches to the picker map around it (PickerMapContext): a PointPicker's, or ShapeMap's own.
 */
export function ShapeDrawer({ mode, onShape, areas }: DrawProps) {
  const t = useTranslations("report");
  const { mapRef, ready } = usePickerMapContext();
  const drawRef = useRef<TerraDraw | null>(null);
  const onShapeRef = useRef(onShape);
  const areasRef = useRef(areas);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    onShapeRef.current = onShape;
    areasRef.current = areas;
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    let cancelled = false;
    (async () => {
      const { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode } =
        await import("terra-draw");
      const { TerraDrawMapLibreGLAdapter } = await import("terra-draw-maplibre-gl-adapter");
      if (cancelled) return;
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
      drawRef.current = draw;
      const multiple = areasRef.current;
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
    })();
    return () => {
      cancelled = true;
      try {
        drawRef.current?.stop();
      } catch {
        // The map was removed first (the whole picker is going): nothing left to clean.
      }
      drawRef.current = null;
    };
  }, [mode, ready, mapRef]);

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

  return (
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
        {t(mode === "line" ? "drawHintLine" : editing ? "editHintArea" : "drawHintArea")}
      </p>
      {areas ? (
        <button
          type="button"
          className="secondary"
          onClick={toggleEditing}
          aria-pressed={editing}
          disabled={!ready}
        >
          {t("editShape")}
        </button>
      ) : null}
      <button type="button" className="secondary" onClick={clearShape}>
        {t("clearShape")}
      </button>
    </>
  );
}

/**
 * A map of its own for drawing areas only (a permit's site, a service area): no pin. Without
 * WebGL there is nothing to draw on; the caller's other inputs remain.
 */
export function ShapeMap({
  label,
  ...props
}: Omit<PickerMapOptions, "label"> & DrawProps & { label: string }) {
  const { mode, onShape, areas, ...options } = props;
  const { container, mapRef, ready } = usePickerMap({ ...options, label });
  const shared = useMemo(() => ({ mapRef, ready }), [mapRef, ready]);
  const webgl = useWebGL();
  if (!webgl) return null;
  return (
    <div className="picker" data-state={ready ? "ready" : "loading"}>
      <div ref={container} className="map picker-map" />
      <PickerMapContext.Provider value={shared}>
        <ShapeDrawer mode={mode} onShape={onShape} areas={areas} />
      </PickerMapContext.Provider>
    </div>
  );
}

/** After drawing, the whole shape is in view. */
function fitShape(map: MapLibreMap, shape: LineString | Polygon) {
  map.fitBounds(shapeBounds(shape), { padding: 48, maxZoom: 17 });
}
