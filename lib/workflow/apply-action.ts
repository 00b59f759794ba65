import type { Actor } from "../auth/roles";
import {
  addWorkingDays,
  computeDueAt,
  countWorkingDays,
  endOfLocalDay,
  localDate,
  type CalendarOverride,
} from "../calendar/working-days";
import { AppError } from "../errors";
import { isAllowed, type WorkflowOperation } from "./permissions";
import { canTransition, transitions, type ReportStatus } from "./states";

/** The part of a report the procedure reads and changes. */
export type WorkflowState = {
  id: number;
  municipalityId: number;
  status: ReportStatus;
  assignedOrganisationId: number | null;
  assignedUserId: number | null;
  duplicateOfId: number | null;
  version: number;
  dueAt: Date | null;
  slaPausedAt: Date | null;
  escalatedAt: Date | null;
  scheduledFor: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rejectionTarget: string | null;
};

/** What the procedure needs to know besides the report: the time, the category's standard, the calendar. */
export type WorkflowContext = {
  now: Date;
  slaWorkingDays: number;
  pauseSlaWhenScheduled: boolean;
  calendar: readonly CalendarOverride[];
};

type Texts = { publicText?: string | null; internalNote?: string | null };

/** Statuses reached by `transition`; assigned and duplicate have their own actions (they need a target). */
export type TransitionTarget = Exclude<ReportStatus, "received" | "assigned" | "duplicate">;

export type WorkflowAction =
  | ({
      type: "transition";
      to: TransitionTarget;
      scheduledFor?: string | null;
      rejectionTarget?: string | null;
    } & Texts)
  | ({ type: "assign"; organisationId: number; userId?: number | null } & Texts)
  | ({ type: "mark_duplicate"; duplicateOfId: number } & Texts)
  | ({ type: "note" } & Texts);

export type PlannedEvent = {
  kind: "status_changed" | "assigned" | "forwarded" | "duplicate_marked" | "public_update" | "internal_note";
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  fromOrganisationId: number | null;
  toOrganisationId: number | null;
  publicText: string | null;
  internalNote: string | null;
};

export const MAX_PUBLIC_TEXT = 2_000;
export const MAX_INTERNAL_NOTE = 4_000;

function invalid(messageKey: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code: "unprocessable", messageKey, details });
}

