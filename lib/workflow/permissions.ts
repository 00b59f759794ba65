import type { Actor, Role } from "../auth/roles";
import type { ReportStatus } from "./states";

/**
 * Who may do what to a report, in one table. "own" means the report is assigned to one of the
 * actor's organisations; the contact centre (agent) and admin act on every report.
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
  assignedOrganisationId: number | null;
}): boolean {
  const rule = ruleFor(input.operation);
  const { actor } = input;
  if (actor.kind === "system") return Boolean(rule.system);
  if (actor.kind === "citizen") return Boolean(rule.citizenReporter) && actor.isReporter;
  if (actor.kind === "external_system") {
    return rule.roles.includes("utility_operator") && input.assignedOrganisationId === actor.organisationId;
  }
  if (!rule.roles.includes(actor.role)) return false;
  if (!rule.ownOnly.includes(actor.role)) return true;
  return (
    input.assignedOrganisationId !== null && actor.organisationIds.includes(input.assignedOrganisationId)
  );
}
