import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { ReportStatus } from "../workflow/states";

export type CallerReport = {
  id: number;
  code: string;
  category: string;
  status: ReportStatus;
  organisation: string | null;
  address: string | null;
  createdAt: string;
  dueAt: string | null;
  lastPublicText: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
};

/** Digits of a phone number without the country prefix or trunk zero: "+381 64 123 4567" → "641234567". */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.replace(/^(00)?381/, "").replace(/^0/, "");
}

/**
 * "Where is my request?": everything a caller reported before, found by email or phone, newest
 * first, with the latest word the citizen was given. For the contact centre only.
 */
export async function findCallerHistory(input: {
  db: Database;
  query: string;
  municipalityIds: number[];
  locale: Locale;
}): Promise<CallerReport[]> {
  const q = input.query.trim();
  const isEmail = q.includes("@");
  const key = isEmail ? q.toLowerCase() : phoneKey(q);
  if ((isEmail && key.length < 5) || (!isEmail && key.length < 6)) return [];
  const match = isEmail
    ? sql`lower(rc.email) = ${key}`
    : sql`regexp_replace(regexp_replace(regexp_replace(coalesce(rc.phone, ''), '\\D', '', 'g'), '^(00)?381', ''), '^0', '') = ${key}`;
  const municipalities = input.municipalityIds.length ? input.municipalityIds : [-1];
  const rows = await queryRows<{
    id: number;
    code: string;
    category: LocalizedText;
    status: ReportStatus;
    organisation: LocalizedText | null;
    address: string | null;
    created_at: string | Date;
    due_at: string | Date | null;
    last_public: string | null;
    name: string | null;
    email: string | null;
    phone: string | null;
  }>(
    input.db,
    sql`select r.id, r.tracking_code as code, c.name as category, r.status, o.name as organisation, r.address,
               r.created_at, r.due_at, rc.name, rc.email, rc.phone,
               (select e.public_text from report_events e where e.municipality_id = r.municipality_id and e.report_id = r.id and e.public_text is not null
                 order by e.created_at desc, e.id desc limit 1) as last_public
        from report_contacts rc
        join reports r on r.municipality_id = rc.municipality_id and r.id = rc.report_id
        join service_categories c on c.id = r.category_id
        left join organisations o on o.id = r.assigned_organisation_id
        where ${match} and rc.municipality_id in ${municipalities}
        order by r.created_at desc
        limit 50`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    category: localized(r.category, input.locale),
    status: r.status,
    organisation: r.organisation ? localized(r.organisation, input.locale) : null,
    address: r.address,
    createdAt: new Date(r.created_at).toISOString(),
    dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
    lastPublicText: r.last_public,
    contact: { name: r.name, email: r.email, phone: r.phone },
  }));
}
