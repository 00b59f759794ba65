import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type ContactCentreFigures = {
  /** Filtered reports that were first held by the contact centre (its triage queue or its intake). */
  received: number;
  /** Of those, settled by the contact centre itself (resolved, closed or referred elsewhere) without handing over to a service. */
  resolvedAtFirstContact: number;
  /** Of those, handed over (assigned or forwarded) to another organisation. */
  forwarded: number;
  firstContactResolutionRate: number | null;
  forwardingRate: number | null;
};

/**
 * The contact centre's first-contact resolution and forwarding rate, derived from the audit trail
 * (report_events): who held each report when it was created, and whether it was ever assigned or
 * forwarded to an organisation other than a contact centre.
 */
export async function measureContactCentre(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
}): Promise<ContactCentreFigures> {
  const row = await queryOne<{ received: number; resolved: number; forwarded: number }>(
    input.db,
    sql`with desk as (
          select id from organisations where municipality_id = ${input.municipalityId} and kind = 'contact_centre'
        ),
        received as (
          select r.id, r.status from reports r
          where ${reportScope(input)}
            and exists (select 1 from report_events e
                        where e.report_id = r.id and e.kind = 'created' and e.to_organisation_id in (select id from desk))
        ),
        handed_over as (
          select distinct e.report_id from report_events e join received x on x.id = e.report_id
          where e.kind in ('assigned', 'forwarded') and e.to_organisation_id not in (select id from desk)
        )
        select count(*)::int as received,
               count(*) filter (where h.report_id is null and x.status in ('resolved', 'closed', 'rejected'))::int as resolved,
               count(h.report_id)::int as forwarded
        from received x left join handed_over h on h.report_id = x.id`,
  );
  const received = row?.received ?? 0;
  const resolved = row?.resolved ?? 0;
  const forwarded = row?.forwarded ?? 0;
  return {
    received,
    resolvedAtFirstContact: resolved,
    forwarded,
    firstContactResolutionRate: received ? resolved / received : null,
    forwardingRate: received ? forwarded / received : null,
  };
}
