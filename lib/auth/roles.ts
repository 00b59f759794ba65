import { userRole } from "../../db/schema/enums";

export type Role = (typeof userRole.enumValues)[number];

/** Every role but the citizen's works in the staff workspace. */
export const staffRoles: readonly Role[] = userRole.enumValues.filter((r) => r !== "citizen");

/** A role as it counts for an action: where it was granted. */
export type ActorMembership = { role: Role; organisationId: number | null; municipalityId: number };

/**
 * Who acts on a report. Staff act with each role in the scope it was granted in (an agent of one
 * municipality's contact centre is no agent in another, where they may be an inspector); the
 * system acts for routing, escalation and automatic closing; a citizen acts on their own reports
 * only; an organisation's external system acts as that organisation's handlers would, on its
 * reports only.
 */
export type Actor =
  | { kind: "staff"; userId: number; memberships: readonly ActorMembership[] }
  | { kind: "citizen"; userId: number | null; isReporter: boolean }
  | { kind: "system" }
  // An organisation's own work-order system reporting back over Open311 (lib/open311/client).
  | { kind: "external_system"; organisationId: number };

/** The organisations a staff actor works for, in any role. */
export function actorOrganisationIds(actor: Extract<Actor, { kind: "staff" }>): number[] {
  return [
    ...new Set(actor.memberships.flatMap((m) => (m.organisationId === null ? [] : [m.organisationId]))),
  ];
}
