import type { Actor, Role } from "../auth/roles";
import type { ReportStatus } from "./states";

/**
 * Who may do what to a report, in one table. Each of the actor's roles counts where it was
 * granted: "own" roles (the handlers') act on reports assigned to the organisation the role is held
 * in; the contact centre (agent) and admin act on every report of the municipality the role is held
 * in. A user with several roles may act if any one of them, in its scope, allows it.
 */
export type WorkflowOperation =
  | { type: "transition"; to: ReportStatus }
  | { type: "assign" }
  | { type: "mark_duplicate" }
  | { type: "note" };

type Rule = { roles: readonly Role[]; ownOnly: readonly Role[]; citizenReporter?: boolean; system?: boolean };

const handlers: readonly Role[] = ["inspector", "utility_operator", "org_admin"];
const desk: readonly Role[] = ["agent", "admin"];

const transitionRules: Record<ReportStatus, Rule> = {
  received: { roles: [], ownOnly: [] },
  triaged: { roles: desk, ownOnly: [] },
  assigned: { roles: [...desk, ...handlers], ownOnly: handlers },
  in_progress: { roles: [...handlers, "admin"], ownOnly: handlers },
  action_scheduled: { roles: [...handlers, "admin"], ownOnly: handlers },
  resolved: { roles: [...handlers, "admin"], ownOnly: handlers },
  closed: { roles: [...desk, "org_admin"], ownOnly: ["org_admin"], system: true },
  rejected: { roles: [...desk, ...handlers], ownOnly: handlers },
  duplicate: { roles: [...desk, ...handlers], ownOnly: handlers },
  reopened: { roles: [...desk, "org_admin"], ownOnly: ["org_admin"], citizenReporter: true },
};

const otherRules: Record<"assign" | "mark_duplicate" | "note", Rule> = {
  assign: transitionRules.assigned,
  mark_duplicate: transitionRules.duplicate,
  note: { roles: [...desk, ...handlers], ownOnly: handlers },
};

export function ruleFor(operation: WorkflowOperation): Rule {
  return operation.type === "transition" ? transitionRules[operation.to] : otherRules[operation.type];
}

export function isAllowed(input: {
  actor: Actor;
  operation: WorkflowOperation;
  /** The report's municipality and the organisation holding it. */
  municipalityId: number;
  assignedOrganisationId: number | null;
}): boolean {
  const rule = ruleFor(input.operation);
  const { actor } = input;
  if (actor.kind === "system") return Boolean(rule.system);
  if (actor.kind === "citizen") return Boolean(rule.citizenReporter) && actor.isReporter;
  if (actor.kind === "external_system") {
    return rule.roles.includes("utility_operator") && input.assignedOrganisationId === actor.organisationId;
  }
  const { assignedOrganisationId } = input;
  return actor.memberships.some(
    (m) =>
      rule.roles.includes(m.role) &&
      (rule.ownOnly.includes(m.role)
        ? assignedOrganisationId !== null && m.organisationId === assignedOrganisationId
        : m.municipalityId === input.municipalityId),
  );
}
