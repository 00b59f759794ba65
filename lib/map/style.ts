import type { StyleSpecification } from "maplibre-gl";
import type { StatusGroup } from "../workflow/states";

/**
 * The bundled basemap: a plain background, no tiles, no fonts. Used when the configured style
 * cannot be fetched (offline, CI, a blocked network); the boundary, districts, permits and reports
 * are overlays drawn on top of whichever basemap is in use.
 */
export const fallbackStyle: StyleSpecification = {
  version: 8,
  name: "Bundled fallback",
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#eef0ea" } }],
};

/** Colours chosen to stay apart for the common forms of colour blindness; shapes differ too (legend). */
export const statusGroupColours: Record<StatusGroup, string> = {
  open: "#c5221f",
  in_progress: "#e37400",
  resolved: "#1e8e3e",
  closed: "#5f6368",
};

export const permitColour = "#6a3fb5";

/** Open consultations' sites: a teal apart from the status, permit and cluster colours, outlined dashed. */
export const consultationColour = "#00838f";
export const consultationDash = [2, 1.5];

export type BaseStyle = { style: StyleSpecification | string; fallback: boolean };

/** Fetches the configured style with a deadline; anything but a valid style means the fallback. */
export async function loadBaseStyle(url: string, timeoutMs: number): Promise<BaseStyle> {
  if (!url || url === "bundled") return { style: fallbackStyle, fallback: true };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { style: fallbackStyle, fallback: true };
    const style = (await response.json()) as StyleSpecification;
    if (style?.version !== 8 || !Array.isArray(style.layers)) return { style: fallbackStyle, fallback: true };
    return { style, fallback: false };
  } catch {
    return { style: fallbackStyle, fallback: true };
  }
}
