import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { LineString, Polygon } from "geojson";
import { commitWithNextStatement, type Database } from "../../db/client";
import { queryOne } from "../../db/query";
import type * as t from "../../db/schema";
import { localDate } from "../calendar/working-days";
import { geoJsonSql, pointSql } from "../geo/sql";
import { notifyReportChangeSql } from "../live/report-changes";
import type { NewReportScreening } from "../moderation/screen-new-report";
import type { RenderedReportMessage } from "../notifications/enqueue-report-notifications";
import type { RenderedPermitMessage } from "../notifications/enqueue-permit-notifications";
import { linkablePermitsWhere } from "../permits/link-report-to-permits";
import { uncoveredWorksSql } from "../permits/find-permit-coverage";
import type { StoredPhotoRow } from "./store-photos";

export type FiledReportRows = {
  trackingCode: string;
  municipalityId: number;
  categoryId: number;
  districtId: number | null;
  position: [number, number];
  shape: LineString | Polygon | null;
  address: string | null;
  description: string;
  answers: Record<string, unknown>;
  mediaUrl: string | null;
  channel: t.Report["channel"];
  ownerId: number;
  routingNote: string | null;
  dueAt: Date;
  /** The category's: the photos' visibility (the report's own is the screen's). */
  categoryIsPublic: boolean;
  screening: NewReportScreening;
  submissionKey: string | null;
  contact: {
    userId: number | null;
    name: string | null;
    email: string | null;
    phone: string | null;
    anonymous: boolean;
    locale: string;
  } | null;
  photos: StoredPhotoRow[];
  actor: { userId: number | null; organisationId: number | null };
  internalNote: string | null;
  /** The created event's messages, each with its recipient's key part; none in training. */
  messages: (RenderedReportMessage & { who: string })[];
  /** The owner whose Open311 system takes the category's reports; null in training. */
  forwardToOrganisationId: number | null;
  /** Permits to link (those the filing read, still linkable now) and their messages. */
  permitIds: number[];
  permitMessages: (RenderedPermitMessage & { permitId: number; who: string; reference: string })[];
  /** Nothing follows the write in the caller's scope: its commit goes with it. */
  endsScope: boolean;
  now: Date;
};

/**
 * Writes a filed report in one statement, atomic on its own: the report, the reporter's contact,
 * its photos, the created event (chained by its trigger), the screen's actions and flags, the
 * receipt messages and Open311 forwards in the outbox, the permit links with their events and
 * messages, and the live NOTIFY (delivered at commit). Null when the tracking code or the
 * submission key is taken (nothing is written then).
 */
