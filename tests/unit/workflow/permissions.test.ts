import { describe, expect, it } from "vitest";
import type { Actor, ActorMembership } from "../../../lib/auth/roles";
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
    expect(isAllowed({ actor: external, operation, municipalityId: 1, assignedOrganisationId: 7 })).toBe(
      allowed,
    );
  });

  it("may do nothing to a report held by another organisation or by nobody", () => {
    for (const [operation] of ops) {
      expect(isAllowed({ actor: external, operation, municipalityId: 1, assignedOrganisationId: 8 })).toBe(
        false,
      );
      expect(isAllowed({ actor: external, operation, municipalityId: 1, assignedOrganisationId: null })).toBe(
        false,
      );
    }
  });
});

// Two municipalities: Ćuprija (1) with its contact centre (10) and water utility (11), and a
// neighbour (2) with its communal inspectorate (20) and roads utility (21).
const CUPRIJA = 1;
const NEIGHBOUR = 2;
const staff = (...memberships: ActorMembership[]): Actor => ({ kind: "staff", userId: 1, memberships });
const desk: WorkflowOperation[] = [
  { type: "transition", to: "triaged" },
  { type: "transition", to: "closed" },
  { type: "transition", to: "reopened" },
  { type: "assign" },
];
const may = (actor: Actor, operation: WorkflowOperation, municipalityId: number, held: number | null) =>
  isAllowed({ actor, operation, municipalityId, assignedOrganisationId: held });

describe("a staff member acts with each role only where it was granted", () => {
  const agentHereInspectorThere = staff(
    { role: "agent", organisationId: 10, municipalityId: CUPRIJA },
    { role: "inspector", organisationId: 20, municipalityId: NEIGHBOUR },
  );

  it("the contact centre's desk rights reach its own municipality's reports, whoever holds them", () => {
    for (const operation of desk) expect(may(agentHereInspectorThere, operation, CUPRIJA, 11)).toBe(true);
  });

  it("in another municipality the same person is only an inspector of their inspectorate", () => {
    for (const operation of desk)
      if (operation.type !== "assign")
        expect(may(agentHereInspectorThere, operation, NEIGHBOUR, 20)).toBe(false);
    // An inspector forwards and works on what their inspectorate holds, and nothing else.
    expect(may(agentHereInspectorThere, { type: "assign" }, NEIGHBOUR, 20)).toBe(true);
    expect(may(agentHereInspectorThere, { type: "transition", to: "in_progress" }, NEIGHBOUR, 20)).toBe(true);
    for (const operation of [...desk, { type: "note" } as const])
      expect(may(agentHereInspectorThere, operation, NEIGHBOUR, 21)).toBe(false);
  });

  it("an organisation's admin who also works the desk keeps the desk's rights", () => {
    const both = staff(
      { role: "org_admin", organisationId: 11, municipalityId: CUPRIJA },
      { role: "agent", organisationId: 10, municipalityId: CUPRIJA },
    );
    expect(may(both, { type: "transition", to: "triaged" }, CUPRIJA, 10)).toBe(true);
    expect(may(both, { type: "transition", to: "rejected" }, CUPRIJA, 10)).toBe(true);
    expect(may(both, { type: "transition", to: "resolved" }, CUPRIJA, 11)).toBe(true);
    expect(may(both, { type: "transition", to: "resolved" }, CUPRIJA, 10)).toBe(false);
  });

  it("a municipality's admin administers that municipality only", () => {
    const admin = staff({ role: "admin", organisationId: null, municipalityId: CUPRIJA });
    expect(may(admin, { type: "transition", to: "closed" }, CUPRIJA, 11)).toBe(true);
    for (const operation of [...desk, { type: "note" } as const])
      expect(may(admin, operation, NEIGHBOUR, 20)).toBe(false);
  });
});
