import "server-only";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import type { SessionUser } from "../auth/staff-user";
import type { Locale } from "../i18n/config";
import { tilesAround, type TileAddress } from "../tiles/tiles-around";
import { getStaffReport, type StaffReport } from "./get-staff-report";
import { listCategories, type CategoryGroupChoice } from "./list-categories";
import { listFieldQueue, type FieldItem } from "./list-field-queue";

/** What the field app keeps on the phone so a crew can work with no connection. */
export type FieldBundle = {
  savedAt: string;
  items: FieldItem[];
  /** The staff view of every listed report, by id: timeline, actions open to this user, version. */
  reports: Record<number, StaffReport>;
  /** The categories a problem found on the spot can be filed under, in the crew's municipality. */
  categories: CategoryGroupChoice[];
  /** Map tiles around the listed reports, for the phone to fetch into its cache while online. */
  tiles: TileAddress[];
};

/** The most reports a bundle carries in full (the nearest ones). */
export const FIELD_BUNDLE_LIMIT = 50;

/**
 * The crew's list nearest first with each report as the staff view shows it, the categories for
 * filing new ones, and the tiles of the map around them. The contact of a reporter travels only
 * when this user may see it on the report page too (and the app forgets it at sign-out).
 */
export async function getFieldBundle(input: {
  db: Database;
  user: SessionUser;
  position: Position | null;
  locale: Locale;
  now?: Date;
}): Promise<FieldBundle> {
  const items = await listFieldQueue({
    db: input.db,
    user: input.user,
    position: input.position,
    locale: input.locale,
    limit: FIELD_BUNDLE_LIMIT,
  });
  const reports: Record<number, StaffReport> = {};
  for (const item of items) {
    const report = await getStaffReport({
      db: input.db,
      id: item.id,
      user: input.user,
      locale: input.locale,
    });
    if (report) reports[item.id] = report;
  }
  const municipalityId = input.user.municipalityIds[0];
  const categories =
    municipalityId === undefined
      ? []
      : await listCategories({ db: input.db, municipalityId, locale: input.locale });
  return {
    savedAt: (input.now ?? new Date()).toISOString(),
    items,
    reports,
    categories,
    tiles: tilesAround(
      items.map((i) => i.position),
      { radiusMetres: 400, minZoom: 13, maxZoom: 16, maxTiles: 600 },
    ),
  };
}
