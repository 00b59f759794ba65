import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";

export type ModerationHistoryEntry = {
  id: number;
  kind: string;
  reason: string;
  note: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  attachmentId: number | null;
  /** Null: the automatic screen. */
  actor: string | null;
  createdAt: string;
};

/** A report's moderation history for staff and audit: who, when, what, the public state before and after. */
export async function listModerationHistory(input: {
  db: Database;
  reportId: number;
}): Promise<ModerationHistoryEntry[]> {
  const rows = await queryRows<{
    id: number;
    kind: string;
    reason: string;
    note: string | null;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    attachment_id: number | null;
    actor: string | null;
    created_at: string | Date;
  }>(
    input.db,
    sql`select m.id, m.kind, m.reason, m.note, m.before, m.after, m.attachment_id, u.name as actor, m.created_at
        from moderation_actions m left join users u on u.id = m.actor_user_id
        where m.report_id = ${input.reportId} order by m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    note: r.note,
    before: r.before,
    after: r.after,
    attachmentId: r.attachment_id,
    actor: r.actor,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
