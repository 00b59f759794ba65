import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import type { PermitKind } from "./conflict-matrix";
import type { PermitStatus } from "./permit-states";

export type TrackedPermit = {
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  validFrom: string;
  validTo: string;
  works: string;
  decisionDueAt: string | null;
  // Public history: status steps with the reason given (no staff names, no internal entries).
  steps: Array<{ status: PermitStatus; note: string | null; at: string }>;
};

/** Normalises a registry number as people type it: spaces and letter case do not matter. */
export function normaliseReference(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase().slice(0, 40);
}

/**
 * An application tracked by its registry number (the applicant's receipt). No names: anyone who
 * has the number sees the procedure, not who applied.
 */
export async function trackPermit(input: { db: Database; reference: string }): Promise<TrackedPermit | null> {
  const reference = normaliseReference(input.reference);
  if (!reference) return null;
  const row = await queryOne<{
    id: number;
    reference: string;
    kind: PermitKind;
    status: PermitStatus;
    valid_from: string;
    valid_to: string;
    works: string;
    decision_due_at: string | Date | null;
  }>(
    input.db,
    sql`select id, reference, kind, status, valid_from::text as valid_from, valid_to::text as valid_to, works_description as works, decision_due_at
        from permits where upper(reference) = ${reference}`,
  );
  if (!row) return null;
  const steps = await queryRows<{ to_status: PermitStatus; note: string | null; created_at: string | Date }>(
    input.db,
    sql`select to_status, case when kind = 'status_changed' then note end as note, created_at from permit_events
        where permit_id = ${row.id} and to_status is not null order by created_at, id`,
  );
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    works: row.works,
    decisionDueAt: row.decision_due_at === null ? null : new Date(row.decision_due_at).toISOString(),
    steps: steps.map((s) => ({
      status: s.to_status,
      note: s.note,
      at: new Date(s.created_at).toISOString(),
    })),
  };
}
