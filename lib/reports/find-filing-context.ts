import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { rateLimitHitsSql, type RateLimitHit } from "../abuse/rate-limit";
import { queryOne } from "../../db/query";
import type { CalendarOverride } from "../calendar/working-days";
import type { LocalizedText } from "../i18n/config";
import type { Recipient } from "../notifications/enqueue-report-notifications";
import { linkablePermitsWhere } from "../permits/link-report-to-permits";
import { pointCandidatesSql, type RoutingCandidate } from "../routing/route-report";
import { districtAtSql } from "../routing/spatial-context";
import type { CategoryQuestion } from "./questions";

/** A report already filed under a submission key, as fileReport answers a replay. */
export type KeyedReport = {
  id: number;
  tracking_code: string;
  status: string;
  due_at: string | Date;
  assigned_organisation_id: number;
  routing_note: string | null;
};

export type FilingCategory = {
  id: number;
  name: LocalizedText;
  responsible_kind: string;
  responsible_sector: string | null;
  sla_working_days: number;
  is_public: boolean;
  questions: CategoryQuestion[];
};

/** An organisation that may own the report, with what its notice needs. */
export type OwnerCandidate = RoutingCandidate & { email: string | null; kind: string };

/** A permit the report will be linked to, with what its holder's, contractor's and issuer's notice needs. */
export type LinkablePermit = {
  id: number;
  reference: string;
  kind: string;
  status: string;
  decision_due_at: string | null;
  contractor_email: string | null;
  organisation_email: string | null;
  applicant: Recipient | null;
};

export type FilingContext = {
  existing: KeyedReport | null;
  municipalityId: number | null;
  isTraining: boolean;
  category: FilingCategory | null;
  /** Owners at the point, by code (routing decides among them). */
  candidates: OwnerCandidate[];
  districtId: number | null;
  contactCentre: { id: number; email: string | null; kind: string } | null;
  calendar: CalendarOverride[];
  heldWords: string[];
  /**
   * The permits the report will be linked to, by id (from public_permits). Their notices' details
   * (contractor, applicant, issuing office) are read on their own when there are any
   * (findLinkablePermits): rare, and the permit tables' policies would otherwise cost every filing.
   */
  permitIds: number[];
  /** rate_limit_hits' counts after this filing's hits. */
  hitCounts: { key: string; count: number }[];
};

/**
 * Everything a filing at a point reads before it writes, in one statement (which also counts the
 * caller's rate-limit hits, so a refused filing is counted as before): the report already filed
 * under the submission key (a replay), the served municipality at the point (staff's own first),
 * the category there, the organisations that may own the report and the district, the contact
 * centre, the municipality's calendar and listed words, and the permits the report will be linked
 * to. The rules are those of findMunicipalityAt, routeReport, loadCalendar, getModerationSettings
 * and linkablePermitsWhere, whose SQL this reuses.
 */
