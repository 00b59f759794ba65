import { effectiveRoles, hasPermission, primaryRole } from "./permissions";
import type { SessionUser } from "./staff-user";

/**
 * Where the staff workspace opens for a user. Inspectors work in the field, so they land in the
 * field app; a utility's crew does too when signing in on a phone (at a desk, the utility's queue).
 * The permits office and planners, who have no queue, open on their own pages; everyone else on
 * the queue.
 */
export function staffLandingPath(input: {
  user: Pick<SessionUser, "memberships">;
  onPhone: boolean;
}): string {
  const { user, onPhone } = input;
  const role = primaryRole(effectiveRoles(user));
  if (role === "inspector") return "/staff/field";
  if (role === "utility_operator") return onPhone ? "/staff/field" : "/staff/utility";
  if (!hasPermission(user, "reports.view") && hasPermission(user, "permits.manage")) return "/staff/permits";
  if (!hasPermission(user, "reports.view") && hasPermission(user, "analytics.view"))
    return "/staff/analytics";
  return "/staff/queue";
}

/** A phone or small tablet, as its browser says (Client Hints where sent, the user agent otherwise). */
export function isPhoneBrowser(headers: { get(name: string): string | null }): boolean {
  const hint = headers.get("sec-ch-ua-mobile");
  if (hint !== null) return hint.trim() === "?1";
  return /\bMobi|Android.+Mobile|iPhone/i.test(headers.get("user-agent") ?? "");
}
