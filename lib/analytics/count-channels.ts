import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reportChannel } from "../../db/schema/enums";
import { queryRows } from "../../db/query";
import type { AnalyticsFilters } from "./filters";
import { reportScope } from "./report-scope";

export type Channel = (typeof reportChannel.enumValues)[number];
export type ChannelRow = { channel: Channel; reports: number };

/** How the filtered reports reached the municipality (web, phone, counter, email, Open311, field, imported history), every channel listed. */
export async function countChannels(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
}): Promise<ChannelRow[]> {
  const rows = await queryRows<{ channel: Channel; reports: number }>(
    input.db,
    sql`select r.channel, count(*)::int as reports from reports r where ${reportScope(input)} group by r.channel`,
  );
  return reportChannel.enumValues.map((channel) => ({
    channel,
    reports: rows.find((r) => r.channel === channel)?.reports ?? 0,
  }));
}
