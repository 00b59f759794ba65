"use client";

import { useCallback } from "react";
import { formatMapView, type MapView } from "@/lib/map/map-view";

/**
 * The map's view in the page's address (`?at=lng,lat,zoom`), so the map as seen can be linked to
 * and comes back on reload or "back". Replaces the history entry: panning adds no entries.
 */
export function useMapViewUrl(): (view: MapView) => void {
  return useCallback((view: MapView) => {
    const url = new URL(window.location.href);
    url.searchParams.set("at", formatMapView(view));
    // Commas stay readable in a shared link.
    url.search = url.searchParams.toString().replace(/%2C/g, ",");
    window.history.replaceState(window.history.state, "", url);
  }, []);
}
