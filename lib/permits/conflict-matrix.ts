/**
 * Which kinds of works cannot share a site at the same time. Symmetric; listed once per pair.
 * Scaffolding or a skip on a building's own construction site is part of that site, so street
 * occupancy does not conflict with construction; every other pair does, and an event conflicts
 * with any works.
 */
export type PermitKind = "construction" | "excavation" | "street_occupancy" | "event";

export const permitKinds: readonly PermitKind[] = ["construction", "excavation", "street_occupancy", "event"];

export const conflictingKindPairs: ReadonlyArray<readonly [PermitKind, PermitKind]> = [
  ["construction", "construction"],
  ["construction", "excavation"],
  ["construction", "event"],
  ["excavation", "excavation"],
  ["excavation", "street_occupancy"],
  ["excavation", "event"],
  ["street_occupancy", "street_occupancy"],
  ["street_occupancy", "event"],
  ["event", "event"],
];

export function kindsConflict(a: PermitKind, b: PermitKind): boolean {
  return conflictingKindPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The kinds a new permit of `kind` conflicts with (for the query's `kind in (…)`). */
export function kindsConflictingWith(kind: PermitKind): PermitKind[] {
  return permitKinds.filter((other) => kindsConflict(kind, other));
}

/** Kinds of works a report at the site is probably about: their holder hears of it. */
export const reportLinkedKinds: readonly PermitKind[] = ["excavation", "construction"];

/** Reports this close to an active site (metres, geography) are linked to its permit. */
export const REPORT_LINK_RADIUS_METRES = 10;
