import { describe, expect, it } from "vitest";
import { claimsOf, type ScopedMembership } from "@/lib/auth/claims";
import { hasPermission, permissionScope } from "@/lib/auth/permissions";

const member = (m: Partial<ScopedMembership> & Pick<ScopedMembership, "role">): ScopedMembership => ({
  organisationId: 7,
  municipalityId: 1,
  organisationKind: "department",
  ...m,
});

describe("who holds the moderator permission", () => {
  it("gives it to the contact centre's desk and to administrators, not to a desk role outside a contact centre", () => {
    expect(
      hasPermission(
        { memberships: [member({ role: "agent", organisationKind: "contact_centre" })] },
        "moderator",
      ),
    ).toBe(true);
    expect(
      hasPermission(
        { memberships: [member({ role: "admin", organisationId: null, organisationKind: null })] },
        "moderator",
      ),
    ).toBe(true);
    expect(hasPermission({ memberships: [member({ role: "agent" })] }, "moderator")).toBe(false);
  });

  it("gives it to every staff member of an organisation granted moderation, in that organisation's municipality only", () => {
    const inspector = [
      member({ role: "inspector", organisationModerates: true, municipalityId: 1 }),
      member({ role: "inspector", organisationId: 9, organisationModerates: false, municipalityId: 2 }),
    ];
    expect(permissionScope({ memberships: inspector }, "moderator").municipalityIds).toEqual([1]);
    expect(claimsOf(5, inspector).moderate).toEqual([1]);
    // The grant is moderation only: no other permission comes with it.
    expect(hasPermission({ memberships: inspector }, "permits.manage")).toBe(false);
    expect(hasPermission({ memberships: inspector }, "reports.intake")).toBe(false);
  });

  it("does not give it to the permits office or to a citizen, granted organisation or not", () => {
    const officer = [member({ role: "permit_officer", organisationId: null, organisationKind: null })];
    expect(hasPermission({ memberships: officer }, "moderator")).toBe(false);
    expect(claimsOf(6, officer)).toMatchObject({ permits: [1], moderate: [] });
    const citizen = [member({ role: "citizen", organisationModerates: true })];
    expect(hasPermission({ memberships: citizen }, "moderator")).toBe(false);
    expect(claimsOf(7, citizen).moderate).toEqual([]);
  });
});
