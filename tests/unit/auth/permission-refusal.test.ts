import { describe, expect, it } from "vitest";
import type { ScopedMembership } from "@/lib/auth/claims";
import { permissionRefusal, permissions, type Permission } from "@/lib/auth/permissions";

const admin: ScopedMembership = {
  role: "admin",
  organisationId: null,
  municipalityId: 1,
  organisationKind: null,
};

describe("whether a staff member may use a permission now", () => {
  it("lets a member with their own password use every permission their role holds", () => {
    for (const permission of Object.keys(permissions) as Permission[])
      expect(permissionRefusal({ memberships: [admin], mustChangePassword: false }, permission)).toBeNull();
  });

  it("leaves a member with a temporary password only the change of it, whatever their role", () => {
    for (const permission of Object.keys(permissions) as Permission[])
      expect(permissionRefusal({ memberships: [admin], mustChangePassword: true }, permission)).toBe(
        permission === "account.password" ? null : "passwordChangeRequired",
      );
  });

  it("names a permission the role does not hold as denied before any password question", () => {
    const planner: ScopedMembership = { ...admin, role: "planner" };
    expect(permissionRefusal({ memberships: [planner], mustChangePassword: true }, "admin.manage")).toBe(
      "permissionDenied",
    );
    expect(permissionRefusal({ memberships: [planner], mustChangePassword: false }, "reports.intake")).toBe(
      "permissionDenied",
    );
  });
});
