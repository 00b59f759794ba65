/**
 * The permit procedure: applied → under_review → granted | refused; a granted permit becomes active
 * when its works start and completed when they end; a granted or active permit can be revoked.
 * Pure: the callers load the permit, ask here, and write the change with its history entry.
 */
export type PermitStatus =
  "applied" | "under_review" | "granted" | "refused" | "active" | "completed" | "revoked";

export const permitStatuses: readonly PermitStatus[] = [
  "applied",
  "under_review",
  "granted",
  "refused",
  "active",
  "completed",
  "revoked",
];

export const permitTransitions: Record<PermitStatus, readonly PermitStatus[]> = {
  applied: ["under_review"],
  under_review: ["granted", "refused"],
  granted: ["active", "revoked"],
  refused: [],
  active: ["completed", "revoked"],
  completed: [],
  revoked: [],
};

/** Statuses of permits still pending or in force: these are the ones a new site can conflict with. */
export const livePermitStatuses: readonly PermitStatus[] = ["applied", "under_review", "granted", "active"];

/** Statuses the public sees on the map: in force now or granted for later. */
export const publicPermitStatuses: readonly PermitStatus[] = ["granted", "active"];

export type PermitTransitionProblem =
  | "illegal_transition"
  | "not_started" // active before the first day of the period
  | "already_ended" // active after the last day
  | "reason_required"; // refusing or revoking needs a reason the applicant can read

export type PermitTransitionCheck = { ok: true } | { ok: false; problem: PermitTransitionProblem };

/**
 * Whether a permit may move from `from` to `to` on `today` (a local date, YYYY-MM-DD). Works can
 * only start within their period; a refusal or revocation carries a reason.
 */
export function checkPermitTransition(input: {
  from: PermitStatus;
  to: PermitStatus;
  today: string;
  validFrom: string;
  validTo: string;
  reason?: string | null;
}): PermitTransitionCheck {
  if (!permitTransitions[input.from].includes(input.to)) return { ok: false, problem: "illegal_transition" };
  if (input.to === "active") {
    if (input.today < input.validFrom) return { ok: false, problem: "not_started" };
    if (input.today > input.validTo) return { ok: false, problem: "already_ended" };
  }
  if ((input.to === "refused" || input.to === "revoked") && !input.reason?.trim())
    return { ok: false, problem: "reason_required" };
  return { ok: true };
}
