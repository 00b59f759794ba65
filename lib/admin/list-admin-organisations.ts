import "server-only";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import type { LocalizedText } from "../i18n/config";
import { scopeListMunicipalityIds, type AdminScope } from "./admin-scope";

export type AdminOrganisation = {
  id: number;
  municipalityId: number;
  code: string;
  name: LocalizedText;
  kind: string;
  sector: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  /** Null: the whole municipality. */
  vertices: number | null;
  areaSquareMetres: number | null;
};

const scoped = (scope: AdminScope) =>
  sql`municipality_id in ${scope.municipalityIds.length ? scope.municipalityIds : [-1]}
      ${scope.all ? sql`` : sql`and id in ${scope.organisationIds.length ? scope.organisationIds : [-1]}`}`;

const columns = sql`id, municipality_id, code, name, kind, sector, email, phone, active,
  case when service_area is null then null else ST_NPoints(service_area) end as vertices,
  case when service_area is null then null else round(ST_Area(service_area::geography))::float8 end as area_m2`;

type Row = Omit<AdminOrganisation, "areaSquareMetres" | "municipalityId"> & {
  municipality_id: number;
  area_m2: number | null;
};
const toOrganisation = ({ area_m2, municipality_id, ...r }: Row): AdminOrganisation => ({
  ...r,
  municipalityId: municipality_id,
  areaSquareMetres: area_m2,
});

/** The organisations an administrator may open in the municipality they work in now, by code. */
export async function listAdminOrganisations(input: {
  db: Database;
  scope: AdminScope;
}): Promise<AdminOrganisation[]> {
  const rows = await queryRows<Row>(
    input.db,
    sql`select ${columns} from organisations
        where ${scoped(input.scope)} and municipality_id in ${scopeListMunicipalityIds(input.scope)}
        order by kind, code`,
  );
  return rows.map(toOrganisation);
}

/** One organisation with its service area as GeoJSON, or null outside the scope. */
export async function getAdminOrganisation(input: {
  db: Database;
  scope: AdminScope;
  id: number;
}): Promise<(AdminOrganisation & { serviceArea: MultiPolygon | null }) | null> {
  const row = await queryOne<Row & { area: string | null }>(
    input.db,
    sql`select ${columns}, ST_AsGeoJSON(service_area) as area from organisations where id = ${input.id} and ${scoped(input.scope)}`,
  );
  if (!row) return null;
  const { area, ...rest } = row;
  return { ...toOrganisation(rest), serviceArea: area ? (JSON.parse(area) as MultiPolygon) : null };
}
