import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../../lib/auth/roles";
import { AppError } from "../../../lib/errors";
import {
  applyAction,
  replayEvents,
  type PlannedEvent,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowState,
} from "../../../lib/workflow/apply-action";
import { statusGroupOf } from "../../../lib/workflow/states";

const WATER = 10;
const ROADS = 11;
const CONTACT = 1;
const TOWN = 50;

const staff = (userId: number, role: Role, organisationId: number | null): Actor => ({
  kind: "staff",
  userId,
  memberships: [{ role, organisationId, municipalityId: TOWN }],
});

const actors: Record<string, Actor> = {
  agent: staff(1, "agent", CONTACT),
  admin: staff(2, "admin", null),
  waterOperator: staff(3, "utility_operator", WATER),
  roadsOperator: staff(4, "utility_operator", ROADS),
  waterLead: staff(5, "org_admin", WATER),
  planner: staff(6, "planner", null),
  reporter: { kind: "citizen", userId: 7, isReporter: true },
  stranger: { kind: "citizen", userId: 8, isReporter: false },
  system: { kind: "system" },
};

const start: WorkflowState = {
  id: 100,
  municipalityId: TOWN,
  status: "received",
  assignedOrganisationId: CONTACT,
  assignedUserId: null,
  duplicateOfId: null,
  version: 1,
  dueAt: new Date("2026-11-25T22:59:59.999Z"),
  slaPausedAt: null,
  escalatedAt: null,
  scheduledFor: null,
  resolvedAt: null,
  closedAt: null,
  rejectionTarget: null,
};

const ctx = (now: Date, pause = true): WorkflowContext => ({
  now,
  slaWorkingDays: 5,
  pauseSlaWhenScheduled: pause,
  calendar: [],
});

const forward: WorkflowAction[] = [
  { type: "transition", to: "in_progress" },
  { type: "transition", to: "resolved", publicText: "Popravljeno." },
  { type: "transition", to: "closed" },
];
const other: WorkflowAction[] = [
  { type: "transition", to: "triaged" },
  { type: "transition", to: "action_scheduled", scheduledFor: "2030-01-15" },
  { type: "transition", to: "action_scheduled" },
  { type: "transition", to: "resolved" },
  { type: "transition", to: "rejected", rejectionTarget: "JP Putevi Srbije" },
  { type: "transition", to: "rejected" },
  { type: "transition", to: "reopened" },
  { type: "mark_duplicate", duplicateOfId: 42 },
  { type: "mark_duplicate", duplicateOfId: 100 },
  { type: "note", internalNote: "Pozvati podnosioca." },
  { type: "note", publicText: "Ekipa je na terenu." },
  { type: "note" },
];

/** Actions that move a report forward are likelier, so whole lifecycles are common. */
const actionArb: fc.Arbitrary<WorkflowAction> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...forward) },
  { weight: 3, arbitrary: fc.constantFrom(...other) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(WATER, ROADS, CONTACT)
      .map((organisationId): WorkflowAction => ({ type: "assign", organisationId })),
  },
);

type Trail = Array<Pick<PlannedEvent, "toStatus" | "toOrganisationId" | "publicText"> & { kind: string }>;

/**
 * Who acts, relative to the report: "handler" is staff of the organisation holding it, "outsider"
 * staff of another one; the rest are fixed actors. This keeps sequences that go all the way to
 * closed common instead of rare.
 */
function actorFor(who: string, state: WorkflowState): Actor {
  const operatorOf = (org: number | null) => (org === ROADS ? actors.roadsOperator! : actors.waterOperator!);
  if (who === "handler") {
    // The contact centre triages and, once the citizen confirms a resolution, closes.
    const desk = state.assignedOrganisationId === CONTACT || state.status === "resolved";
    return desk ? actors.agent! : operatorOf(state.assignedOrganisationId);
  }
  if (who === "outsider") return operatorOf(state.assignedOrganisationId === ROADS ? WATER : ROADS);
  return actors[who]!;
}

/** Runs actions in order; refused ones must throw an AppError and change nothing. */
function run(steps: Array<[string, WorkflowAction]>) {
  let state = start;
  const trail: Trail = [
    { kind: "created", toStatus: "received", toOrganisationId: CONTACT, publicText: null },
  ];
  let accepted = 0;
  let closedMoments = 0;
  let clock = new Date("2026-11-23T08:00:00Z").getTime();
  for (const [who, action] of steps) {
    clock += 3 * 3_600_000;
    try {
      const result = applyAction(state, action, actorFor(who, state), ctx(new Date(clock)));
      state = result.state;
      trail.push(...result.events);
      accepted++;
      if (state.status === "closed") {
        closedMoments++;
        const resolutions = trail.filter((e) => e.toStatus === "resolved");
        expect(resolutions.length).toBeGreaterThan(0);
        expect(resolutions.every((e) => (e.publicText ?? "").length > 0)).toBe(true);
      }
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
    }
  }
  return { state, trail, accepted, closedMoments };
}

