import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { locales } from "../i18n/config";
import { normaliseTrackingCode } from "./tracking-code";
import { transaction } from "../../db/transaction";

export const supportSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  locale: z.enum(locales).default("sr-Latn"),
  // "Support" counts the person as affected too; "follow" only asks for updates.
  support: z.boolean().default(true),
});

/**
 * A citizen supports and/or follows an existing public report instead of filing a new one. With an
 * email the person is counted once however often they press the button, and hears about changes.
 */
export async function supportReport(input: {
  db: Database;
  code: string;
  body: z.input<typeof supportSchema>;
  /** A citizen signed in by e-mail link follows with their own address; the report joins "My reports". */
  citizen?: { userId: number; email: string };
}): Promise<{ supporters: number; following: boolean }> {
  const body = supportSchema.parse({ ...input.body, email: input.body.email || input.citizen?.email });
  const code = normaliseTrackingCode(input.code);
  if (!code) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  if (!body.email && !body.support)
    throw new AppError({ code: "unprocessable", messageKey: "emailRequiredToFollow" });
  return transaction(input.db, async (tx) => {
    const report = await queryOne<{ id: number; municipality_id: number; supporters_count: number }>(
      tx,
      // Only a report the public may see can be supported (the public_reports view's rule).
      sql`select r.id, r.municipality_id, r.supporters_count from reports r
          where r.id = (select p.id from public_reports p where p.tracking_code = ${code}) for update of r`,
    );
    if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
    let isNewPerson = true;
    if (body.email) {
      const inserted = await queryOne<{ id: number }>(
        tx,
        sql`insert into report_followers (report_id, municipality_id, email, locale, user_id)
            values (${report.id}, ${report.municipality_id}, ${body.email}, ${body.locale}, ${input.citizen && input.citizen.email === body.email ? input.citizen.userId : null})
            on conflict (report_id, email) do nothing returning id`,
      );
      // "My reports" tells supported from followed; a follower who later supports becomes a supporter.
      if (body.support)
        await tx.execute(
          sql`update report_followers set supported = true where report_id = ${report.id} and email = ${body.email}`,
        );
      const isReporter = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from report_contacts
            where municipality_id = ${report.municipality_id} and report_id = ${report.id} and lower(email) = ${body.email}`,
      );
      isNewPerson = Boolean(inserted) && Number(isReporter?.n) === 0;
    }
    let supporters = report.supporters_count;
    if (body.support && isNewPerson) {
      const row = await queryOne<{ supporters_count: number }>(
        tx,
        sql`update reports set supporters_count = supporters_count + 1 where id = ${report.id} returning supporters_count`,
      );
      supporters = row!.supporters_count;
    }
    return { supporters, following: Boolean(body.email) };
  });
}
