"use client";

import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { GeoJSONSource, Marker } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { PinWithoutMap } from "./PinWithoutMap";
import { useWebGL } from "./webgl-support";
import { PickerMapContext, usePickerMap, type PickerMapOptions } from "./use-picker-map";
import { moveBy, round, STEP_METRES, type Position } from "./position";

export type { Position } from "./position";

type Props = Omit<PickerMapOptions, "label"> & {
  label?: string;
  position: Position | null;
  onChange: (position: Position) => void;
  /** Other reports to show next to the pin (duplicate candidates). */
  nearby?: Array<{ code: string; position: Position }>;
  /**
   * Something drawn on the same map (a ShapeDrawer): while it is there, taps belong to the drawing
   * and the pin only shows the drawing's middle.
   */
  drawing?: ReactNode;
};

/**
 * The map where a problem's place is marked with a pin: tap or click to place it, drag it, or
 * focus it and move it with the arrow keys. The pin itself is a focusable control with a label.
 * Without WebGL the place is moved with buttons instead.
 */
export function PointPicker({ position, onChange, nearby, drawing, label, ...options }: Props) {
  const t = useTranslations();
  const { container, mapRef, maplibre, ready } = usePickerMap({
    ...options,
    label: label ?? t("report.mapLabel"),
  });
  const shared = useMemo(() => ({ mapRef, ready }), [mapRef, ready]);
  const markerRef = useRef<Marker | null>(null);
  const onChangeRef = useRef(onChange);
  const tapsPlace = useRef(!drawing);
  const webgl = useWebGL();
  useEffect(() => {
    onChangeRef.current = onChange;
    tapsPlace.current = !drawing;
  });

  // The pin, the taps that place it, and the layer of reports nearby.
  useEffect(() => {
    const map = mapRef.current;
    const lib = maplibre.current;
    if (!map || !lib || !ready) return;
    const element = document.createElement("div");
    element.className = "pin";
    element.tabIndex = 0;
    element.setAttribute("role", "button");
    // The key's name stays as printed on keyboards, in every script.
    element.setAttribute("aria-label", t("report.pinLabel", { key: "Shift" }));
    const marker = new lib.Marker({ element, draggable: true, anchor: "bottom" });
    markerRef.current = marker;
    marker.on("dragend", () => {
      const { lng, lat } = marker.getLngLat();
      onChangeRef.current([round(lng), round(lat)]);
    });
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    element.addEventListener("keydown", (event) => {
      const move = arrows[event.key];
      if (!move) return;
      event.preventDefault();
      event.stopPropagation();
      const { lng, lat } = marker.getLngLat();
      const metres = STEP_METRES * (event.shiftKey ? 5 : 1);
      onChangeRef.current(moveBy([lng, lat], move[0] * metres, move[1] * metres));
    });
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      if (tapsPlace.current) onChangeRef.current([round(e.lngLat.lng), round(e.lngLat.lat)]);
    };
    map.on("click", onClick);
    if (!map.getSource("nearby")) {
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
    }
    return () => {
      map.off("click", onClick);
      marker.remove();
      markerRef.current = null;
    };
    // The pin's label is set once; the texts do not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, mapRef, maplibre]);

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
    const away = !map.getBounds().contains(position);
    if (away || (tapsPlace.current && map.getZoom() < 15)) map.easeTo({ center: position, zoom: 16 });
  }, [position, ready, mapRef]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource("nearby") as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features: (nearby ?? []).map((n) => ({
        type: "Feature",
        properties: { code: n.code },
        geometry: { type: "Point", coordinates: n.position },
      })),
    });
  }, [nearby, ready, mapRef]);

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
      {drawing ? (
        <PickerMapContext.Provider value={shared}>{drawing}</PickerMapContext.Provider>
      ) : (
        <button type="button" className="secondary pin-here" onClick={placeAtCentre} disabled={!ready}>
          {t("report.pinHere")}
        </button>
      )}
    </div>
  );
}
