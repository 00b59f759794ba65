import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { municipalities } from "../../db/schema";
import { AppError } from "../errors";
import type { LocalizedText } from "../i18n/config";
import type { BBox } from "../geo/sql";

export type MunicipalitySummary = {
  id: number;
  code: string;
  name: LocalizedText;
  bbox: BBox;
  boundarySource: string;
};

const summaryColumns = {
  id: municipalities.id,
  code: municipalities.code,
  name: municipalities.name,
  boundarySource: municipalities.boundarySource,
  bbox: sql<string>`ST_AsGeoJSON(ST_Envelope(${municipalities.boundary}))`,
};

function toSummary(row: {
  id: number;
  code: string;
  name: LocalizedText;
  boundarySource: string;
  bbox: string;
}) {
  const ring = (JSON.parse(row.bbox) as { coordinates: number[][][] }).coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return {
    ...row,
    bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as BBox,
  };
}

/** The municipality the public pages open on: the first one set up. */
export async function getDefaultMunicipality(input: { db: Database }): Promise<MunicipalitySummary | null> {
  const [row] = await input.db
    .select(summaryColumns)
    .from(municipalities)
    .where(eq(municipalities.isTraining, false))
    .orderBy(asc(municipalities.id))
    .limit(1);
  return row ? toSummary(row) : null;
}

export async function getMunicipalityOrThrow(input: {
  db: Database;
  code: string;
}): Promise<MunicipalitySummary> {
  const [row] = await input.db
    .select(summaryColumns)
    .from(municipalities)
    .where(eq(municipalities.code, input.code));
  if (!row) throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
  return toSummary(row);
}

export async function getMunicipalityById(input: {
  db: Database;
  id: number;
}): Promise<MunicipalitySummary | null> {
  const [row] = await input.db
    .select(summaryColumns)
    .from(municipalities)
    .where(eq(municipalities.id, input.id));
  return row ? toSummary(row) : null;
}

/**
 * The municipality a public page shows: the one named by `?municipality=` when it is served,
 * else the first one set up. Several municipalities can share one deployment.
 */
export async function getPublicMunicipality(input: {
  db: Database;
  code?: string | null;
}): Promise<MunicipalitySummary | null> {
  if (input.code) {
    const [row] = await input.db
      .select(summaryColumns)
      .from(municipalities)
      .where(and(eq(municipalities.code, input.code), eq(municipalities.isTraining, false)));
    if (row) return toSummary(row);
  }
  return getDefaultMunicipality({ db: input.db });
}

/** The municipality a staff page opens on: the staff member's own (first membership), else the first one set up. */
export async function getStaffMunicipality(input: {
  db: Database;
  municipalityIds: readonly number[];
}): Promise<MunicipalitySummary | null> {
  const own = input.municipalityIds[0];
  if (own !== undefined) {
    const found = await getMunicipalityById({ db: input.db, id: own });
    if (found) return found;
  }
  return getDefaultMunicipality({ db: input.db });
}

/** Every municipality served, for the public switcher: code and name, in the order they were set up. */
export async function listMunicipalities(input: {
  db: Database;
}): Promise<Array<{ code: string; name: LocalizedText }>> {
  return input.db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.isTraining, false))
    .orderBy(asc(municipalities.id));
}

/**
 * A page asked for by `?municipality=<code>` with a code that no served municipality has: the
 * page answers 404 (listing the municipalities served) instead of quietly showing another one.
 */
export async function isUnknownMunicipality(input: { db: Database; code?: string | null }): Promise<boolean> {
  if (!input.code) return false;
  const [row] = await input.db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(and(eq(municipalities.code, input.code), eq(municipalities.isTraining, false)));
  return !row;
}
