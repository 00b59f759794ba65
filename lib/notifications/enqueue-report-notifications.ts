import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { getEnv } from "../env";
import { enqueueOpen311Forwards } from "../open311/client/enqueue-forwards";
import { localized, isLocale, type LocalizedText } from "../i18n/config";
import { inReaderScript } from "../i18n/transliterate";
import { formatDate, renderNotification, translate, type AddressedMessage, type Template } from "./render";

type EventRow = {
  id: number;
  kind: string;
  to_status: string | null;
  to_organisation_id: number | null;
  public_text: string | null;
};

type ReportRow = {
  id: number;
  tracking_code: string;
  category_name: LocalizedText;
  address: string | null;
  due_at: string | Date | null;
  status: string;
  org_name: LocalizedText | null;
};

export type Recipient = { email: string; locale: string };

/** Events a citizen hears about: every public change. Internal notes and escalations stay inside. */
const citizenEvents = new Set([
  "created",
  "status_changed",
  "assigned",
  "forwarded",
  "duplicate_marked",
  "public_update",
]);

export function messageKey(reportId: number, eventId: number, email: string): string {
  return `report-${reportId}-event-${eventId}-to-${recipientHash(email)}`;
}

/** The recipient's part of a message key: the address itself stays out of keys. */
export function recipientHash(email: string): string {
  return createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 16);
}

/** What a message about a report says of it. */
export type ReportSubject = {
  trackingCode: string;
  categoryName: LocalizedText;
  address: string | null;
  dueAt: Date | null;
};

export type RenderedReportMessage = AddressedMessage;

/** One message about a report, in the recipient's language (the caller gives it its key). */
export async function renderReportMessage(input: {
  report: ReportSubject;
  to: Recipient;
  template: Template;
  extra?: Record<string, string | number>;
}): Promise<RenderedReportMessage> {
  const { report, to, template } = input;
  const locale = isLocale(to.locale) ? to.locale : "sr-Latn";
  const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const rendered = await renderNotification({
    locale,
    template,
    values: {
      code: report.trackingCode,
      category: localized(report.categoryName, locale),
      address: report.address ?? "—",
      due: formatDate(report.dueAt, locale),
      url: `${baseUrl}/reports/${report.trackingCode}`,
      ...input.extra,
    },
  });
  return { recipient: to.email, locale, template, subject: rendered.subject, body: rendered.body };
}

/**
 * The messages a report's "created" event causes, as enqueueReportNotifications writes them: the
 * receipt to the reporter, and to the owning organisation (not a contact centre) when it has an
 * address. For a filing that writes them in its own statement; none in training.
 */
export async function renderCreatedMessages(input: {
  report: ReportSubject;
  reporter: Recipient | null;
  owner: { email: string | null; kind: string };
}): Promise<RenderedReportMessage[]> {
  const messages: RenderedReportMessage[] = [];
  if (input.reporter)
    messages.push(
      await renderReportMessage({ report: input.report, to: input.reporter, template: "report_received" }),
    );
  if (input.owner.email && input.owner.kind !== "contact_centre")
    messages.push(
      await renderReportMessage({
        report: input.report,
        to: { email: input.owner.email, locale: "sr-Latn" },
        template: "organisation_assigned",
      }),
    );
  return messages;
}

/**
 * Writes the messages that events cause into the outbox, in the caller's transaction: the
 * reporter and followers hear about public changes in their language; an organisation hears
 * when a report is assigned or forwarded to it, and its leads when one of its reports is
 * escalated; an organisation's own Open311 system receives the reports of the categories it
 * takes. Message keys are deterministic, so enqueueing twice writes once.
 */
