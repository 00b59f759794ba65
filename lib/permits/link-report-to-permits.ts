import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Position } from "geojson";
import { localDate } from "../calendar/working-days";
import { pointSql } from "../geo/sql";
import { REPORT_LINK_RADIUS_METRES, reportLinkedKinds } from "./conflict-matrix";

/**
 * The permits (aliased `p`) a report at this point is linked to: active excavation or construction
 * permits of its municipality, valid today, whose site contains the point or lies within 10 m.
 */
export function linkablePermitsWhere(input: {
  municipalityId: number | SQL;
  position: Position;
  now: Date;
}): SQL {
  const today = localDate(input.now);
  return sql`p.municipality_id = ${input.municipalityId}
          and p.status = 'active'
          and p.kind in (${sql.join(
            reportLinkedKinds.map((k) => sql`${k}`),
            sql`, `,
          )})
          and p.valid_from <= ${today}::date and p.valid_to >= ${today}::date
          and ST_DWithin(p.site::geography, ${pointSql(input.position)}::geography, ${REPORT_LINK_RADIUS_METRES})`;
}
