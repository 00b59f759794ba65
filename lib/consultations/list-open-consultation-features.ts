import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export type OpenConsultationProperties = {
  id: number;
  title: string;
  /** Last day for comments (Europe/Belgrade), or null when the office set none. */
  closesOn: string | null;
  /** The consultation's public page, relative to the site. */
  url: string;
};

/**
 * The municipality's consultations taking comments now, as GeoJSON for the public map: the works
 * site, the title and the page. Read from public_consultations (its `is_open` is the one rule for
 * "open"); a consultation without a site is in the list at /consultations but not on the map.
 */
export async function listOpenConsultationFeatures(input: {
  db: Database;
  municipalityId: number;
}): Promise<FeatureCollection<MultiPolygon, OpenConsultationProperties>> {
  const c = t.publicConsultations;
  const rows = await input.db
    .select({ id: c.id, title: c.title, closesOn: c.closesOn, site: c.site })
    .from(c)
    .where(and(eq(c.municipalityId, input.municipalityId), eq(c.isOpen, true), isNotNull(c.site)))
    .orderBy(asc(c.id));
  return {
    type: "FeatureCollection",
    features: rows.flatMap((r): Feature<MultiPolygon, OpenConsultationProperties>[] =>
      r.site
        ? [
            {
              type: "Feature",
              id: r.id,
              geometry: r.site,
              properties: { id: r.id, title: r.title, closesOn: r.closesOn, url: `/consultations/${r.id}` },
            },
          ]
        : [],
    ),
  };
}
