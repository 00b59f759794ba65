import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { queryRows } from "../../../db/query";

type Assignment = { id: number; kind: string; to_organisation_id: number | null };

export function forwardMessageKey(reportId: number, endpointId: number): string {
  return `open311-report-${reportId}-endpoint-${endpointId}`;
}

/**
 * A report assigned (or forwarded, or routed at filing) to an organisation whose own system
 * takes this category is queued for that system, in the caller's transaction. One forward per
 * report and system: assigning it there again later does not post it twice.
 */
export async function enqueueOpen311Forwards(
  tx: Database,
  input: { reportId: number; events: Assignment[] },
): Promise<number> {
  const organisationIds = [
    ...new Set(
      input.events
        .filter(
          (e) =>
            (e.kind === "assigned" || e.kind === "forwarded" || e.kind === "created") &&
            e.to_organisation_id !== null,
        )
        .map((e) => e.to_organisation_id!),
    ),
  ];
  if (organisationIds.length === 0) return 0;
  const forwards = await queryRows<{
    id: number;
    endpoint_id: number;
    base_url: string;
    external_service_code: string;
  }>(
    tx,
    sql`insert into report_forwards (report_id, municipality_id, endpoint_id, external_service_code)
        select r.id, r.municipality_id, e.id, fr.external_service_code
        from reports r
        join open311_forward_rules fr on fr.category_id = r.category_id
        join open311_endpoints e on e.id = fr.endpoint_id and e.active
        where r.id = ${input.reportId} and e.organisation_id in ${organisationIds}
        on conflict (report_id, endpoint_id) do nothing
        returning id, endpoint_id, (select base_url from open311_endpoints where id = endpoint_id) as base_url, external_service_code`,
  );
  for (const forward of forwards) {
    await tx.execute(
      sql`insert into outbox_messages (message_key, channel, recipient, locale, template, subject, body, payload)
          values (${forwardMessageKey(input.reportId, forward.endpoint_id)}, 'open311', ${forward.base_url}, 'en',
                  'open311_forward', ${forward.external_service_code}, '',
                  ${JSON.stringify({ reportId: input.reportId, forwardId: forward.id })}::jsonb)
          on conflict (message_key) do nothing`,
    );
  }
  return forwards.length;
}
