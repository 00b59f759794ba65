import { describe, expect, it } from "vitest";
import { isPhoneBrowser, staffLandingPath } from "@/lib/auth/staff-landing";
import type { ScopedMembership } from "@/lib/auth/claims";

/**
 * A membership as granted: the agent in a contact centre, the permit officer in a department (the
 * permits office), other staff in a utility, municipality-wide roles without one.
 */
const m = (role: ScopedMembership["role"]): ScopedMembership => ({
  role,
  municipalityId: 1,
  organisationId: role === "admin" || role === "planner" ? null : 2,
  organisationKind:
    role === "agent"
      ? "contact_centre"
      : role === "permit_officer"
        ? "department"
        : role === "admin" || role === "planner"
          ? null
          : "utility_company",
});

const iphone =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const desktop =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const headersOf = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("where the staff workspace opens", () => {
  it("opens the field app for inspectors, on a phone or at a desk", () => {
    expect(staffLandingPath({ user: { memberships: [m("inspector")] }, onPhone: true })).toBe("/staff/field");
    expect(staffLandingPath({ user: { memberships: [m("inspector")] }, onPhone: false })).toBe(
      "/staff/field",
    );
  });

  it("opens the field app for a utility crew on a phone and the utility's queue at a desk", () => {
    expect(staffLandingPath({ user: { memberships: [m("utility_operator")] }, onPhone: true })).toBe(
      "/staff/field",
    );
    expect(staffLandingPath({ user: { memberships: [m("utility_operator")] }, onPhone: false })).toBe(
      "/staff/utility",
    );
  });

  it("keeps the contact centre on the queue and sends permit officers and planners to their pages", () => {
    expect(staffLandingPath({ user: { memberships: [m("agent")] }, onPhone: true })).toBe("/staff/queue");
    expect(staffLandingPath({ user: { memberships: [m("admin"), m("inspector")] }, onPhone: true })).toBe(
      "/staff/queue",
    );
    expect(staffLandingPath({ user: { memberships: [m("permit_officer")] }, onPhone: false })).toBe(
      "/staff/permits",
    );
    expect(staffLandingPath({ user: { memberships: [m("planner")] }, onPhone: false })).toBe(
      "/staff/analytics",
    );
  });

  it("recognises a phone by its client hint, else by its user agent", () => {
    expect(isPhoneBrowser(headersOf({ "sec-ch-ua-mobile": "?1", "user-agent": desktop }))).toBe(true);
    expect(isPhoneBrowser(headersOf({ "sec-ch-ua-mobile": "?0", "user-agent": iphone }))).toBe(false);
    expect(isPhoneBrowser(headersOf({ "user-agent": iphone }))).toBe(true);
    expect(isPhoneBrowser(headersOf({ "user-agent": desktop }))).toBe(false);
  });
});
