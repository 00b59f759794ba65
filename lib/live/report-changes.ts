import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { getDbHandle } from "../../db/client";
import type { ReportStatus } from "../workflow/states";

/** What every open staff screen hears when a report changes. No personal data. */
export type ReportChange = {
  reportId: number;
  code: string;
  status: ReportStatus;
  organisationId: number | null;
  municipalityId: number;
};

export const REPORT_CHANGES_CHANNEL = "report_changes";

/**
 * Announces a change inside the caller's transaction: PostgreSQL delivers a NOTIFY only on commit,
 * so nobody hears of a change that was rolled back.
 */
export async function notifyReportChange(tx: Database, reportId: number): Promise<void> {
  await tx.execute(
    sql`select pg_notify(${REPORT_CHANGES_CHANNEL}, json_build_object(
          'reportId', id, 'code', tracking_code, 'status', status,
          'organisationId', assigned_organisation_id, 'municipalityId', municipality_id)::text)
        from reports where id = ${reportId}`,
  );
}

type Listener = (change: ReportChange) => void;

type Hub = { listeners: Set<Listener>; listening: WeakMap<object, Promise<void>> };
const hub = ((globalThis as { __civicReportHub?: Hub }).__civicReportHub ??= {
  listeners: new Set(),
  listening: new WeakMap(),
});

/**
 * Subscribes to report changes; one LISTEN per process (per open database) feeds every subscriber.
 * A database reopened after a close gets a LISTEN of its own.
 */
export async function subscribeReportChanges(listener: Listener): Promise<() => void> {
  const handle = await getDbHandle();
  let started = hub.listening.get(handle);
  if (!started) {
    started = handle
      .listen(REPORT_CHANGES_CHANNEL, (payload) => {
        let change: ReportChange;
        try {
          change = JSON.parse(payload) as ReportChange;
        } catch {
          return;
        }
        for (const l of hub.listeners) l(change);
      })
      .then(() => undefined)
      .catch((err) => {
        hub.listening.delete(handle);
        throw err;
      });
    hub.listening.set(handle, started);
  }
  await started;
  hub.listeners.add(listener);
  return () => {
    hub.listeners.delete(listener);
  };
}
