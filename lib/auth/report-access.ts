import type { SessionUser } from "./staff-user";

/**
 * Who sees what of a report inside the workspace. The contact centre (agent) and admin see every
 * report whole. Other staff see reports their organisation holds or handled before (forwarded
 * away), and only then the reporter's contact and the internal notes — never another
 * organisation's notes on a report they do not hold.
 */
export type ReportAccessFacts = {
  municipalityId: number;
  assignedOrganisationId: number | null;
  /** Organisations that held the report earlier (from its trail). */
  previousOrganisationIds: readonly number[];
};

/**
 * The contact centre and administrators: they see and route every report of their municipalities
 * (the desk claim, lib/auth/claims.ts: an agent counts only in a contact-centre organisation). This
 * answers a page's question "desk anywhere or not"; of a report, `deskFor` its municipality.
 */
export const isDesk = (user: Pick<SessionUser, "claims">) => user.claims.desk.length > 0;
const deskFor = (user: Pick<SessionUser, "claims">, facts: ReportAccessFacts) =>
  user.claims.desk.includes(facts.municipalityId);
const holds = (user: SessionUser, facts: ReportAccessFacts) =>
  facts.assignedOrganisationId !== null && user.organisationIds.includes(facts.assignedOrganisationId);

export function canViewReport(user: SessionUser, facts: ReportAccessFacts): boolean {
  return (
    deskFor(user, facts) ||
    holds(user, facts) ||
    facts.previousOrganisationIds.some((id) => user.organisationIds.includes(id))
  );
}

/** The reporter's contact: the desk always; the holding organisation unless the reporter asked to stay anonymous. */
export function canSeeContact(user: SessionUser, facts: ReportAccessFacts & { anonymous: boolean }): boolean {
  if (deskFor(user, facts)) return true;
  return holds(user, facts) && !facts.anonymous;
}

/** An internal note: the desk; the organisation that wrote it; the organisation holding the report. */
export function canSeeInternalNote(
  user: SessionUser,
  facts: ReportAccessFacts,
  noteOrganisationId: number | null,
): boolean {
  if (deskFor(user, facts) || holds(user, facts)) return true;
  return noteOrganisationId !== null && user.organisationIds.includes(noteOrganisationId);
}
