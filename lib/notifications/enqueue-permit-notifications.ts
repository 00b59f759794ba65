import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { getEnv } from "../env";
import { isLocale, localized, type LocalizedText } from "../i18n/config";
import { formatDate, renderNotification, translate, type Template } from "./render";

type Recipient = { email: string; locale: string };

export function permitMessageKey(permitId: number, eventId: number, email: string): string {
  const who = createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 16);
  return `permit-${permitId}-event-${eventId}-to-${who}`;
}

/**
 * Writes the messages a permit event causes into the outbox, in the caller's transaction: the
 * applicant hears that the application was received and of every status change; when a report is
 * linked to the site, the holder (through the applicant's contact), the contractor and the issuing
 * department hear of it. Keys are deterministic, so enqueueing twice writes once.
 */
export async function enqueuePermitNotifications(
  tx: Database,
  input: { permitId: number; eventId: number },
): Promise<number> {
  const permit = await queryOne<{
    id: number;
    reference: string;
    kind: string;
    status: string;
    valid_to: string;
    decision_due_at: string | Date | null;
    contractor_email: string | null;
    org_email: string | null;
  }>(
    tx,
    sql`select p.id, p.reference, p.kind, p.status, p.valid_to::text as valid_to, p.decision_due_at, p.contractor_email, o.email as org_email
        from permits p left join organisations o on o.id = p.issuing_organisation_id where p.id = ${input.permitId}`,
  );
  const event = await queryOne<{ id: number; kind: string; note: string | null; report_id: number | null }>(
    tx,
    sql`select id, kind, note, report_id from permit_events where id = ${input.eventId} and permit_id = ${input.permitId}`,
  );
  if (!permit || !event) return 0;
  // Permits registered while training stay inside the platform too.
  const training = await queryOne<{ is_training: boolean }>(
    tx,
    sql`select m.is_training from permits p join municipalities m on m.id = p.municipality_id where p.id = ${permit.id}`,
  );
  if (training?.is_training) return 0;
  const applicant = await queryOne<Recipient>(
    tx,
    sql`select email, locale from permit_applicants where permit_id = ${permit.id} and email is not null`,
  );
  const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const values: t.NewOutboxMessage[] = [];
  const push = async (to: Recipient, template: Template, extra: Record<string, string | number>) => {
    const locale = isLocale(to.locale) ? to.locale : "sr-Latn";
    const rendered = await renderNotification({
      locale,
      template,
      values: {
        reference: permit.reference,
        kind: await translate(locale, `permitKind.${permit.kind}`),
        status: await translate(locale, `permitStatus.${permit.status}`),
        due: formatDate(permit.decision_due_at === null ? null : new Date(permit.decision_due_at), locale),
        url: `${baseUrl}/permits/track?number=${encodeURIComponent(permit.reference)}`,
        ...extra,
      },
    });
    values.push({
      messageKey: permitMessageKey(permit.id, event.id, to.email),
      recipient: to.email,
      locale,
      template,
      subject: rendered.subject,
      body: rendered.body,
      payload: { permitId: permit.id, eventId: event.id, reference: permit.reference },
    });
  };

  if (event.kind === "applied" && applicant) await push(applicant, "permit_application_received", {});
  if (event.kind === "status_changed" && applicant)
    await push(applicant, "permit_status_changed", { text: event.note ?? "" });
  if (event.kind === "report_linked" && event.report_id !== null) {
    const report = await queryOne<{ tracking_code: string; category_name: LocalizedText }>(
      tx,
      sql`select r.tracking_code, c.name as category_name from reports r join service_categories c on c.id = r.category_id
          where r.id = ${event.report_id}`,
    );
    if (report) {
      const recipients: Recipient[] = [];
      if (applicant) recipients.push(applicant);
      if (permit.contractor_email) recipients.push({ email: permit.contractor_email, locale: "sr-Latn" });
      if (permit.org_email) recipients.push({ email: permit.org_email, locale: "sr-Latn" });
      const seen = new Set<string>();
      for (const to of recipients) {
        if (seen.has(to.email.toLowerCase())) continue;
        seen.add(to.email.toLowerCase());
        const locale = isLocale(to.locale) ? to.locale : "sr-Latn";
        await push(to, "permit_report_linked", {
          code: report.tracking_code,
          category: localized(report.category_name, locale),
          reportUrl: `${baseUrl}/reports/${report.tracking_code}`,
        });
      }
    }
  }
  if (values.length === 0) return 0;
  const inserted = await tx
    .insert(t.outboxMessages)
    .values(values)
    .onConflictDoNothing({ target: t.outboxMessages.messageKey })
    .returning({ id: t.outboxMessages.id });
  return inserted.length;
}
