import { describe, expect, it } from "vitest";
import { checkPermitTransition, permitStatuses, permitTransitions } from "../../../lib/permits/permit-states";

const period = { validFrom: "2026-11-10", validTo: "2026-11-30" };

describe("the permit procedure", () => {
  it("follows applied → under_review → granted | refused → active → completed | revoked", () => {
    const path = ["applied", "under_review", "granted", "active", "completed"] as const;
    for (let i = 0; i < path.length - 1; i++) {
      expect(
        checkPermitTransition({ from: path[i]!, to: path[i + 1]!, today: "2026-11-15", ...period }),
      ).toEqual({ ok: true });
    }
    expect(
      checkPermitTransition({
        from: "under_review",
        to: "refused",
        today: "2026-11-15",
        reason: "Nepotpuna dokumentacija",
        ...period,
      }),
    ).toEqual({ ok: true });
    expect(
      checkPermitTransition({
        from: "active",
        to: "revoked",
        today: "2026-11-15",
        reason: "Radovi van odobrenih uslova",
        ...period,
      }),
    ).toEqual({ ok: true });
    expect(
      checkPermitTransition({
        from: "granted",
        to: "revoked",
        today: "2026-11-15",
        reason: "Odustao",
        ...period,
      }),
    ).toEqual({ ok: true });
  });

  it("refuses every step the table does not list, and nothing leaves refused, completed or revoked", () => {
    for (const from of permitStatuses) {
      for (const to of permitStatuses) {
        const listed = permitTransitions[from].includes(to);
        const result = checkPermitTransition({ from, to, today: "2026-11-15", reason: "razlog", ...period });
        if (!listed) expect(result, `${from} → ${to}`).toEqual({ ok: false, problem: "illegal_transition" });
      }
    }
    for (const terminal of ["refused", "completed", "revoked"] as const)
      expect(permitTransitions[terminal]).toEqual([]);
    expect(checkPermitTransition({ from: "applied", to: "granted", today: "2026-11-15", ...period })).toEqual(
      { ok: false, problem: "illegal_transition" },
    );
  });

  it("starts works only within the permitted period, first and last day included", () => {
    const activate = (today: string) =>
      checkPermitTransition({ from: "granted", to: "active", today, ...period });
    expect(activate("2026-11-09")).toEqual({ ok: false, problem: "not_started" });
    expect(activate("2026-11-10")).toEqual({ ok: true });
    expect(activate("2026-11-30")).toEqual({ ok: true });
    expect(activate("2026-12-01")).toEqual({ ok: false, problem: "already_ended" });
  });

  it("needs a reason to refuse or revoke", () => {
    expect(
      checkPermitTransition({ from: "under_review", to: "refused", today: "2026-11-15", ...period }),
    ).toEqual({ ok: false, problem: "reason_required" });
    expect(
      checkPermitTransition({ from: "active", to: "revoked", today: "2026-11-15", reason: "   ", ...period }),
    ).toEqual({ ok: false, problem: "reason_required" });
  });
});
