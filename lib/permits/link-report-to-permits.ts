import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { localDate } from "../calendar/working-days";
import { pointSql } from "../geo/sql";
import { enqueuePermitNotifications } from "../notifications/enqueue-permit-notifications";
import { REPORT_LINK_RADIUS_METRES, reportLinkedKinds } from "./conflict-matrix";

/**
 * Inside the report filing transaction: links the new report to every active excavation or
 * construction permit whose site contains the point or lies within 10 m of it (geography), adds a
 * `report_linked` entry to each permit's history and writes the messages to its holder, contractor
 * and issuing department. Returns the linked permit ids. Active permits are public: they are found
 * through the public_permits view, so the site index serves the distance test inside a staff scope
 * too (under the permits policy the non-leakproof ST_DWithin would scan every permit).
 */
export async function linkReportToPermits(
  tx: Database,
  input: { reportId: number; municipalityId: number; position: Position; now: Date },
): Promise<number[]> {
  const linked = await queryRows<{ permit_id: number }>(
    tx,
    sql`insert into report_permits (report_id, municipality_id, permit_id, distance_metres, created_at)
        select ${input.reportId}, p.municipality_id, p.id, ST_Distance(p.site::geography, ${pointSql(input.position)}::geography),
               ${input.now.toISOString()}::timestamptz
        from public_permits p
        where ${linkablePermitsWhere(input)}
        on conflict do nothing
        returning permit_id`,
  );
  for (const { permit_id } of linked) {
    const [event] = await tx
      .insert(t.permitEvents)
      .values({ permitId: permit_id, kind: "report_linked", reportId: input.reportId, createdAt: input.now })
      .returning({ id: t.permitEvents.id });
    await enqueuePermitNotifications(tx, { permitId: permit_id, eventId: event!.id });
  }
  return linked.map((l) => l.permit_id);
}

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
