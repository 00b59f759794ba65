import "server-only";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { PermitKind } from "./conflict-matrix";
import { findPermitConflicts, type PermitConflict } from "./find-permit-conflicts";
import { permitTransitions, type PermitStatus } from "./permit-states";

export type StaffPermit = {
  id: number;
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  version: number;
  channel: string;
  issuingOrganisation: string | null;
  holderName: string;
  holderIsCompany: boolean;
  contractor: string | null;
  contractorEmail: string | null;
  worksDescription: string;
  conditions: string | null;
  site: MultiPolygon;
  validFrom: string;
  validTo: string;
  decisionDueAt: string | null;
  createdAt: string;
  /** The applicant's contact and tracking key: for the permits office, who reads applicants. */
  applicant: {
    name: string;
    email: string | null;
    phone: string | null;
    address: string | null;
    trackingKey: string;
  } | null;
  nextStatuses: PermitStatus[];
  conflicts: PermitConflict[];
  history: Array<{
    id: number;
    kind: string;
    fromStatus: PermitStatus | null;
    toStatus: PermitStatus | null;
    actor: string | null;
    note: string | null;
    reportCode: string | null;
    at: string;
  }>;
  documents: Array<{ id: number; fileName: string; contentType: string; byteSize: number; at: string }>;
  reports: Array<{ code: string; distanceMetres: number; at: string }>;
};

/** A permit as the permits office sees it: everything, with its history, documents, linked reports and current conflicts. */
export async function getStaffPermit(input: {
  db: Database;
  id: number;
  municipalityIds: readonly number[];
  locale: Locale;
}): Promise<StaffPermit | null> {
  const { db } = input;
  if (!Number.isInteger(input.id) || input.municipalityIds.length === 0) return null;
  const row = await queryOne<{
    id: number;
    municipality_id: number;
    reference: string;
    kind: PermitKind;
    status: PermitStatus;
    version: number;
    channel: string;
    org: LocalizedText | null;
    holder_name: string;
    holder_is_company: boolean;
    contractor: string | null;
    contractor_email: string | null;
    works_description: string;
    conditions: string | null;
    site: string;
    valid_from: string;
    valid_to: string;
    decision_due_at: string | Date | null;
    created_at: string | Date;
    a_name: string | null;
    a_email: string | null;
    a_phone: string | null;
    a_address: string | null;
    tracking_key: string;
  }>(
    db,
    sql`select p.id, p.municipality_id, p.reference, p.kind, p.status, p.version, p.channel, o.name as org, p.holder_name, p.holder_is_company,
               p.contractor, p.contractor_email, p.works_description, p.conditions, ST_AsGeoJSON(p.site, 7) as site,
               p.valid_from::text as valid_from, p.valid_to::text as valid_to, p.decision_due_at, p.created_at,
               a.name as a_name, a.email as a_email, a.phone as a_phone, a.address as a_address, p.tracking_key
        from permits p
        left join organisations o on o.id = p.issuing_organisation_id
        left join permit_applicants a on a.permit_id = p.id
        where p.id = ${input.id} and p.municipality_id in ${input.municipalityIds}`,
  );
  if (!row) return null;
  const site = JSON.parse(row.site) as MultiPolygon;
  const [history, documents, reports, conflicts] = await Promise.all([
    queryRows<{
      id: number;
      kind: string;
      from_status: PermitStatus | null;
      to_status: PermitStatus | null;
      actor: string | null;
      note: string | null;
      report_code: string | null;
      created_at: string | Date;
    }>(
      db,
      sql`select e.id, e.kind, e.from_status, e.to_status, u.name as actor, e.note, r.tracking_code as report_code, e.created_at
          from permit_events e left join users u on u.id = e.actor_user_id left join reports r on r.id = e.report_id
          where e.permit_id = ${row.id} order by e.created_at, e.id`,
    ),
    queryRows<{
      id: number;
      file_name: string;
      content_type: string;
      byte_size: number;
      created_at: string | Date;
    }>(
      db,
      sql`select id, file_name, content_type, byte_size, created_at from permit_documents where permit_id = ${row.id} order by id`,
    ),
    queryRows<{ code: string; distance_metres: number; created_at: string | Date }>(
      db,
      sql`select r.tracking_code as code, rp.distance_metres, rp.created_at from report_permits rp join reports r on r.id = rp.report_id
          where rp.permit_id = ${row.id} order by rp.created_at desc`,
    ),
    ["refused", "completed", "revoked"].includes(row.status)
      ? Promise.resolve([] as PermitConflict[])
      : findPermitConflicts({
          db,
          municipalityId: row.municipality_id,
          kind: row.kind,
          site,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          excludePermitId: row.id,
          withSites: true,
        }),
  ]);
  const iso = (v: string | Date) => new Date(v).toISOString();
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    version: row.version,
    channel: row.channel,
    issuingOrganisation: row.org ? localized(row.org, input.locale) : null,
    holderName: row.holder_name,
    holderIsCompany: row.holder_is_company,
    contractor: row.contractor,
    contractorEmail: row.contractor_email,
    worksDescription: row.works_description,
    conditions: row.conditions,
    site,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    decisionDueAt: row.decision_due_at === null ? null : iso(row.decision_due_at),
    createdAt: iso(row.created_at),
    applicant:
      row.a_name === null
        ? null
        : {
            name: row.a_name,
            email: row.a_email,
            phone: row.a_phone,
            address: row.a_address,
            trackingKey: row.tracking_key,
          },
    nextStatuses: [...permitTransitions[row.status]],
    conflicts,
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      actor: h.actor,
      note: h.note,
      reportCode: h.report_code,
      at: iso(h.created_at),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      contentType: d.content_type,
      byteSize: d.byte_size,
      at: iso(d.created_at),
    })),
    reports: reports.map((r) => ({
      code: r.code,
      distanceMetres: Number(r.distance_metres),
      at: iso(r.created_at),
    })),
  };
}
