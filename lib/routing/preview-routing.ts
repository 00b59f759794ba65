import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { computeDueAt } from "../calendar/working-days";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { loadCalendar } from "../workflow/load-calendar";
import { findMunicipalityAt, routeReport, type RoutingReason } from "./route-report";

export type RoutingPreview = {
  organisation: string | null;
  reason: RoutingReason;
  slaWorkingDays: number;
  dueAt: string;
};

/** Where a report would go and by when it would be due, before it is filed (for the agent on the phone). */
export async function previewRouting(input: {
  db: Database;
  serviceCode: string;
  position: Position;
  locale: Locale;
  now?: Date;
}): Promise<RoutingPreview | null> {
  const { db } = input;
  const municipalityId = await findMunicipalityAt({ db, position: input.position });
  if (municipalityId === null) return null;
  const category = await queryOne<{
    responsible_kind: string;
    responsible_sector: string | null;
    sla_working_days: number;
  }>(
    db,
    sql`select responsible_kind, responsible_sector, sla_working_days from service_categories
        where municipality_id = ${municipalityId} and service_code = ${input.serviceCode} and active`,
  );
  if (!category) return null;
  const routing = await routeReport({
    db,
    municipalityId,
    responsibleKind: category.responsible_kind,
    responsibleSector: category.responsible_sector,
    position: input.position,
  });
  const org = routing.organisationId
    ? await queryOne<{ name: LocalizedText }>(
        db,
        sql`select name from organisations where id = ${routing.organisationId}`,
      )
    : undefined;
  const dueAt = computeDueAt({
    createdAt: input.now ?? new Date(),
    slaWorkingDays: category.sla_working_days,
    overrides: await loadCalendar(db, municipalityId),
  });
  return {
    organisation: org ? localized(org.name, input.locale) : null,
    reason: routing.reason,
    slaWorkingDays: category.sla_working_days,
    dueAt: dueAt.toISOString(),
  };
}
