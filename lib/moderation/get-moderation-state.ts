import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";

export type ModerationState = {
  reportId: number;
  municipalityId: number;
  description: string;
  publicDescription: string | null;
  address: string | null;
  publicAddress: string | null;
  hidden: boolean;
  openFlags: number;
  photos: Array<{ id: number; hidden: boolean }>;
};

/** A report's public-facing state as a moderator works on it: originals, public texts, hidden parts. */
export async function getModerationState(input: {
  db: Database;
  reportId: number;
}): Promise<ModerationState | null> {
  const row = await queryOne<{
    id: number;
    municipality_id: number;
    description: string;
    public_description: string | null;
    address: string | null;
    public_address: string | null;
    hidden: boolean;
    open_flags: number;
    photos: Array<{ id: number; hidden: boolean }> | null;
  }>(
    input.db,
    sql`select r.id, r.municipality_id, r.description, r.public_description, r.address, r.public_address,
               r.hidden_at is not null as hidden,
               (select count(*)::int from moderation_flags f where f.report_id = r.id and f.resolved_at is null) as open_flags,
               (select json_agg(json_build_object('id', a.id, 'hidden', a.hidden_at is not null) order by a.id)
                  from attachments a where a.report_id = r.id and a.content_type like 'image/%') as photos
        from reports r where r.id = ${input.reportId}`,
  );
  if (!row) return null;
  return {
    reportId: row.id,
    municipalityId: row.municipality_id,
    description: row.description,
    publicDescription: row.public_description,
    address: row.address,
    publicAddress: row.public_address,
    hidden: row.hidden,
    openFlags: row.open_flags,
    photos: row.photos ?? [],
  };
}