export async function enqueueReportNotifications(
  tx: Database,
  input: { reportId: number; eventIds: number[] },
): Promise<number> {
  if (input.eventIds.length === 0) return 0;
  // One statement for the report and its municipality's training flag (this runs inside every filing).
  const report = await queryOne<ReportRow & { is_training: boolean }>(
    tx,
    sql`select r.id, r.tracking_code, c.name as category_name, r.address, r.due_at, r.status, o.name as org_name,
               m.is_training
        from reports r join service_categories c on c.id = r.category_id
        join municipalities m on m.id = r.municipality_id
        left join organisations o on o.id = r.assigned_organisation_id
        where r.id = ${input.reportId}`,
  );
  if (!report) return 0;
  // Training: staff practise the procedure; nothing leaves the platform (no e-mail, no Open311 forward).
  if (report.is_training) return 0;
  const events = await queryRows<EventRow>(
    tx,
    sql`select id, kind, to_status, to_organisation_id, public_text from report_events where id in ${input.eventIds} order by id`,
  );
  const citizens = await queryRows<Recipient>(
    tx,
    sql`select email, locale from report_contacts where report_id = ${input.reportId} and email is not null
        union
        select email, locale from report_followers where report_id = ${input.reportId}`,
  );
  const values: t.NewOutboxMessage[] = [];
  const subject: ReportSubject = {
    trackingCode: report.tracking_code,
    categoryName: report.category_name,
    address: report.address,
    dueAt: report.due_at === null ? null : new Date(report.due_at),
  };

  const push = async (
    event: EventRow,
    to: Recipient,
    template: Template,
    extra: Record<string, string | number>,
  ) => {
    const rendered = await renderReportMessage({ report: subject, to, template, extra });
    values.push({
      ...rendered,
      // The questionnaire goes with the "resolved" update to the same person: a key of its own.
      messageKey: `${messageKey(report.id, event.id, to.email)}${template === "questionnaire" ? "-questionnaire" : ""}`,
      payload: { reportId: report.id, eventId: event.id, trackingCode: report.tracking_code },
    });
  };

  for (const event of events) {
    if (citizenEvents.has(event.kind)) {
      for (const to of dedupe(citizens)) {
        if (event.kind === "created") {
          await push(event, to, "report_received", {});
        } else {
          const status = await translate(to.locale, `status.${report.status}`);
          // The update in the recipient's script, as on the public page.
          const text =
            event.public_text === null
              ? ""
              : inReaderScript(event.public_text, isLocale(to.locale) ? to.locale : "sr-Latn");
          await push(event, to, "report_updated", { status, text });
        }
      }
    }
    // FixMyStreet's questionnaire: the reporter is asked whether it is really fixed.
    if (event.kind === "status_changed" && event.to_status === "resolved") {
      const reporter = await queryOne<Recipient>(
        tx,
        sql`select email, locale from report_contacts where report_id = ${input.reportId} and email is not null`,
      );
      if (reporter) await push(event, reporter, "questionnaire", { days: 30 });
    }
    if (
      (event.kind === "assigned" || event.kind === "forwarded" || event.kind === "created") &&
      event.to_organisation_id
    ) {
      const org = await queryOne<{ email: string | null }>(
        tx,
        sql`select email from organisations where id = ${event.to_organisation_id} and kind <> 'contact_centre'`,
      );
      if (org?.email) await push(event, { email: org.email, locale: "sr-Latn" }, "organisation_assigned", {});
    }
    if (event.kind === "escalated" && event.to_organisation_id) {
      const leads = await queryRows<Recipient>(
        tx,
        sql`select u.email, u.locale from memberships m join users u on u.id = m.user_id
            where m.organisation_id = ${event.to_organisation_id} and m.is_lead and u.active
            union
            select email, 'sr-Latn' from organisations
            where id = ${event.to_organisation_id} and email is not null
              and not exists (select 1 from memberships where organisation_id = ${event.to_organisation_id} and is_lead)`,
      );
      for (const to of dedupe(leads)) await push(event, to, "organisation_escalated", {});
    }
  }
  await enqueueOpen311Forwards(tx, { reportId: report.id, events });
  if (values.length === 0) return 0;
  const inserted = await tx
    .insert(t.outboxMessages)
    .values(values)
    .onConflictDoNothing({ target: t.outboxMessages.messageKey })
    .returning({ id: t.outboxMessages.id });
  return inserted.length;
}

function dedupe(recipients: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of recipients) if (!seen.has(r.email.toLowerCase())) seen.set(r.email.toLowerCase(), r);
  return [...seen.values()];
}
