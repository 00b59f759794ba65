import { describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/auth/roles";
import { isAllowed, type WorkflowOperation } from "../../../lib/workflow/permissions";

const external: Actor = { kind: "external_system", organisationId: 7 };
const ops: Array<[WorkflowOperation, boolean]> = [
  [{ type: "transition", to: "in_progress" }, true],
  [{ type: "transition", to: "resolved" }, true],
  [{ type: "note" }, true],
  [{ type: "transition", to: "closed" }, false],
  [{ type: "transition", to: "reopened" }, false],
  [{ type: "transition", to: "triaged" }, false],
];

describe("an organisation's external system", () => {
  it.each(ops)("on its organisation's report: %j allowed = %s", (operation, allowed) => {
    expect(isAllowed({ actor: external, operation, assignedOrganisationId: 7 })).toBe(allowed);
  });

  it("may do nothing to a report held by another organisation or by nobody", () => {
    for (const [operation] of ops) {
      expect(isAllowed({ actor: external, operation, assignedOrganisationId: 8 })).toBe(false);
      expect(isAllowed({ actor: external, operation, assignedOrganisationId: null })).toBe(false);
    }
  });
});
