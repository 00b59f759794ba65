import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { AppError } from "../../errors";
import { canTransition, isOpenStatus, type ReportStatus } from "../../workflow/states";
import { performReportAction } from "../../workflow/perform-report-action";
import { MAX_PUBLIC_TEXT, type WorkflowAction } from "../../workflow/apply-action";
import { defaultLocale, localized, type LocalizedText } from "../../i18n/config";
import { translate } from "../../notifications/render";
import { callOpen311, type Fetch } from "./http";

type Endpoint = {
  id: number;
  organisation_id: number;
  name: string;
  base_url: string;
  jurisdiction_id: string | null;
};
type Forward = {
  id: number;
  report_id: number;
  token: string | null;
  external_request_id: string | null;
  external_status: string | null;
  external_status_notes: string | null;
};
type ExternalRequest = {
  service_request_id?: string | number;
  status?: string;
  status_notes?: string | null;
  updated_datetime?: string | null;
};

const ID_BATCH = 50;

export type PollResult = { polled: number; linked: number; changed: number; applied: number; errors: number };

/**
 * Reads back what the organisations' own systems did with the reports we forwarded: redeems
 * tokens for ids, then asks for the open ones by id (GeoReport v2 `service_request_id` list).
 * A request closed there resolves ours with its status notes as the public message; new notes
 * on an open request become a public update. The change is made as the organisation, through
 * the same procedure as a person's action, so the audit trail and the citizen's messages follow.
 */
export async function pollOpen311Forwards(input: {
  db: Database;
  fetch?: Fetch;
  limitPerEndpoint?: number;
}): Promise<PollResult> {
  const { db } = input;
  const doFetch = input.fetch ?? fetch;
  const result: PollResult = { polled: 0, linked: 0, changed: 0, applied: 0, errors: 0 };
  const endpoints = await queryRows<Endpoint>(
    db,
    sql`select e.id, e.organisation_id, e.name, e.base_url, e.jurisdiction_id from open311_endpoints e
        where e.active and exists (select 1 from report_forwards f where f.endpoint_id = e.id
          and f.state in ('accepted', 'linked') and f.external_status is distinct from 'closed')
        order by e.id`,
  );
  for (const endpoint of endpoints) {
    const base = endpoint.base_url.replace(/\/$/, "");
    const jurisdiction = endpoint.jurisdiction_id
      ? `&jurisdiction_id=${encodeURIComponent(endpoint.jurisdiction_id)}`
      : "";
    const forwards = await queryRows<Forward>(
      db,
      sql`select id, report_id, token, external_request_id, external_status, external_status_notes from report_forwards
          where endpoint_id = ${endpoint.id} and state in ('accepted', 'linked') and external_status is distinct from 'closed'
          order by last_polled_at nulls first, id
          limit ${input.limitPerEndpoint ?? 500}`,
    );

    for (const forward of forwards.filter((f) => !f.external_request_id && f.token)) {
      try {
        const answer = await callOpen311<Array<{ service_request_id?: string | number | null }>>({
          fetch: doFetch,
          url: `${base}/tokens/${encodeURIComponent(forward.token!)}.json?${jurisdiction.slice(1)}`,
        });
        const id = answer[0]?.service_request_id;
        if (id != null && id !== "") {
          forward.external_request_id = String(id);
          await db.execute(
            sql`update report_forwards set state = 'linked', external_request_id = ${forward.external_request_id}, last_error = null
                where id = ${forward.id}`,
          );
          result.linked++;
        }
      } catch (err) {
        result.errors++;
        await recordError(db, forward.id, err);
      }
    }

    const linked = forwards.filter((f) => f.external_request_id);
    for (let i = 0; i < linked.length; i += ID_BATCH) {
      const batch = linked.slice(i, i + ID_BATCH);
      const ids = batch.map((f) => encodeURIComponent(f.external_request_id!)).join(",");
      let records: ExternalRequest[];
      try {
        records = await callOpen311<ExternalRequest[]>({
          fetch: doFetch,
          url: `${base}/requests.json?service_request_id=${ids}${jurisdiction}`,
        });
      } catch (err) {
        result.errors++;
        for (const f of batch) await recordError(db, f.id, err);
        continue;
      }
      const byId = new Map(records.map((r) => [String(r.service_request_id), r]));
      for (const forward of batch) {
        result.polled++;
        const record = byId.get(forward.external_request_id!);
        await db.execute(sql`update report_forwards set last_polled_at = now() where id = ${forward.id}`);
        if (!record || (record.status !== "open" && record.status !== "closed")) continue;
        const notes = record.status_notes?.trim() || null;
        if (record.status === forward.external_status && notes === forward.external_status_notes) continue;
        result.changed++;
        try {
          if (await applyExternalChange(db, endpoint, forward, record.status, notes)) result.applied++;
          await db.execute(
            sql`update report_forwards
                set external_status = ${record.status}, external_status_notes = ${notes},
                    external_updated_at = ${record.updated_datetime ? new Date(record.updated_datetime) : null}, last_error = null
                where id = ${forward.id}`,
          );
        } catch (err) {
          result.errors++;
          await recordError(db, forward.id, err);
        }
      }
    }
  }
  return result;
}

