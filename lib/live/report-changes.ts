import "server-only";
import { sql, type SQL } from "drizzle-orm";
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
  /** The report's updated_at (ISO): the server-sent event's id, from which a reconnect resumes. */
  updatedAt: string;
};

/**
 * How far before the last event a client saw a replay starts: a transaction stamps updated_at
 * before it commits, so a change committed just after the one the client saw may carry an earlier
 * stamp. Replayed changes the client already had are harmless (each says "this report is now …").
 */
export const REPLAY_MARGIN_SECONDS = 10;

export const REPORT_CHANGES_CHANNEL = "report_changes";

/**
 * Announces a change inside the caller's transaction: PostgreSQL delivers a NOTIFY only on commit,
 * so nobody hears of a change that was rolled back.
 */
export async function notifyReportChange(tx: Database, reportId: number): Promise<void> {
  await tx.execute(sql`select ${notifyReportChangeSql(sql`reports`)} from reports where id = ${reportId}`);
}

/**
 * The NOTIFY of a change as an expression over a row of reports (or of an INSERT … RETURNING with
 * the same columns) named `row`: for a statement that writes and announces at once.
 */
export function notifyReportChangeSql(row: SQL): SQL {
  return sql`pg_notify(${REPORT_CHANGES_CHANNEL}, json_build_object(
          'reportId', ${row}.id, 'code', ${row}.tracking_code, 'status', ${row}.status,
          'organisationId', ${row}.assigned_organisation_id, 'municipalityId', ${row}.municipality_id,
          'updatedAt', ${row}.updated_at)::text)`;
}

type Listener = (change: ReportChange) => void;

type Hub = { listeners: Set<Listener>; listening: WeakMap<object, Promise<void>>; lastSeen?: string };
const hub = ((globalThis as { __civicReportHub?: Hub }).__civicReportHub ??= {
  listeners: new Set(),
  listening: new WeakMap(),
});

/**
 * Changes to reports of these municipalities since `since` (less the replay margin), oldest first:
 * what a client reconnecting with Last-Event-ID, or a listener back after a failover, missed.
 */
export async function listReportChangesSince(input: {
  db: Database;
  since: string;
  municipalityIds?: readonly number[];
  limit?: number;
}): Promise<ReportChange[]> {
  const since = new Date(input.since);
  if (Number.isNaN(since.getTime())) return [];
  const from = new Date(since.getTime() - REPLAY_MARGIN_SECONDS * 1000).toISOString();
  const ids = input.municipalityIds ? `{${input.municipalityIds.map(Number).join(",")}}` : null;
  const result = await input.db.execute(
    sql`select id as "reportId", tracking_code as code, status, assigned_organisation_id as "organisationId",
               municipality_id as "municipalityId", to_json(updated_at) #>> '{}' as "updatedAt"
        from reports
        where updated_at > ${from}::timestamptz
          and (${ids}::int[] is null or municipality_id = any(${ids}::int[]))
        order by updated_at limit ${input.limit ?? 1_000}`,
  );
  return (result as unknown as { rows: ReportChange[] }).rows;
}

function deliver(change: ReportChange): void {
  // Compared as instants: the offset in the text follows the session's time zone.
  if (!hub.lastSeen || Date.parse(change.updatedAt) > Date.parse(hub.lastSeen))
    hub.lastSeen = change.updatedAt;
  for (const l of hub.listeners) l(change);
}

/**
 * Subscribes to report changes; one LISTEN per process (per open database) feeds every subscriber.
 * A database reopened after a close gets a LISTEN of its own.
 */
export async function subscribeReportChanges(listener: Listener): Promise<() => void> {
  const handle = await getDbHandle();
  let started = hub.listening.get(handle);
  if (!started) {
    started = handle
      .listen(
        REPORT_CHANGES_CHANNEL,
        (payload) => {
          let change: ReportChange;
          try {
            change = JSON.parse(payload) as ReportChange;
          } catch {
            return;
          }
          deliver(change);
        },
        {
          // Back after a failover: what was announced while nobody listened is read from the table.
          onReconnect: () => {
            const since = hub.lastSeen;
            if (!since) return;
            listReportChangesSince({ db: handle.db, since })
              .then((changes) => changes.forEach(deliver))
              .catch((err) => console.error("[live] catching up after a reconnect failed:", err));
          },
        },
      )
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