describe("the procedure under any sequence of actions", () => {
  const whoArb = fc.oneof(
    { weight: 6, arbitrary: fc.constant("handler") },
    { weight: 2, arbitrary: fc.constant("agent") },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(actors), "outsider") },
  );
  const stepsArb = fc.array(fc.tuple(whoArb, actionArb), { minLength: 5, maxLength: 60, size: "max" });

  it("never reaches an inconsistent state", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { state, accepted } = run(steps);
        expect(state.version).toBe(1 + accepted);
        expect(state.resolvedAt !== null).toBe(state.status === "resolved" || state.status === "closed");
        expect(state.closedAt !== null).toBe(state.status === "closed");
        expect(state.duplicateOfId !== null).toBe(state.status === "duplicate");
        expect(state.scheduledFor !== null).toBe(state.status === "action_scheduled");
        if (state.slaPausedAt) expect(state.status).toBe("action_scheduled");
        expect(state.duplicateOfId).not.toBe(state.id);
        expect(statusGroupOf[state.status]).toBeDefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives every closed report a resolution the citizen can read", () => {
    // The check itself runs inside run() at every moment a report is closed.
    let closedMoments = 0;
    fc.assert(
      fc.property(stepsArb, (steps) => {
        closedMoments += run(steps).closedMoments;
      }),
      { numRuns: 2_000 },
    );
    // The generator must actually reach closed often, or this property proves nothing.
    expect(closedMoments).toBeGreaterThan(500);
  });

  it("can be replayed from the audit trail to the current status and owner", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { state, trail } = run(steps);
        expect(replayEvents(trail)).toEqual({
          status: state.status,
          assignedOrganisationId: state.assignedOrganisationId,
        });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("who may do what", () => {
  const assigned = { ...start, status: "assigned" as const, assignedOrganisationId: WATER };
  const now = ctx(new Date("2026-11-23T08:00:00Z"));
  const attempt = (state: WorkflowState, action: WorkflowAction, who: string) => {
    try {
      applyAction(state, action, actors[who]!, now);
      return "ok";
    } catch (err) {
      return (err as AppError).messageKey;
    }
  };

  it("lets the assigned utility work its report and nobody else's", () => {
    expect(attempt(assigned, { type: "transition", to: "in_progress" }, "waterOperator")).toBe("ok");
    expect(attempt(assigned, { type: "transition", to: "in_progress" }, "roadsOperator")).toBe(
      "actionNotAllowed",
    );
    expect(attempt(assigned, { type: "transition", to: "in_progress" }, "agent")).toBe("actionNotAllowed");
    expect(attempt(assigned, { type: "transition", to: "in_progress" }, "planner")).toBe("actionNotAllowed");
  });

  it("lets a utility forward its report to another organisation, keeping it assigned", () => {
    const result = applyAction(
      assigned,
      { type: "assign", organisationId: ROADS, internalNote: "Kolovoz, ne vodovod." },
      actors.waterOperator!,
      now,
    );
    expect(result.state).toMatchObject({ status: "assigned", assignedOrganisationId: ROADS });
    expect(result.events[0]).toMatchObject({
      kind: "forwarded",
      fromOrganisationId: WATER,
      toOrganisationId: ROADS,
    });
  });

  it("lets only the reporter reopen as a citizen, and the system only close", () => {
    const resolved = { ...assigned, status: "resolved" as const, resolvedAt: new Date() };
    expect(attempt(resolved, { type: "transition", to: "reopened" }, "reporter")).toBe("ok");
    expect(attempt(resolved, { type: "transition", to: "reopened" }, "stranger")).toBe("actionNotAllowed");
    expect(attempt(resolved, { type: "transition", to: "closed" }, "system")).toBe("ok");
    expect(attempt(resolved, { type: "transition", to: "reopened" }, "system")).toBe("actionNotAllowed");
  });

  it("explains an illegal transition with the allowed ones", () => {
    try {
      applyAction(start, { type: "transition", to: "closed" }, actors.admin!, now);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: "conflict", messageKey: "illegalTransition" });
      expect((err as AppError).details).toEqual({
        from: "received",
        to: "closed",
        allowed: ["triaged", "assigned", "in_progress", "rejected", "duplicate"],
      });
    }
  });
});

describe("the service-standard clock", () => {
  it("pauses while work is scheduled and moves the due date by the working days paused", () => {
    const assigned = {
      ...start,
      status: "assigned" as const,
      assignedOrganisationId: WATER,
      dueAt: new Date("2026-11-25T22:59:59.999Z"),
    };
    // Scheduled on Monday 23 November, resumed on Monday 30 November: 5 working days paused.
    const scheduled = applyAction(
      assigned,
      { type: "transition", to: "action_scheduled", scheduledFor: "2026-11-30" },
      actors.waterOperator!,
      ctx(new Date("2026-11-23T09:00:00Z")),
    );
    expect(scheduled.state.slaPausedAt).not.toBeNull();
    const resumed = applyAction(
      scheduled.state,
      { type: "transition", to: "in_progress" },
      actors.waterOperator!,
      ctx(new Date("2026-11-30T09:00:00Z")),
    );
    expect(resumed.state.slaPausedAt).toBeNull();
    expect(resumed.state.dueAt!.toISOString()).toBe("2026-12-02T22:59:59.999Z");
  });

  it("keeps running when the category does not pause", () => {
    const assigned = { ...start, status: "assigned" as const, assignedOrganisationId: WATER };
    const scheduled = applyAction(
      assigned,
      { type: "transition", to: "action_scheduled", scheduledFor: "2026-11-30" },
      actors.waterOperator!,
      ctx(new Date("2026-11-23T09:00:00Z"), false),
    );
    expect(scheduled.state.slaPausedAt).toBeNull();
    expect(scheduled.state.dueAt).toEqual(assigned.dueAt);
  });

  it("refuses a scheduled date in the past", () => {
    const assigned = { ...start, status: "assigned" as const, assignedOrganisationId: WATER };
    expect(() =>
      applyAction(
        assigned,
        { type: "transition", to: "action_scheduled", scheduledFor: "2026-11-01" },
        actors.waterOperator!,
        ctx(new Date("2026-11-23T09:00:00Z")),
      ),
    ).toThrow(expect.objectContaining({ messageKey: "scheduledDateInPast" }));
  });
});
