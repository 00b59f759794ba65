import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { LineString, Polygon, Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { geoJsonSql, pointSql } from "../geo/sql";
import { collectSpatialContext, type SpatialContext } from "./spatial-context";

export type RoutingReason =
  /** Exactly one organisation's service area contains the point. */
  | "service_area"
  /** One organisation of the kind serves the whole municipality. */
  | "municipality_wide"
  /** The point lies on the edge shared by several service areas: the lowest organisation code wins. */
  | "shared_boundary"
  /** Several service areas overlap at the point: a person decides. */
  | "overlapping_service_areas"
  /** No organisation of the responsible kind serves the point. */
  | "no_organisation";

export type RoutingResult = {
  organisationId: number | null;
  reason: RoutingReason;
  candidateIds: number[];
  context: SpatialContext;
};

export type RoutingCandidate = { id: number; code: string; has_area: boolean; interior: boolean };
type Candidate = RoutingCandidate;

/**
 * Picks the organisation responsible for a report: the category names a kind (and sector) of
 * organisation; among those, the one whose service area holds the point. Organisations with a
 * service area are preferred to those without (a split town beats a town-wide default). No unique
 * owner → `organisationId: null` and the reason, so the report goes to the contact centre's triage.
 */
export async function routeReport(input: {
  db: Database;
  municipalityId: number;
  responsibleKind: string;
  responsibleSector: string | null;
  position: Position;
  /** A drawn line or area: the organisation whose service area holds most of it. */
  shape?: LineString | Polygon | null;
}): Promise<RoutingResult> {
  const { db, municipalityId, position } = input;
  const candidates = input.shape
    ? await shapeCandidates({ ...input, shape: input.shape })
    : await queryRows<Candidate>(db, pointCandidatesSql(input));
  const context = await collectSpatialContext({ db, municipalityId, position });
  const decision = decideOwner(candidates);
  return { ...decision, candidateIds: candidates.map((c) => c.id), context };
}

/**
 * The organisations that may own a report at a point, ordered by code: those of the category's
 * kind (and sector) whose service area covers the point, or that have none. The municipality, kind
 * and sector may be SQL (a filing reads them in the same statement).
 */
export function pointCandidatesSql(input: {
  municipalityId: number | SQL;
  responsibleKind: string | SQL;
  responsibleSector: string | null | SQL;
  position: Position;
}): SQL {
  const point = pointSql(input.position);
  return sql`select id, code, service_area is not null as has_area,
               (service_area is null or ST_Contains(service_area, ${point})) as interior
        from organisations
        where municipality_id = ${input.municipalityId}
          and active
          and kind = ${input.responsibleKind}::organisation_kind
          and (${input.responsibleSector}::text is null or sector = ${input.responsibleSector}::text)
          and (service_area is null or ST_Covers(service_area, ${point}))
        order by code`;
}

/**
 * Candidates for a drawn shape: those whose service area it touches, or with none. Among the
 * areas, the one holding the largest share of the line's length (or of the area) counts as
 * "interior"; an even split between several leaves them all interior, so a person decides.
 */
async function shapeCandidates(input: {
  db: Database;
  municipalityId: number;
  responsibleKind: string;
  responsibleSector: string | null;
  shape: LineString | Polygon;
}): Promise<Candidate[]> {
  const g = geoJsonSql(input.shape);
  const rows = await queryRows<{ id: number; code: string; has_area: boolean; share: number | null }>(
    input.db,
    sql`select o.id, o.code, o.service_area is not null as has_area,
               case when o.service_area is null then null
                    when GeometryType(s.g) = 'LINESTRING'
                      then ST_Length(ST_Intersection(o.service_area, s.g)::geography) / nullif(ST_Length(s.g::geography), 0)
                    else ST_Area(ST_Intersection(o.service_area, s.g)::geography) / nullif(ST_Area(s.g::geography), 0)
               end as share
        from organisations o, (select ${g} as g) s
        where o.municipality_id = ${input.municipalityId}
          and o.active
          and o.kind = ${input.responsibleKind}::organisation_kind
          and (${input.responsibleSector}::text is null or o.sector = ${input.responsibleSector}::text)
          and (o.service_area is null or ST_Intersects(o.service_area, s.g))
        order by o.code`,
  );
  const best = Math.max(0, ...rows.map((r) => Number(r.share ?? 0)));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    has_area: r.has_area,
    interior: !r.has_area || (best > 0 && Number(r.share ?? 0) >= best - 1e-6),
  }));
}

/** The owner among the candidates, or none and why (the rule the router applies). */
export function decideOwner(candidates: Candidate[]): Pick<RoutingResult, "organisationId" | "reason"> {
  if (candidates.length === 0) return { organisationId: null, reason: "no_organisation" };
  const specific = candidates.filter((c) => c.has_area);
  if (specific.length === 0) {
    return candidates.length === 1
      ? { organisationId: candidates[0]!.id, reason: "municipality_wide" }
      : { organisationId: null, reason: "overlapping_service_areas" };
  }
  const inside = specific.filter((c) => c.interior);
  if (inside.length === 1) return { organisationId: inside[0]!.id, reason: "service_area" };
  if (inside.length > 1) return { organisationId: null, reason: "overlapping_service_areas" };
  if (specific.length === 1) return { organisationId: specific[0]!.id, reason: "service_area" };
  // Only on edges: candidates are ordered by code.
  return { organisationId: specific[0]!.id, reason: "shared_boundary" };
}

/**
 * The served municipality whose boundary holds the point (edges included; lowest code on a shared
 * edge). Training municipalities cover the same ground as real ones and are found only for staff
 * who work in them (`preferIds`), so nobody else's report ever lands in training.
 */
export async function findMunicipalityAt(input: {
  db: Database;
  position: Position;
  preferIds?: readonly number[];
}): Promise<number | null> {
  const prefer = sql`array[${sql.join(
    [...(input.preferIds ?? []), -1].map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
  const row = await queryOne<{ id: number }>(
    input.db,
    sql`select id from municipalities
        where ST_Covers(boundary, ${pointSql(input.position)}) and (not is_training or id = any(${prefer}))
        order by (id = any(${prefer})) desc, code limit 1`,
  );
  return row?.id ?? null;
}