/** Resolve on close, a public update on new notes; nothing when our report has moved on. */
async function applyExternalChange(
  db: Database,
  endpoint: Endpoint,
  forward: Forward,
  status: "open" | "closed",
  notes: string | null,
): Promise<boolean> {
  const report = await queryOne<{
    version: number;
    status: ReportStatus;
    assigned_organisation_id: number | null;
    organisation: LocalizedText;
  }>(
    db,
    sql`select r.version, r.status, r.assigned_organisation_id, o.name as organisation
        from reports r join organisations o on o.id = ${endpoint.organisation_id} where r.id = ${forward.report_id}`,
  );
  if (!report || !isOpenStatus(report.status) || report.assigned_organisation_id !== endpoint.organisation_id)
    return false;
  const internalNote = `${endpoint.name} #${forward.external_request_id}: ${status}`;
  let action: WorkflowAction | null = null;
  if (status === "closed") {
    // A resolution always tells the citizen something; public texts are in the municipality's language.
    const fallback = await translate(defaultLocale, "notifications.resolvedExternally", {
      organisation: localized(report.organisation, defaultLocale),
    });
    action = {
      type: "transition",
      to: "resolved",
      publicText: (notes ?? fallback).slice(0, MAX_PUBLIC_TEXT),
      internalNote,
    };
  } else if (notes && notes !== forward.external_status_notes)
    action = { type: "note", publicText: notes.slice(0, MAX_PUBLIC_TEXT), internalNote };
  if (!action) return false;
  const actor = { kind: "external_system", organisationId: endpoint.organisation_id } as const;
  try {
    let version = report.version;
    // A report routed at filing is still "received"; work done elsewhere started it first.
    if (action.type === "transition" && !canTransition(report.status, action.to)) {
      const started = await performReportAction({
        db,
        reportId: forward.report_id,
        expectedVersion: version,
        actor,
        action: { type: "transition", to: "in_progress" },
      });
      version = started.state.version;
    }
    await performReportAction({ db, reportId: forward.report_id, expectedVersion: version, actor, action });
    return true;
  } catch (err) {
    // Someone acted on the report meanwhile: the next poll sees the change again and retries.
    if (err instanceof AppError && err.code === "conflict")
      throw new Error("the report changed while applying; retried on the next poll");
    throw err;
  }
}

async function recordError(db: Database, forwardId: number, err: unknown): Promise<void> {
  await db.execute(
    sql`update report_forwards set last_error = ${String((err as Error).message).slice(0, 500)} where id = ${forwardId}`,
  );
}
