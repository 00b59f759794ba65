import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { moderatedMunicipalities, type Moderator } from "./can-moderate";

export type QueueFlag = {
  id: number;
  /** The citizen's comment the flag is about; null: the report itself. */
  commentId: number | null;
  source: string;
  reason: string;
  note: string | null;
  createdAt: string;
};

export type ModerationQueueItem = {
  reportId: number;
  code: string;
  category: string;
  description: string;
  publicDescription: string | null;
  address: string | null;
  publicAddress: string | null;
  hidden: boolean;
  flags: QueueFlag[];
  photos: Array<{ id: number; hidden: boolean }>;
  /** The flagged citizen comments: the original beside the public text, and whether it waits or is hidden. */
  comments: QueueComment[];
};

export type QueueComment = {
  id: number;
  body: string;
  publicBody: string | null;
  state: "held" | "published" | "rejected";
  hidden: boolean;
};

/** Reports with open flags in the municipalities the user moderates, oldest flag first. */
export async function listModerationQueue(input: {
  db: Database;
  user: Moderator;
  locale: Locale;
  limit?: number;
}): Promise<ModerationQueueItem[]> {
  const municipalityIds = await moderatedMunicipalities({ db: input.db, user: input.user });
  if (municipalityIds.length === 0) return [];
  const rows = await queryRows<{
    id: number;
    code: string;
    category: LocalizedText;
    description: string;
    public_description: string | null;
    address: string | null;
    public_address: string | null;
    hidden: boolean;
    flags: QueueFlag[];
    photos: Array<{ id: number; hidden: boolean }> | null;
    comments: QueueComment[] | null;
  }>(
    input.db,
    sql`select r.id, r.tracking_code as code, c.name as category, r.description, r.public_description,
               r.address, r.public_address, r.hidden_at is not null as hidden,
               (select json_agg(json_build_object('id', f.id, 'commentId', f.comment_id, 'source', f.source, 'reason', f.reason,
                         'note', f.note, 'createdAt', f.created_at) order by f.id)
                  from moderation_flags f where f.report_id = r.id and f.resolved_at is null) as flags,
               (select json_agg(json_build_object('id', a.id, 'hidden', a.hidden_at is not null) order by a.id)
                  from attachments a where a.report_id = r.id and a.content_type like 'image/%') as photos,
               (select json_agg(json_build_object('id', m.id, 'body', m.body, 'publicBody', m.public_body,
                         'state', m.state, 'hidden', m.hidden_at is not null) order by m.id)
                  from report_comments m where m.report_id = r.id and exists (
                    select 1 from moderation_flags f where f.comment_id = m.id and f.resolved_at is null)) as comments
        from reports r join service_categories c on c.id = r.category_id
        where r.id in (select report_id from moderation_flags
                       where resolved_at is null and municipality_id in ${municipalityIds})
        order by (select min(created_at) from moderation_flags f
                  where f.report_id = r.id and f.resolved_at is null), r.id
        limit ${input.limit ?? 100}`,
  );
  return rows.map((r) => ({
    reportId: r.id,
    code: r.code,
    category: localized(r.category, input.locale),
    description: r.description,
    publicDescription: r.public_description,
    address: r.address,
    publicAddress: r.public_address,
    hidden: r.hidden,
    flags: r.flags,
    photos: r.photos ?? [],
    comments: r.comments ?? [],
  }));
}

/** A consultation comment the public flagged ("report this comment"), with its open flags. */
export type QueueConsultationComment = {
  id: number;
  consultationId: number;
  consultationTitle: string;
  body: string;
  publicBody: string | null;
  state: "held" | "published" | "rejected";
  hidden: boolean;
  flags: QueueFlag[];
};

/** Consultation comments with open flags in the municipalities the user moderates, oldest flag first. */
export async function listFlaggedConsultationComments(input: {
  db: Database;
  user: Moderator;
  limit?: number;
}): Promise<QueueConsultationComment[]> {
  const municipalityIds = await moderatedMunicipalities({ db: input.db, user: input.user });
  if (municipalityIds.length === 0) return [];
  const rows = await queryRows<{
    id: number;
    consultation_id: number;
    title: string;
    body: string;
    public_body: string | null;
    state: QueueConsultationComment["state"];
    hidden: boolean;
    flags: QueueFlag[];
  }>(
    input.db,
    sql`select m.id, m.consultation_id, c.title, m.body, m.public_body, m.state, m.hidden_at is not null as hidden,
               json_agg(json_build_object('id', f.id, 'commentId', m.id, 'source', f.source, 'reason', f.reason,
                         'note', f.note, 'createdAt', f.created_at) order by f.id) as flags
        from moderation_flags f
        join consultation_comments m on m.id = f.consultation_comment_id
        join consultations c on c.id = m.consultation_id
        where f.resolved_at is null and f.municipality_id in ${municipalityIds}
        group by m.id, c.id
        order by min(f.created_at), m.id
        limit ${input.limit ?? 100}`,
  );
  return rows.map((r) => ({
    id: r.id,
    consultationId: r.consultation_id,
    consultationTitle: r.title,
    body: r.body,
    publicBody: r.public_body,
    state: r.state,
    hidden: r.hidden,
    flags: r.flags,
  }));
}

/**
 * How many items wait in the user's moderation queue (the staff navigation's count): flagged reports
 * and flagged consultation comments; null: not a moderator.
 */
export async function countModerationQueue(input: { db: Database; user: Moderator }): Promise<number | null> {
  const municipalityIds = await moderatedMunicipalities({ db: input.db, user: input.user });
  if (municipalityIds.length === 0) return null;
  const row = await queryOne<{ n: number }>(
    input.db,
    sql`select (count(distinct report_id) + count(distinct consultation_comment_id))::int as n from moderation_flags
        where resolved_at is null and municipality_id in ${municipalityIds}`,
  );
  return row?.n ?? 0;
}
