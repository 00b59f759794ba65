import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { AppError } from "../errors";
import { locales, type Locale } from "../i18n/config";
import { transaction } from "../../db/transaction";

const localeSchema = z.enum(locales);

/**
 * The language a citizen's messages come in: kept on the account and on every report they filed
 * or follow, because the outbox renders each message in the locale stored with its recipient.
 */
export async function setMessageLocale(input: {
  db: Database;
  userId: number;
  locale: unknown;
}): Promise<{ locale: Locale }> {
  const parsed = localeSchema.safeParse(input.locale);
  if (!parsed.success) throw new AppError({ code: "unprocessable", messageKey: "invalidLocale" });
  const locale = parsed.data;
  await transaction(input.db, async (tx) => {
    await tx.execute(sql`update users set locale = ${locale} where id = ${input.userId}`);
    await tx.execute(sql`update report_contacts set locale = ${locale} where user_id = ${input.userId}`);
    await tx.execute(sql`update report_followers set locale = ${locale} where user_id = ${input.userId}`);
  });
  return { locale };
}
