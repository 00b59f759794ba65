import type { PermitKind } from "./conflict-matrix";

/**
 * Working days the office has to decide an application, by kind. Building permits: 5 working days
 * (Law on Planning and Construction, art. 8đ, the e-permit procedure). Excavation, occupancy of a
 * public area and events are decided under the General Administrative Procedure Act, whose 30-day
 * limit (art. 145) we keep as 20 working days so the count matches the service-standard calendar.
 */
export const decisionWorkingDays: Record<PermitKind, number> = {
  construction: 5,
  excavation: 20,
  street_occupancy: 20,
  event: 20,
};

/** Registry classification number by kind (the first part of "344-7/2026-IV"). */
export const registryClass: Record<PermitKind, string> = {
  construction: "351",
  excavation: "344",
  street_occupancy: "344",
  event: "351",
};

/** The department (organisation sector) that issues each kind. */
export const issuingSector: Record<PermitKind, string> = {
  construction: "urbanism",
  excavation: "roads",
  street_occupancy: "roads",
  event: "roads",
};
