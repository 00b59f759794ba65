import { randomUUID } from "node:crypto";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { getDb, type Database } from "../../db/client";
import * as t from "../../db/schema";
import { sr } from "../../db/seed/localized";
import { makeTrackingCode, cryptoRandom } from "../../lib/reports/tracking-code";

/**
 * Builders for realistic rows. Every builder makes its own unique codes, so tests sharing a
 * database never see each other's data.
 */
export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** An axis-aligned rectangle [west, south, east, north] as a polygon. */
export function box(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

export function multi(polygon: Polygon): MultiPolygon {
  return { type: "MultiPolygon", coordinates: [polygon.coordinates] };
}

export async function buildMunicipality(input: { boundary?: Polygon; db?: Database } = {}) {
  const db = input.db ?? (await getDb());
  const [row] = await db
    .insert(t.municipalities)
    .values({
      code: uniqueCode("mun"),
      name: sr("Testna opština", "Test municipality"),
      boundary: multi(input.boundary ?? box(20, 44, 20.1, 44.1)),
      boundarySource: "test fixture",
    })
    .returning();
  return row!;
}

export async function buildOrganisation(input: {
  municipalityId: number;
  kind?: t.Organisation["kind"];
  sector?: string | null;
  code?: string;
  serviceArea?: Polygon | null;
  active?: boolean;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(t.organisations)
    .values({
      municipalityId: input.municipalityId,
      code: input.code ?? uniqueCode("org"),
      kind: input.kind ?? "utility_company",
      sector: input.sector === undefined ? "water" : input.sector,
      name: sr("Testna organizacija", "Test organisation"),
      serviceArea: input.serviceArea ? multi(input.serviceArea) : null,
      active: input.active ?? true,
    })
    .returning();
  return row!;
}

export async function buildCategory(input: {
  municipalityId: number;
  kind?: t.ServiceCategory["responsibleKind"];
  sector?: string | null;
  isPublic?: boolean;
  slaWorkingDays?: number;
}) {
  const db = await getDb();
  const [group] = await db
    .insert(t.categoryGroups)
    .values({ municipalityId: input.municipalityId, code: uniqueCode("grp"), name: sr("Grupa", "Group") })
    .returning();
  const [row] = await db
    .insert(t.serviceCategories)
    .values({
      municipalityId: input.municipalityId,
      groupId: group!.id,
      serviceCode: uniqueCode("cat"),
      name: sr("Curenje vode", "Water leak"),
      description: sr("Opis", "Description"),
      responsibleKind: input.kind ?? "utility_company",
      responsibleSector: input.sector === undefined ? "water" : input.sector,
      slaWorkingDays: input.slaWorkingDays ?? 2,
      isPublic: input.isPublic ?? true,
    })
    .returning();
  return row!;
}

export async function buildReport(input: {
  municipalityId: number;
  categoryId: number;
  position: Position;
  status?: t.Report["status"];
  isPublic?: boolean;
  contact?: { name?: string; email?: string; phone?: string };
  description?: string;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(t.reports)
    .values({
      trackingCode: makeTrackingCode(cryptoRandom),
      municipalityId: input.municipalityId,
      categoryId: input.categoryId,
      location: { type: "Point", coordinates: input.position },
      description: input.description ?? "Voda izbija iz asfalta kod raskrsnice.",
      status: input.status ?? "received",
      channel: "web",
      isPublic: input.isPublic ?? true,
    })
    .returning();
  if (input.contact) {
    await db
      .insert(t.reportContacts)
      .values({ reportId: row!.id, municipalityId: row!.municipalityId, ...input.contact });
  }
  return row!;
}
