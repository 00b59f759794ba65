import type { userRole } from "../../db/schema/enums";

export type Role = (typeof userRole.enumValues)[number];

export const staffRoles: readonly Role[] = [
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "org_admin",
  "admin",
];

/**
 * Who acts on a report. Staff act for the organisations they belong to; the system acts for
 * routing, escalation and automatic closing; a citizen acts on their own reports only.
 */
export type Actor =
  | { kind: "staff"; userId: number; role: Role; organisationIds: readonly number[] }
  | { kind: "citizen"; userId: number | null; isReporter: boolean }
  | { kind: "system" };
