import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import type { PermitKind } from "./conflict-matrix";
import type { PermitStatus } from "./permit-states";
import { normaliseReference, normaliseTrackingKey } from "./tracking-key";

export type TrackedPermit = {
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  validFrom: string;
  validTo: string;
  works: string;
  decisionDueAt: string | null;
  /** Followed with the applicant's tracking key: the reasons given are shown. */
  withKey: boolean;
  // Status steps, with the reason given to the applicant when followed with the key (no names).
  steps: Array<{ status: PermitStatus; note: string | null; at: string }>;
};

/**
 * An application tracked by its registry number. With the applicant's tracking key (the receipt,
 * the e-mails), the whole procedure with the reasons given; without it, only a permit of the public
 * record, as the map shows it. Never a name. The rule is the database's (civic_track_permit,
 * migration 0037), so it reads the same under the public role as anywhere.
 */
export async function trackPermit(input: {
  db: Database;
  reference: string;
  key?: string | null;
}): Promise<TrackedPermit | null> {
  const reference = normaliseReference(input.reference);
  if (!reference) return null;
  const row = await queryOne<{ tracked: TrackedPermit | null }>(
    input.db,
    sql`select civic_track_permit(${reference}, ${normaliseTrackingKey(input.key)}) as tracked`,
  );
  const tracked = row?.tracked;
  if (!tracked) return null;
  return {
    ...tracked,
    decisionDueAt: tracked.decisionDueAt === null ? null : new Date(tracked.decisionDueAt).toISOString(),
    steps: tracked.steps.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
  };
}
