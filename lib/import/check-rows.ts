import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { Locale } from "../i18n/config";
import { searchPlaces } from "../places/search-places";
import type { ColumnMapping } from "./import-schema";
import { isProblem, readRow, type ReadRow, type RowProblem } from "./read-row";

export type CategoryInfo = {
  id: number;
  responsibleKind: string;
  responsibleSector: string | null;
  slaWorkingDays: number;
  isPublic: boolean;
};

export type CheckedRow = { rowNumber: number; raw: string[] } & (
  | { ok: true; report: ReadRow & { position: [number, number]; category: CategoryInfo } }
  | { ok: false; problem: RowProblem }
);

/** The municipality's categories by service code, active or not (history may use retired ones). */
export async function loadCategories(
  db: Database,
  municipalityId: number,
): Promise<Map<string, CategoryInfo>> {
  const rows = await queryRows<{
    id: number;
    service_code: string;
    responsible_kind: string;
    responsible_sector: string | null;
    sla_working_days: number;
    is_public: boolean;
  }>(
    db,
    sql`select id, service_code, responsible_kind::text, responsible_sector, sla_working_days, is_public from service_categories where municipality_id = ${municipalityId}`,
  );
  return new Map(
    rows.map((r) => [
      r.service_code.toLowerCase(),
      {
        id: r.id,
        responsibleKind: r.responsible_kind,
        responsibleSector: r.responsible_sector,
        slaWorkingDays: r.sla_working_days,
        isPublic: r.is_public,
      },
    ]),
  );
}

/**
 * Checks a slice of CSV rows as an import would write them: readable values, a category the
 * municipality has, a place (coordinates, or an address the gazetteer finds) inside its boundary.
 * Reads only. `firstRowNumber` is the CSV line of the first row (the header is line 1).
 */
export async function checkRows(input: {
  db: Database;
  municipalityId: number;
  header: string[];
  rows: string[][];
  firstRowNumber: number;
  mapping: ColumnMapping;
  categories: Map<string, CategoryInfo>;
  locale: Locale;
  now: Date;
  geocodeCache: Map<string, [number, number] | null>;
}): Promise<CheckedRow[]> {
  const { db } = input;
  const out: CheckedRow[] = [];
  for (const [i, row] of input.rows.entries()) {
    const rowNumber = input.firstRowNumber + i;
    const read = readRow({ header: input.header, row, mapping: input.mapping, now: input.now });
    if (isProblem(read)) {
      out.push({ rowNumber, raw: row, ok: false, problem: read });
      continue;
    }
    const category = input.categories.get(read.categoryCode.toLowerCase());
    if (!category) {
      out.push({
        rowNumber,
        raw: row,
        ok: false,
        problem: { messageKey: "importUnknownCategory", values: { code: read.categoryCode.slice(0, 64) } },
      });
      continue;
    }
    let position = read.position;
    if (!position && read.address) {
      if (!input.geocodeCache.has(read.address)) {
        const hit = (await searchPlaces({ db, query: read.address, locale: input.locale, limit: 1 }))[0];
        input.geocodeCache.set(read.address, hit ? (hit.position as [number, number]) : null);
      }
      position = input.geocodeCache.get(read.address) ?? null;
      if (!position) {
        out.push({
          rowNumber,
          raw: row,
          ok: false,
          problem: { messageKey: "importAddressNotFound", values: { address: read.address.slice(0, 100) } },
        });
        continue;
      }
    }
    out.push({ rowNumber, raw: row, ok: true, report: { ...read, position: position!, category } });
  }
  // Inside the municipality: one query for the whole slice (index-backed ST_Covers).
  const located = out.flatMap((r, i) => (r.ok ? [{ i, p: r.report.position }] : []));
  if (located.length > 0) {
    const inside = await queryRows<{ i: number; inside: boolean }>(
      db,
      sql`select (item ->> 'i')::int as i,
                 ST_Covers(m.boundary, ST_SetSRID(ST_MakePoint((item -> 'p' ->> 0)::float8, (item -> 'p' ->> 1)::float8), 4326)) as inside
          from jsonb_array_elements(${JSON.stringify(located)}::jsonb) as item, municipalities m
          where m.id = ${input.municipalityId}`,
    );
    for (const row of inside) {
      if (!row.inside) {
        const checked = out[row.i]!;
        out[row.i] = {
          rowNumber: checked.rowNumber,
          raw: checked.raw,
          ok: false,
          problem: { messageKey: "importOutsideMunicipality" },
        };
      }
    }
  }
  return out;
}
