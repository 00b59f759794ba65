/**
 * Phones and the interactive map: on a narrow screen the map pages open on their list (and a light
 * overview) and fetch MapLibre (~290 KiB gzipped, seconds of work on a modest phone) only when the
 * reader asks for the map. The choice is remembered on the device, so someone who prefers the map
 * gets it straight away next time. Wide screens always have the map.
 */

/** The width from which the map pages show the map beside the list (the phone breakpoint in the CSS). */
export const WIDE_SCREEN_QUERY = "(min-width: 900px)";

export type MapChoice = "map" | "list";

export function isMapChoice(value: unknown): value is MapChoice {
  return value === "map" || value === "list";
}

/**
 * What a map page shows first. Wide screens: the map. A link to a map view (`?at=` on the home
 * page) was shared as a map, so it opens as one. Otherwise what this device chose last, else the list.
 */
export function initialMapChoice(input: {
  wide: boolean;
  stored: string | null;
  linkedView?: boolean;
}): MapChoice {
  if (input.wide || input.linkedView) return "map";
  return isMapChoice(input.stored) ? input.stored : "list";
}
