import { membershipHolds, permissionScope } from "./permissions";
import type { Role } from "./roles";

/** A role as granted: in an organisation (staff) or municipality-wide (admin, planner, citizen). */
export type ScopedMembership = {
  role: Role;
  organisationId: number | null;
  municipalityId: number;
  organisationKind: "contact_centre" | "department" | "inspectorate" | "utility_company" | null;
  /** The organisation was granted moderation by an administrator (organisations.can_moderate). */
  organisationModerates?: boolean;
};

/**
 * What the database is told about a staff member (set_config('civic.<claim>', …) in each request's
 * transaction, read by the row-level security policies of migration 0019). Arrays of ids.
 */
export type AccessClaims = {
  userId: number;
  /** The desk: every report of these municipalities, with contacts (contact centre, administrators). */
  desk: number[];
  /** Every report of these municipalities for statistics, without contacts (planners). */
  overview: number[];
  /** The organisations whose reports (held now or before) the user works on. */
  orgs: number[];
  /** Municipalities the user works in at all (the permit register, colleagues). */
  staff: number[];
  /** Municipalities the user administers (accounts and roles). */
  admin: number[];
  /** Municipalities whose permits the user registers or files at the counter (applicants, documents). */
  permits: number[];
  /**
   * Municipalities where the user holds the `moderator` permission (consultation comments, migration
   * 0033). Optional for claims written by hand (a test's): none is no moderation.
   */
  moderate?: number[];
};

export const claimNames = ["desk", "overview", "orgs", "staff", "admin", "permits", "moderate"] as const;

/**
 * A membership counts only in the scope it can have (membershipHolds): desk rights come from the
 * agent role in a contact-centre organisation (migration 0019 refuses any other), the permits
 * office's from a municipality-wide or department membership (migration 0038), administration from
 * the admin role of a municipality. The same rule as the permission table, as the claims RLS reads.
 */
export function claimsOf(userId: number, granted: readonly ScopedMembership[]): AccessClaims {
  // Only memberships in a scope their role can have count (an old row awaiting repair does not).
  const memberships = granted.filter(membershipHolds);
  const ids = (pick: (m: ScopedMembership) => number | null) => [
    ...new Set(memberships.map(pick).filter((v): v is number => v !== null)),
  ];
  const staff = memberships.filter((m) => m.role !== "citizen");
  // An agent membership that holds is in a contact centre (membershipHolds).
  const isDeskMembership = (m: ScopedMembership) => m.role === "admin" || m.role === "agent";
  return {
    userId,
    desk: ids((m) => (isDeskMembership(m) ? m.municipalityId : null)),
    overview: ids((m) => (m.role === "planner" ? m.municipalityId : null)),
    orgs: ids((m) => (m.role !== "citizen" && m.role !== "planner" ? m.organisationId : null)),
    staff: ids((m) => (staff.includes(m) ? m.municipalityId : null)),
    admin: ids((m) => (m.role === "admin" ? m.municipalityId : null)),
    permits: ids((m) =>
      m.role === "admin" || m.role === "permit_officer" || isDeskMembership(m) ? m.municipalityId : null,
    ),
    // The permission table's own answer, so the database and the app never disagree on who moderates.
    moderate: permissionScope({ memberships: [...memberships] }, "moderator").municipalityIds,
  };
}