function operationOf(action: WorkflowAction): WorkflowOperation {
  return action.type === "transition" ? { type: "transition", to: action.to } : { type: action.type };
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The standard procedure as a pure function: given a report's state, an action and who takes
 * it, the next state and the audit events to write — or an AppError saying why not. The
 * database layer (perform-report-action.ts) only loads, locks, persists and notifies.
 */
export function applyAction(
  state: WorkflowState,
  action: WorkflowAction,
  actor: Actor,
  ctx: WorkflowContext,
): { state: WorkflowState; events: PlannedEvent[] } {
  const publicText = clean(action.publicText);
  const internalNote = clean(action.internalNote);
  if (publicText && publicText.length > MAX_PUBLIC_TEXT)
    throw invalid("textTooLong", { max: MAX_PUBLIC_TEXT });
  if (internalNote && internalNote.length > MAX_INTERNAL_NOTE)
    throw invalid("textTooLong", { max: MAX_INTERNAL_NOTE });

  const target = targetStatus(state, action);
  if (target !== null && !canTransition(state.status, target)) {
    throw new AppError({
      code: "conflict",
      messageKey: "illegalTransition",
      details: { from: state.status, to: target, allowed: [...transitions[state.status]] },
    });
  }
  if (
    !isAllowed({
      actor,
      operation: operationOf(action),
      municipalityId: state.municipalityId,
      assignedOrganisationId: state.assignedOrganisationId,
    })
  ) {
    throw new AppError({ code: "forbidden", messageKey: "actionNotAllowed" });
  }

  const next: WorkflowState = { ...state, version: state.version + 1 };
  const base = {
    fromStatus: state.status,
    toStatus: target,
    fromOrganisationId: null,
    toOrganisationId: null,
    publicText,
    internalNote,
  };

  switch (action.type) {
    case "note": {
      if (!publicText && !internalNote) throw invalid("noteEmpty");
      return {
        state: next,
        events: [
          { ...base, kind: publicText ? "public_update" : "internal_note", fromStatus: null, toStatus: null },
        ],
      };
    }
    case "assign": {
      if (action.organisationId === state.assignedOrganisationId && state.status === "assigned") {
        throw invalid("sameOrganisation");
      }
      resumeSlaClock(next, ctx);
      next.status = "assigned";
      next.assignedOrganisationId = action.organisationId;
      next.assignedUserId = action.userId ?? null;
      next.scheduledFor = null;
      const firstAssignment = ["received", "triaged", "reopened"].includes(state.status);
      return {
        state: next,
        events: [
          {
            ...base,
            kind: firstAssignment ? "assigned" : "forwarded",
            fromOrganisationId: state.assignedOrganisationId,
            toOrganisationId: action.organisationId,
          },
        ],
      };
    }
    case "mark_duplicate": {
      if (action.duplicateOfId === state.id) throw invalid("duplicateOfSelf");
      next.status = "duplicate";
      next.duplicateOfId = action.duplicateOfId;
      return { state: next, events: [{ ...base, kind: "duplicate_marked" }] };
    }
    case "transition": {
      applyTransitionEffects(state, next, action, ctx, publicText);
      return { state: next, events: [{ ...base, kind: "status_changed" }] };
    }
  }
}

function targetStatus(state: WorkflowState, action: WorkflowAction): ReportStatus | null {
  switch (action.type) {
    case "note":
      return null;
    case "assign":
      // Forwarding between organisations while assigned keeps the status.
      return state.status === "assigned" ? null : "assigned";
    case "mark_duplicate":
      return "duplicate";
    case "transition":
      return action.to;
  }
}

function applyTransitionEffects(
  before: WorkflowState,
  next: WorkflowState,
  action: Extract<WorkflowAction, { type: "transition" }>,
  ctx: WorkflowContext,
  publicText: string | null,
): void {
  const leavingSchedule = before.status === "action_scheduled";
  if (leavingSchedule) {
    resumeSlaClock(next, ctx);
    next.scheduledFor = null;
  }
  next.status = action.to;
  switch (action.to) {
    case "action_scheduled": {
      const date = action.scheduledFor ?? "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
        throw invalid("scheduledDateRequired");
      }
      if (date < localDate(ctx.now)) throw invalid("scheduledDateInPast");
      next.scheduledFor = date;
      if (ctx.pauseSlaWhenScheduled) next.slaPausedAt = ctx.now;
      break;
    }
    case "resolved":
      // The resolution is what the citizen reads: a closed report always has one.
      if (!publicText) throw invalid("resolutionTextRequired");
      next.resolvedAt = ctx.now;
      break;
    case "closed":
      next.closedAt = ctx.now;
      break;
    case "rejected": {
      const referredTo = clean(action.rejectionTarget);
      if (!referredTo && !publicText) throw invalid("rejectionTargetRequired");
      next.rejectionTarget = referredTo;
      break;
    }
    case "reopened":
      // A reopened report starts a fresh service-standard period.
      next.resolvedAt = null;
      next.closedAt = null;
      next.duplicateOfId = null;
      next.rejectionTarget = null;
      next.escalatedAt = null;
      next.slaPausedAt = null;
      next.dueAt = computeDueAt({
        createdAt: ctx.now,
        slaWorkingDays: ctx.slaWorkingDays,
        overrides: ctx.calendar,
      });
      break;
    case "triaged":
    case "in_progress":
      break;
  }
}

/** Ends a pause of the service-standard clock: the due date moves by the working days spent paused. */
function resumeSlaClock(next: WorkflowState, ctx: WorkflowContext): void {
  if (!next.slaPausedAt) return;
  if (next.dueAt) {
    const pausedDays = countWorkingDays({
      from: localDate(next.slaPausedAt),
      to: localDate(ctx.now),
      overrides: ctx.calendar,
    });
    if (pausedDays > 0) {
      const due = addWorkingDays({ from: localDate(next.dueAt), days: pausedDays, overrides: ctx.calendar });
      next.dueAt = endOfLocalDay(due);
    }
  }
  next.slaPausedAt = null;
}

/** Rebuilds status and owner from the audit trail alone: the trail must tell the whole story. */
export function replayEvents(
  events: ReadonlyArray<{ kind: string; toStatus: ReportStatus | null; toOrganisationId: number | null }>,
): { status: ReportStatus | null; assignedOrganisationId: number | null } {
  let status: ReportStatus | null = null;
  let assignedOrganisationId: number | null = null;
  for (const event of events) {
    if (event.toStatus) status = event.toStatus;
    if (event.toOrganisationId !== null && ["created", "assigned", "forwarded"].includes(event.kind)) {
      assignedOrganisationId = event.toOrganisationId;
    }
  }
  return { status, assignedOrganisationId };
}
