import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { getStorage, type Storage } from "../storage/storage";
import { isRetentionDue } from "./retention-due";
import { transaction } from "../../db/transaction";

export type RetentionCounts = {
  municipalityId: number;
  contactsAnonymised: number;
  followersRemoved: number;
  photosRemoved: number;
  consultationEmailsRemoved: number;
};

/** Months before `now`, as the database counts them (month ends clamp: 31 March − 1 month = 28/29 February). */
const monthsBefore = (now: Date, months: number) =>
  sql`(${now.toISOString()}::timestamptz - make_interval(months => ${months}))`;

/**
 * Personal-data retention for every municipality: reporters' contacts of reports closed more than
 * N months ago are anonymised (name, e-mail, phone and the account link cleared), those reports'
 * followers removed, and photo files of reports closed more than M months ago deleted from storage
 * (the attachment row, its hash and the moderation history stay). Consultation commenters' e-mails
 * (kept only to send the answer) are removed N months after the consultation closed. Idempotent: a second run finds
 * nothing left to do. One `retention_runs` row per municipality records the counts.
 */
export async function runRetention(input: {
  db: Database;
  now?: Date;
  storage?: Storage;
}): Promise<RetentionCounts[]> {
  const now = input.now ?? new Date();
  const storage = input.storage ?? getStorage();
  const municipalities = await queryRows<{ id: number; contact_months: number; photo_months: number }>(
    input.db,
    sql`select m.id, coalesce(p.contact_retention_months, 24) as contact_months,
               coalesce(p.photo_retention_months, 24) as photo_months
        from municipalities m left join privacy_settings p on p.municipality_id = m.id order by m.id`,
  );
  const out: RetentionCounts[] = [];
  for (const m of municipalities) {
    const contactCutoff = monthsBefore(now, m.contact_months);
    const photoCutoff = monthsBefore(now, m.photo_months);
    const counts = await transaction(input.db, async (tx) => {
      const contacts = await queryRows<{ report_id: number }>(
        tx,
        sql`update report_contacts rc set name = null, email = null, phone = null, user_id = null,
                   anonymised_at = ${now.toISOString()}::timestamptz
            from reports r
            where r.id = rc.report_id and r.municipality_id = ${m.id} and rc.anonymised_at is null
              and r.closed_at is not null and r.closed_at < ${contactCutoff}
            returning rc.report_id`,
      );
      const followers = await queryRows<{ id: number }>(
        tx,
        sql`delete from report_followers f using reports r
            where r.id = f.report_id and r.municipality_id = ${m.id}
              and r.closed_at is not null and r.closed_at < ${contactCutoff}
            returning f.id`,
      );
      const photos = await queryRows<{ id: number; storage_key: string }>(
        tx,
        sql`update attachments a set file_removed_at = ${now.toISOString()}::timestamptz, is_public = false
            from reports r
            where r.id = a.report_id and r.municipality_id = ${m.id} and a.file_removed_at is null
              and r.closed_at is not null and r.closed_at < ${photoCutoff}
            returning a.id, a.storage_key`,
      );
      // A consultation has closed when staff closed it or, still marked open, after its last day
      // (Europe/Belgrade), as public_consultations counts it; a draft never took comments.
      const consultationEmails = await queryRows<{ id: number }>(
        tx,
        sql`update consultation_comments m set email = null
            from consultations c
            where c.id = m.consultation_id and m.municipality_id = ${m.id} and m.email is not null
              and c.status <> 'draft'
              and coalesce(c.closed_at, ((c.closes_on + 1)::timestamp at time zone 'Europe/Belgrade')) < ${contactCutoff}
            returning m.id`,
      );
      return {
        contacts: contacts.length,
        followers: followers.length,
        photos,
        consultationEmails: consultationEmails.length,
      };
    });
    // Files go after the commit: a failed delete leaves a file to remove by hand, never a row pointing nowhere.
    for (const photo of counts.photos) await storage.delete(photo.storage_key).catch(() => undefined);
    const row = {
      municipalityId: m.id,
      contactsAnonymised: counts.contacts,
      followersRemoved: counts.followers,
      photosRemoved: counts.photos.length,
      consultationEmailsRemoved: counts.consultationEmails,
    };
    await input.db.insert(t.retentionRuns).values({ ...row, ranAt: now });
    out.push(row);
  }
  return out;
}

/** The nightly hook for the background worker: runs retention when it is due and logs the counts. */
export async function runRetentionIfDue(input: {
  db: Database;
  now?: Date;
}): Promise<RetentionCounts[] | null> {
  const now = input.now ?? new Date();
  const last = await queryOne<{ at: string | Date | null }>(
    input.db,
    sql`select max(ran_at) as at from retention_runs`,
  );
  if (!isRetentionDue({ now, lastRunAt: last?.at ? new Date(last.at) : null })) return null;
  const counts = await runRetention({ db: input.db, now });
  const total = (k: keyof Omit<RetentionCounts, "municipalityId">) => counts.reduce((s, c) => s + c[k], 0);
  console.info(
    `[retention] contacts anonymised ${total("contactsAnonymised")}, followers removed ${total("followersRemoved")}, photo files removed ${total("photosRemoved")}, consultation e-mails removed ${total("consultationEmailsRemoved")}`,
  );
  return counts;
}

/** The last runs, newest first, for the administration page. */
export async function listRetentionRuns(input: { db: Database; municipalityIds: number[]; limit?: number }) {
  if (input.municipalityIds.length === 0) return [];
  return queryRows<{
    municipality_id: number;
    ran_at: string | Date;
    contacts_anonymised: number;
    followers_removed: number;
    photos_removed: number;
    consultation_emails_removed: number;
  }>(
    input.db,
    sql`select municipality_id, ran_at, contacts_anonymised, followers_removed, photos_removed,
               consultation_emails_removed from retention_runs
        where municipality_id in ${input.municipalityIds} order by ran_at desc, id desc limit ${input.limit ?? 10}`,
  );
}