export async function findFilingContext(input: {
  db: Database;
  position: Position;
  serviceCode: string;
  submissionKey: string | null;
  preferMunicipalityIds?: readonly number[];
  /** Counted in the same statement (its only write): the caller's submission limits. */
  rateLimitHits?: RateLimitHit[];
  now: Date;
}): Promise<FilingContext> {
  const point = sql`ST_SetSRID(ST_MakePoint(${input.position[0]}::float8, ${input.position[1]}::float8), 4326)`;
  const prefer = sql`array[${sql.join(
    [...(input.preferMunicipalityIds ?? []), -1].map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
  const municipality = sql`m.id`;
  const hits = input.rateLimitHits ?? [];
  const row = await queryOne<{
    existing: KeyedReport | null;
    municipality_id: number | null;
    is_training: boolean | null;
    category: FilingCategory | null;
    candidates: OwnerCandidate[] | null;
    district_id: number | null;
    contact_centre: FilingContext["contactCentre"];
    calendar: CalendarOverride[] | null;
    held_words: string[] | null;
    permit_ids: number[] | null;
    hit_counts: { key: string; count: number }[] | null;
  }>(
    input.db,
    sql`with ${hits.length > 0 ? sql`hits as (${rateLimitHitsSql(hits, input.now)}), ` : sql``}m as (
          select id, is_training from municipalities
          where ST_Covers(boundary, ${point}) and (not is_training or id = any(${prefer}))
          order by (id = any(${prefer})) desc, code limit 1
        ), c as (
          select c.id, c.name, c.responsible_kind, c.responsible_sector, c.sla_working_days, c.is_public, c.questions
          from service_categories c join m on m.id = c.municipality_id
          where c.service_code = ${input.serviceCode} and c.active
        )
        select
          (select row_to_json(k) from (
             select id, tracking_code, status, due_at, assigned_organisation_id, routing_note
             from reports where submission_key = ${input.submissionKey}::text) k) as existing,
          m.id as municipality_id, m.is_training,
          (select row_to_json(c) from c) as category,
          (select json_agg(json_build_object('id', o.id, 'code', o.code, 'has_area', o.has_area,
                                             'interior', o.interior, 'email', x.email, 'kind', x.kind) order by o.code)
             from c, lateral (${pointCandidatesSql({
               municipalityId: municipality,
               responsibleKind: sql`c.responsible_kind`,
               responsibleSector: sql`c.responsible_sector`,
               position: input.position,
             })}) o join organisations x on x.id = o.id) as candidates,
          ${districtAtSql({ municipalityId: municipality, position: input.position })} as district_id,
          (select json_build_object('id', id, 'email', email, 'kind', kind) from organisations
             where municipality_id = m.id and kind = 'contact_centre' and active order by code limit 1) as contact_centre,
          (select json_agg(json_build_object('date', date::text, 'isWorking', is_working))
             from calendar_overrides where municipality_id = m.id) as calendar,
          (select held_words from moderation_settings where municipality_id = m.id) as held_words,
          (select array_agg(p.id order by p.id) from public_permits p
            where ${linkablePermitsWhere({ municipalityId: municipality, position: input.position, now: input.now })}) as permit_ids,
          ${hits.length > 0 ? sql`(select json_agg(json_build_object('key', key, 'count', count)) from hits)` : sql`null::json`} as hit_counts
        from (select 1) one left join m on true`,
  );
  return {
    existing: row?.existing ?? null,
    municipalityId: row?.municipality_id ?? null,
    isTraining: row?.is_training ?? false,
    category: row?.category ?? null,
    candidates: row?.candidates ?? [],
    districtId: row?.district_id ?? null,
    contactCentre: row?.contact_centre ?? null,
    calendar: row?.calendar ?? [],
    heldWords: row?.held_words ?? [],
    permitIds: row?.permit_ids ?? [],
    hitCounts: row?.hit_counts ?? [],
  };
}

/** The permits a report at another point (a drawn shape's) is linked to, on their own. */
export async function findLinkablePermits(input: {
  db: Database;
  municipalityId: number;
  position: Position;
  now: Date;
}): Promise<LinkablePermit[]> {
  const row = await queryOne<{ permits: LinkablePermit[] | null }>(
    input.db,
    sql`select ${linkablePermitsSql(input)} as permits`,
  );
  return row?.permits ?? [];
}

/** The owner's address and kind, when routing chose one the context did not list (a drawn shape). */
export async function findOwner(input: {
  db: Database;
  organisationId: number;
}): Promise<{ email: string | null; kind: string }> {
  const row = await queryOne<{ email: string | null; kind: string }>(
    input.db,
    sql`select email, kind from organisations where id = ${input.organisationId}`,
  );
  if (!row) throw new Error(`organisation ${input.organisationId} is gone`);
  return row;
}

function linkablePermitsSql(input: { municipalityId: number | SQL; position: Position; now: Date }): SQL {
  return sql`(select json_agg(json_build_object(
               'id', p.id, 'reference', p.reference, 'kind', p.kind, 'status', p.status,
               'decision_due_at', p.decision_due_at, 'contractor_email', p.contractor_email,
               'organisation_email', o.email,
               -- The holder hears of it whoever files (migration 0036).
               'applicant', civic_permit_holder_notice_to(p.id)) order by p.id)
             from (select p.id from public_permits p where ${linkablePermitsWhere(input)}) l
             join permits p on p.id = l.id
             left join organisations o on o.id = p.issuing_organisation_id)`;
}
