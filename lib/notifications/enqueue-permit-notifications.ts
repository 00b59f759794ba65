import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { getEnv } from "../env";
import { isLocale, localized, type LocalizedText } from "../i18n/config";
import { formatDate, renderNotification, translate, type AddressedMessage, type Template } from "./render";
import { recipientHash, type Recipient } from "./enqueue-report-notifications";
import { trackingPath } from "../permits/tracking-key";

export function permitMessageKey(permitId: number, eventId: number, email: string): string {
  return `permit-${permitId}-event-${eventId}-to-${recipientHash(email)}`;
}

/** What a message about a permit says of it. */
export type PermitSubject = {
  reference: string;
  kind: string;
  status: string;
  decisionDueAt: Date | null;
  /** Given to the applicant only: their link then shows the reasons the office gave. */
  trackingKey?: string;
};

export type RenderedPermitMessage = AddressedMessage;

/** One message about a permit, in the recipient's language (the caller gives it its key). */
export async function renderPermitMessage(input: {
  permit: PermitSubject;
  to: Recipient;
  template: Template;
  extra?: Record<string, string | number>;
}): Promise<RenderedPermitMessage> {
  const { permit, to, template } = input;
  const locale = isLocale(to.locale) ? to.locale : "sr-Latn";
  const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const rendered = await renderNotification({
    locale,
    template,
    values: {
      reference: permit.reference,
      kind: await translate(locale, `permitKind.${permit.kind}`),
      status: await translate(locale, `permitStatus.${permit.status}`),
      due: formatDate(permit.decisionDueAt, locale),
      url: `${baseUrl}${trackingPath(permit.reference, permit.trackingKey)}`,
      ...input.extra,
    },
  });
  return { recipient: to.email, locale, template, subject: rendered.subject, body: rendered.body };
}

/**
 * "A report was filed at your site": to the holder (through the applicant's contact), the
 * contractor and the issuing department, each address once.
 */
export async function renderReportLinkedMessages(input: {
  permit: PermitSubject & { contractorEmail: string | null; organisationEmail: string | null };
  applicant: Recipient | null;
  report: { trackingCode: string; categoryName: LocalizedText };
}): Promise<RenderedPermitMessage[]> {
  const { permit, report } = input;
  const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const recipients: Recipient[] = [];
  if (input.applicant) recipients.push(input.applicant);
  if (permit.contractorEmail) recipients.push({ email: permit.contractorEmail, locale: "sr-Latn" });
  if (permit.organisationEmail) recipients.push({ email: permit.organisationEmail, locale: "sr-Latn" });
  const seen = new Set<string>();
  const messages: RenderedPermitMessage[] = [];
  for (const to of recipients) {
    if (seen.has(to.email.toLowerCase())) continue;
    seen.add(to.email.toLowerCase());
    const locale = isLocale(to.locale) ? to.locale : "sr-Latn";
    messages.push(
      await renderPermitMessage({
        permit,
        to,
        template: "permit_report_linked",
        extra: {
          code: report.trackingCode,
          category: localized(report.categoryName, locale),
          reportUrl: `${baseUrl}/reports/${report.trackingCode}`,
        },
      }),
    );
  }
  return messages;
}

/**
 * Writes the messages a permit event causes into the outbox, in the caller's transaction: the
 * applicant hears that the application was received and of every status change. (A report linked
 * to the site is told by the filing's own statement: renderReportLinkedMessages.) Keys are
 * deterministic, so enqueueing twice writes once.
 */
export async function enqueuePermitNotifications(
  tx: Database,
  input: { permitId: number; eventId: number },
): Promise<number> {
  const permit = await queryOne<{
    id: number;
    reference: string;
    tracking_key: string;
    kind: string;
    status: string;
    valid_to: string;
    decision_due_at: string | Date | null;
    contractor_email: string | null;
    org_email: string | null;
  }>(
    tx,
    sql`select p.id, p.reference, p.tracking_key, p.kind, p.status, p.valid_to::text as valid_to, p.decision_due_at, p.contractor_email, o.email as org_email
        from permits p left join organisations o on o.id = p.issuing_organisation_id where p.id = ${input.permitId}`,
  );
  const event = await queryOne<{ id: number; kind: string; note: string | null }>(
    tx,
    sql`select id, kind, note from permit_events where id = ${input.eventId} and permit_id = ${input.permitId}`,
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
  const values: t.NewOutboxMessage[] = [];
  const push = (message: RenderedPermitMessage) => {
    values.push({
      messageKey: permitMessageKey(permit.id, event.id, message.recipient),
      recipient: message.recipient,
      locale: message.locale,
      template: message.template,
      subject: message.subject,
      body: message.body,
      payload: { permitId: permit.id, eventId: event.id, reference: permit.reference },
    });
  };
  // Every message here goes to the applicant: their links carry the tracking key.
  const subject: PermitSubject = {
    reference: permit.reference,
    trackingKey: permit.tracking_key,
    kind: permit.kind,
    status: permit.status,
    decisionDueAt: permit.decision_due_at === null ? null : new Date(permit.decision_due_at),
  };

  if (event.kind === "applied" && applicant)
    push(
      await renderPermitMessage({ permit: subject, to: applicant, template: "permit_application_received" }),
    );
  if (event.kind === "status_changed" && applicant)
    push(
      await renderPermitMessage({
        permit: subject,
        to: applicant,
        template: "permit_status_changed",
        extra: { text: event.note ?? "" },
      }),
    );
  if (values.length === 0) return 0;
  const inserted = await tx
    .insert(t.outboxMessages)
    .values(values)
    .onConflictDoNothing({ target: t.outboxMessages.messageKey })
    .returning({ id: t.outboxMessages.id });
  return inserted.length;
}
