import type { ScopedMembership } from "./claims";
import type { Role } from "./roles";
import type { SessionUser } from "./staff-user";

/**
 * The one permission table: what each role may open or do in the staff workspace. Pages, route
 * handlers and actions name a permission; `lib/workflow/permissions.ts` refines report actions
 * (own organisation only, and so on). A role not listed for a permission does not have it.
 */
export const permissions = {
  /** Open the staff workspace at all. */
  "staff.workspace": [
    "agent",
    "inspector",
    "utility_operator",
    "permit_officer",
    "planner",
    "org_admin",
    "admin",
  ],
  /** See queues of reports and open a report's staff view. */
  "reports.view": ["agent", "inspector", "utility_operator", "org_admin", "admin"],
  /** Change a report: status, assignment, notes (the procedure decides which change). */
  "reports.act": ["agent", "inspector", "utility_operator", "org_admin", "admin"],
  /** A utility company's own queue of the reports routed to it. */
  "reports.utility": ["utility_operator", "org_admin", "admin"],
  /** Take a report on behalf of a caller (phone, counter). */
  "reports.intake": ["agent", "admin"],
  /**
   * Hide or redact public content, decide on consultation comments and work the moderation queue.
   * The desk and admins hold it; so does every staff member of an organisation an administrator
   * granted moderation, in that organisation's municipality (`grantedByOrganisation` below).
   */
  moderator: ["agent", "admin"],
  /** Register and change permits. */
  "permits.manage": ["permit_officer", "admin"],
  /** File a permit application at the counter on an applicant's behalf (one-stop shop). */
  "permits.counter": ["agent", "permit_officer", "admin"],
  /** Statistics and hotspots. */
  "analytics.view": ["planner", "org_admin", "admin"],
  /** Organisations, categories, every user and role, calendar, Open311 systems (the municipality's administration). */
  "admin.manage": ["admin"],
  /**
   * An organisation's own staff (accounts, roles within it, lead flag) and its service area. An
   * org_admin holds it for the organisations they administer only (lib/admin/admin-scope.ts).
   */
  "organisation.manage": ["org_admin", "admin"],
  /** Change one's own password (every staff member; forced after an administrator set it). */
  "account.password": [
    "agent",
    "inspector",
    "utility_operator",
    "permit_officer",
    "planner",
    "org_admin",
    "admin",
  ],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/**
 * A membership grants its role's permissions only where the role can hold: the agent role (desk
 * rights) in a contact-centre organisation; the permit officer's (every permit of the municipality,
 * with applicants) municipality-wide or in a department. The database refuses any other such
 * membership (migrations 0019 and 0038); this keeps an old row from counting while it is repaired.
 */
export function membershipHolds(m: ScopedMembership): boolean {
  if (m.role === "agent") return m.organisationKind === "contact_centre";
  if (m.role === "permit_officer") return m.organisationId === null || m.organisationKind === "department";
  return true;
}

/**
 * Permissions an organisation's staff hold because an administrator granted it to the organisation
 * (organisations.can_moderate), whatever their role in it.
 */
const grantedByOrganisation: Partial<Record<Permission, (m: ScopedMembership) => boolean>> = {
  moderator: (m) => m.organisationModerates === true && m.organisationId !== null && m.role !== "citizen",
};

function grants(m: ScopedMembership, permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return (membershipHolds(m) && allowed.includes(m.role)) || grantedByOrganisation[permission]?.(m) === true;
}

/** Whether the user holds the permission in any of their scopes. */
export function hasPermission(user: Pick<SessionUser, "memberships">, permission: Permission): boolean {
  return user.memberships.some((m) => grants(m, permission));
}

/**
 * Whether the user may use the permission now, or why not: a password an administrator chose is
 * changed before any other work, on every page, API and form action alike.
 */
export function permissionRefusal(
  user: Pick<SessionUser, "memberships" | "mustChangePassword">,
  permission: Permission,
): "permissionDenied" | "passwordChangeRequired" | null {
  if (!hasPermission(user, permission)) return "permissionDenied";
  if (user.mustChangePassword && permission !== "account.password") return "passwordChangeRequired";
  return null;
}

/** Where the user holds the permission: the municipalities and the organisations of those memberships. */
export function permissionScope(
  user: Pick<SessionUser, "memberships">,
  permission: Permission,
): { municipalityIds: number[]; organisationIds: number[] } {
  const held = user.memberships.filter((m) => grants(m, permission));
  return {
    municipalityIds: [...new Set(held.map((m) => m.municipalityId))],
    organisationIds: [...new Set(held.flatMap((m) => (m.organisationId === null ? [] : [m.organisationId])))],
  };
}

/** The memberships that count: each role in the scope it was granted in. */
export function effectiveMemberships(user: Pick<SessionUser, "memberships">): ScopedMembership[] {
  return user.memberships.filter(membershipHolds);
}

/** The roles that count (for choosing a landing page, not for deciding an action). */
export function effectiveRoles(user: Pick<SessionUser, "memberships">): Role[] {
  return [...new Set(effectiveMemberships(user).map((m) => m.role))];
}

/** When a user holds several roles, the one whose workspace they land in. */
const precedence: Role[] = [
  "admin",
  "org_admin",
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "citizen",
];

export function primaryRole(roles: readonly Role[]): Role {
  return precedence.find((r) => roles.includes(r)) ?? "citizen";
}