export async function writeFiledReport(
  db: Database,
  rows: FiledReportRows,
): Promise<{ id: number; eventId: number } | null> {
  const now = rows.now.toISOString();
  const point = pointSql(rows.position);
  const screened = rows.screening.report;
  const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
  const cte = (name: string, body: SQL) => sql`${sql.raw(name)} as (${body})`;
  const withAll = (ctes: SQL[]) => sql.join(ctes, sql`, `);
  // The report's and its created event's ids are drawn first (`ids`), so no insert below has to
  // return a row to name them: under a staff scope, returning a row's columns would check it against
  // the table's read policy, which looks up the report, and a statement does not see its own insert
  // (PostgreSQL applies SELECT policies to an INSERT only when RETURNING reads its columns).
  const event = cte(
    "event",
    sql`insert into report_events (id, report_id, municipality_id, kind, to_status, to_organisation_id,
                                     actor_user_id, actor_organisation_id, internal_note, created_at)
          overriding system value
          select f.event_id, f.id, f.municipality_id, 'created', 'received', ${rows.ownerId}, ${rows.actor.userId}::int,
                 ${rows.actor.organisationId}::int, ${rows.internalNote}, ${now}::timestamptz
          from filed f`,
  );
  const messages = cte(
    "messages",
    sql`insert into outbox_messages (message_key, recipient, locale, template, subject, body, payload)
          select 'report-' || f.id || '-event-' || f.event_id || '-to-' || x.who, x.recipient, x.locale, x.template,
                 x.subject, x.body, jsonb_build_object('reportId', f.id, 'eventId', f.event_id, 'trackingCode', f.tracking_code)
          from filed f,
               jsonb_to_recordset(${json(rows.messages)})
               as x(who text, recipient text, locale text, template text, subject text, body text)
          on conflict (message_key) do nothing`,
  );
  // A part with nothing to write is left out of the statement: every table it names costs planning,
  // and under a staff scope its policy's check as well.
  const rest = [
    rows.contact &&
      cte(
        "contact",
        sql`insert into report_contacts (report_id, municipality_id, user_id, name, email, phone, anonymous, locale)
          select f.id, f.municipality_id, x.user_id, x.name, x.email, x.phone, x.anonymous, x.locale
          from filed f, jsonb_to_recordset(${json([toSnake(rows.contact)])})
               as x(user_id int, name text, email text, phone text, anonymous boolean, locale text)`,
      ),
    rows.photos.length > 0 &&
      cte(
        "photos",
        sql`insert into attachments (report_id, municipality_id, storage_key, content_type, byte_size, width, height, sha256, is_public)
          select f.id, f.municipality_id, x.storage_key, x.content_type, x.byte_size, x.width, x.height, x.sha256, ${rows.categoryIsPublic}
          from filed f, jsonb_to_recordset(${json(rows.photos.map(toSnake))})
               as x(storage_key text, content_type text, byte_size int, width int, height int, sha256 text)`,
      ),
    rows.screening.actions.length > 0 &&
      cte(
        "screen_actions",
        sql`insert into moderation_actions (municipality_id, report_id, kind, reason, note, before, after, created_at)
          select f.municipality_id, f.id, x.kind::moderation_action_kind, x.reason::moderation_reason, x.note, x.before, x.after,
                 ${now}::timestamptz
          from filed f, jsonb_to_recordset(${json(rows.screening.actions)})
               as x(kind text, reason text, note text, before jsonb, after jsonb)`,
      ),
    rows.screening.flags.length > 0 &&
      cte(
        "screen_flags",
        sql`insert into moderation_flags (municipality_id, report_id, source, reason, note, created_at)
          select f.municipality_id, f.id, 'automatic', x.reason::moderation_reason, x.note, ${now}::timestamptz
          from filed f, jsonb_to_recordset(${json(rows.screening.flags)}) as x(reason text, note text)`,
      ),
    // The owner's Open311 systems that take this category, each forward's id drawn in advance.
    rows.forwardToOrganisationId !== null &&
      cte(
        "forward_to",
        sql`select nextval(pg_get_serial_sequence('report_forwards', 'id'))::int as id, e.id as endpoint_id,
                 e.base_url, fr.external_service_code
          from filed f
          join open311_forward_rules fr on fr.category_id = ${rows.categoryId}
          join open311_endpoints e on e.id = fr.endpoint_id and e.active
          where e.organisation_id = ${rows.forwardToOrganisationId}::int`,
      ),
    rows.forwardToOrganisationId !== null &&
      cte(
        "forwards",
        sql`insert into report_forwards (id, report_id, municipality_id, endpoint_id, external_service_code)
          select w.id, f.id, f.municipality_id, w.endpoint_id, w.external_service_code
          from filed f, forward_to w`,
      ),
    rows.forwardToOrganisationId !== null &&
      cte(
        "forward_messages",
        sql`insert into outbox_messages (message_key, channel, recipient, locale, template, subject, body, payload)
          select 'open311-report-' || f.id || '-endpoint-' || w.endpoint_id, 'open311', w.base_url, 'en',
                 'open311_forward', w.external_service_code, '', jsonb_build_object('reportId', f.id, 'forwardId', w.id)
          from filed f, forward_to w
          on conflict (message_key) do nothing`,
      ),
    // The permits still linkable now, among those the filing read.
    rows.permitIds.length > 0 &&
      cte(
        "permit_links",
        sql`select p.id as permit_id, p.municipality_id, ST_Distance(p.site::geography, ${point}::geography) as distance_metres
          from filed f, permits p
          where p.id = any(${`{${rows.permitIds.join(",")}}`}::int[])
            and ${linkablePermitsWhere({ municipalityId: rows.municipalityId, position: rows.position, now: rows.now })}`,
      ),
    rows.permitIds.length > 0 &&
      cte(
        "report_permit_rows",
        sql`insert into report_permits (report_id, municipality_id, permit_id, distance_metres, created_at)
          select f.id, l.municipality_id, l.permit_id, l.distance_metres, ${now}::timestamptz
          from filed f, permit_links l`,
      ),
    rows.permitIds.length > 0 &&
      cte(
        "permit_events",
        sql`insert into permit_events (permit_id, kind, report_id, created_at)
          select l.permit_id, 'report_linked', f.id, ${now}::timestamptz from filed f, permit_links l
          returning id, permit_id`,
      ),
    rows.permitIds.length > 0 &&
      cte(
        "permit_messages",
        sql`insert into outbox_messages (message_key, recipient, locale, template, subject, body, payload)
          select 'permit-' || pe.permit_id || '-event-' || pe.id || '-to-' || x.who, x.recipient, x.locale, x.template,
                 x.subject, x.body, jsonb_build_object('permitId', pe.permit_id, 'eventId', pe.id, 'reference', x.reference)
          from permit_events pe
          join jsonb_to_recordset(${json(rows.permitMessages.map(toSnake))})
               as x(permit_id int, who text, reference text, recipient text, locale text, template text, subject text, body text)
            on x.permit_id = pe.permit_id
          on conflict (message_key) do nothing`,
      ),
  ].filter((part): part is SQL => part !== false && part !== null);
  const ids = cte(
    "ids",
    sql`select nextval(pg_get_serial_sequence('reports', 'id'))::int as report_id,
               nextval(pg_get_serial_sequence('report_events', 'id'))::int as event_id`,
  );
  const inserted = cte(
    "inserted",
    sql`insert into reports (id, tracking_code, municipality_id, category_id, district_id, location, shape, address,
                               description, answers, media_url, status, priority, channel, assigned_organisation_id,
                               routing_note, due_at, is_public, hidden_at, public_description, moderated_at,
                               submission_key, created_at, updated_at)
          overriding system value
          select ids.report_id, ${rows.trackingCode}, ${rows.municipalityId}, c.id, ${rows.districtId}::int, ${point},
                 ${rows.shape ? geoJsonSql(rows.shape) : sql`null`}, ${rows.address}, ${rows.description},
                 ${json(rows.answers)}, ${rows.mediaUrl}, 'received',
                 -- The category's rule: works that no active permit covers are raised in priority.
                 case when c.unpermitted_priority > 'normal'::report_priority and ${uncoveredWorksSql(localDate(rows.now))}
                      then c.unpermitted_priority else 'normal'::report_priority end,
                 ${rows.channel}::report_channel, ${rows.ownerId}, ${rows.routingNote}, ${rows.dueAt.toISOString()}::timestamptz,
                 ${screened.isPublic}, ${screened.hiddenAt?.toISOString() ?? null}::timestamptz,
                 ${screened.publicDescription}, ${screened.moderatedAt?.toISOString() ?? null}::timestamptz,
                 ${rows.submissionKey}, ${now}::timestamptz, ${now}::timestamptz
          from ids, service_categories c, (select ${rows.municipalityId}::int as municipality_id, ${point} as location) r
          where c.id = ${rows.categoryId}
          on conflict do nothing
          returning true as written`,
  );
  // The report as written (no row when the tracking code or the submission key was taken): what
  // every insert after it and the live notice read.
  const filed = cte(
    "filed",
    sql`select ids.report_id as id, ids.event_id, ${rows.trackingCode}::text as tracking_code,
               'received'::report_status as status, ${rows.ownerId}::int as assigned_organisation_id,
               ${rows.municipalityId}::int as municipality_id, ${now}::timestamptz as updated_at
        from ids, inserted`,
  );
  const announce = notifyReportChangeSql(sql`f`);
  // One statement, atomic by itself. Under a staff scope the created event of the report it inserts
  // passes the events' write policy as the filing's own (migration 0035).
  if (rows.endsScope) commitWithNextStatement(db);
  const row = await queryOne<{ id: number; event_id: number }>(
    db,
    sql`with ${withAll([ids, inserted, filed, event, ...(rows.messages.length > 0 ? [messages] : []), ...rest])}
        select f.id, f.event_id, ${announce} as notified from filed f`,
  );
  return row ? { id: row.id, eventId: row.event_id } : null;
}

/** camelCase keys to the snake_case column names jsonb_to_recordset reads. */
function toSnake(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}
