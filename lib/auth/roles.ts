import { userRole } from "../../db/schema/enums";

export type Role = (typeof userRole.enumValues)[number];

/** Every role but the citizen's works in the staff workspace. */
export const staffRoles: readonly Role[] = userRole.enumValues.filter((r) => r !== "citizen");

/**
 * Who acts on a report. Staff act for the organisations they belong to; the system acts for
 * routing, escalation and automatic closing; a citizen acts on their own reports only; an
 * organisation's external system acts as that organisation's handlers would, on its reports only.
 */
export type Actor =
  | { kind: "staff"; userId: number; role: Role; organisationIds: readonly number[] }
  | { kind: "citizen"; userId: number | null; isReporter: boolean }
  | { kind: "system" }
  // An organisation's own work-order system reporting back over Open311 (lib/open311/client).
  | { kind: "external_system"; organisationId: number };
