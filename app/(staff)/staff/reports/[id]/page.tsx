import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CommentReview } from "@/components/comments/CommentReview";
import "@/components/comments/comments.css";
import { ReportPlace } from "@/components/map/ReportPlace";
import { StaffReportActions } from "@/components/staff/StaffReportActions";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { listStaffReportComments } from "@/lib/comments/list-report-comments";
import { CommentModeration } from "@/components/moderation/CommentModeration";
import { canModerate } from "@/lib/moderation/can-moderate";
import type { Locale } from "@/lib/i18n/config";
import { checkWorksPermit, findPermitCoverage } from "@/lib/permits/find-permit-coverage";
import { logContactViews } from "@/lib/privacy/log-contact-view";
import { listResponseTemplates } from "@/lib/templates/list-response-templates";
import { getStaffReport } from "@/lib/reports/get-staff-report";
import { ModerationPanel } from "./ModerationPanel";
import { formatAddress } from "@/lib/places/format-address";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${(await params).id}` };
}

async function StaffReportPageContent({ params }: Props) {
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = await getFormatter();
  const user = await staffWithPermission("reports.view");
  if (!user) return <Forbidden />;
  const id = Number((await params).id);
  const report = Number.isInteger(id)
    ? await getStaffReport({ db: await getDb(), id, user, locale: (await getLocale()) as Locale })
    : null;
  if (!report) notFound();
  if (report.contact)
    await logContactViews({
      db: await getDb(),
      userId: user.id,
      reportIds: [report.id],
      screen: "staff_report_page",
    });
  const permitCheck = await checkWorksPermit({ db: await getDb(), reportId: report.id });
  // Any report inside an active works site shows the permit; a works category also says when none does.
  const covering = permitCheck ?? (await findPermitCoverage({ db: await getDb(), reportId: report.id }));
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), "medium");
  const comments = await listStaffReportComments({ db: await getDb(), reportId: report.id });
  const moderator = await canModerate({ db: await getDb(), user, municipalityId: report.municipalityId });
  const date = (iso: string) => format.dateTime(new Date(iso), "mediumWithTime");
  return (
    <main id="main" className="page staff-report">
      <h1>
        {t("staff.report", { code: report.code })}: {report.category}
      </h1>
      <div className="staff-report-grid">
        <section>
          <dl className="facts">
            <dt>{t("reportPage.status")}</dt>
            <dd>
              <span className={`badge status-${report.statusGroup}`} data-testid="staff-status">
                {tt(`status.${report.status}`)}
              </span>
              {report.escalated ? <strong className="overdue"> · {t("staff.escalated")}</strong> : null}
            </dd>
            <dt>{t("reportPage.handledBy")}</dt>
            <dd data-testid="staff-holder">{report.organisation ?? "—"}</dd>
            <dt>{t("reportPage.due")}</dt>
            <dd>
              {report.dueAt ? date(report.dueAt) : "—"}
              {report.slaPaused ? <span className="hint"> · {t("staff.paused")}</span> : null}
            </dd>
            <dt>{t("reportPage.location")}</dt>
            <dd>
              {formatAddress({
                address: report.address,
                district: report.district,
                locale: (await getLocale()) as Locale,
              })}
            </dd>
            <dt>{t("staff.channel")}</dt>
            <dd>{tt(`channel.${report.channel}`)}</dd>
            <dt>{t("staff.priority")}</dt>
            <dd>{tt(`priority.${report.priority}`)}</dd>
            <dt>{t("staff.reporter")}</dt>
            <dd data-testid="staff-contact">
              {report.contact
                ? [report.contact.name, report.contact.email, report.contact.phone]
                    .filter(Boolean)
                    .join(" · ") || t("staff.noContact")
                : report.contactHidden
                  ? t("staff.contactHidden")
                  : t("staff.noContact")}
              {report.contact?.anonymous ? <span className="hint"> ({t("staff.anonymous")})</span> : null}
            </dd>
          </dl>
          <p className="description">{report.description}</p>
          {Object.keys(report.answers).length > 0 ? (
            <p className="hint">
              {t("staff.answers")}:{" "}
              {Object.entries(report.answers)
                .map(([k, v]) => `${k}: ${[v].flat().join(", ")}`)
                .join("; ")}
            </p>
          ) : null}
          <p className="hint">{t("staff.nearbyOpen", { count: report.nearbyOpen })}</p>
          {permitCheck !== null || covering.length > 0 ? (
            <section
              aria-labelledby="permit-check"
              className={`permit-check ${covering.length === 0 ? "unpermitted" : "permitted"}`}
              data-testid="permit-check"
            >
              <h2 id="permit-check">{t(permitCheck ? "permits.checkTitle" : "permits.coveringTitle")}</h2>
              {covering.length === 0 ? (
                <p>
                  <strong>{t("permits.noPermitHere")}</strong>
                </p>
              ) : (
                <ul>
                  {covering.map((p) => (
                    <li key={p.id} data-testid="covering-permit">
                      <Link href={`/staff/permits/${p.id}`}>{p.reference}</Link>{" "}
                      {t("permits.coveredByDetails", {
                        kind: tt(`permitKind.${p.kind}`),
                        holder: p.holderName,
                        contractor: p.contractor ?? t("permits.noContractor"),
                        from: day(p.validFrom),
                        until: day(p.validTo),
                        metres: p.distanceMetres,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          {report.forwards.length > 0 ? (
            <section aria-labelledby="forwards-title" data-testid="staff-forwards">
              <h2 id="forwards-title">{t("staff.forwardsTitle")}</h2>
              <ul>
                {report.forwards.map((f) => (
                  <li key={f.system}>
                    <strong>{f.system}</strong>: {tt(`staff.forwardState_${f.state}`)}
                    {f.externalId ? ` · #${f.externalId}` : ""}
                    {f.externalStatus
                      ? ` · ${tt(`staff.externalStatus_${f.externalStatus === "closed" ? "closed" : "open"}`)}`
                      : ""}
                    {f.externalNotes ? <p className="hint">{f.externalNotes}</p> : null}
                    {f.lastError ? (
                      <p className="form-error">{t("staff.forwardError", { error: f.lastError })}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {report.photoIds.length > 0 ? (
            <ul className="photos">
              {report.photoIds.map((pid, i) => (
                <li key={pid}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by the staff photo route */}
                  <img
                    src={`/api/staff/attachments/${pid}`}
                    alt={t("reportPage.photoAlt", { n: i + 1 })}
                    loading="lazy"
                  />
                </li>
              ))}
            </ul>
          ) : null}
          <ReportPlace position={report.position} shape={report.shape} />
          <ModerationPanel reportId={report.id} user={user} />
        </section>
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t("staff.actions")}</h2>
          <StaffReportActions
            report={report}
            templates={await listResponseTemplates({
              db: await getDb(),
              reportId: report.id,
              locale: (await getLocale()) as Locale,
            })}
          />
          <h2>{t("staff.trail")}</h2>
          <ol className="timeline" data-testid="staff-trail">
            {report.timeline.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{date(e.at)}</time>
                <strong>
                  {tt(`staff.kind_${e.kind}`)}
                  {e.toStatus && e.kind !== "created" ? ` → ${tt(`status.${e.toStatus}`)}` : ""}
                  {e.toOrganisation &&
                  (e.kind === "assigned" || e.kind === "forwarded" || e.kind === "created")
                    ? ` → ${e.toOrganisation}`
                    : ""}
                </strong>
                <span className="hint">
                  {" "}
                  {[e.actor, e.actorOrganisation].filter(Boolean).join(", ") || t("staff.system")}
                </span>
                {e.publicText ? <p>{e.publicText}</p> : null}
                {e.systemNote ? (
                  <p className="internal-note">{tt(`staff.systemNote.${e.systemNote}`)}</p>
                ) : null}
                {e.internalNote ? <p className="internal-note">{e.internalNote}</p> : null}
                {e.noteHidden ? <p className="hint">{t("staff.noteHidden")}</p> : null}
              </li>
            ))}
          </ol>
          <h2 id="comments-title">{t("comments.staffTitle")}</h2>
          {comments.length === 0 ? <p className="hint">{t("comments.none")}</p> : null}
          <ol className="timeline" data-testid="staff-comments" aria-labelledby="comments-title">
            {comments.map((c) => (
              <li key={c.id} data-comment={c.id} data-state={c.state}>
                <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
                <strong>
                  {c.fromReporter ? t("comments.fromReporter") : t("comments.fromFollower")} ·{" "}
                  {tt(`comments.state_${c.state}`)}
                </strong>
                {c.fixed !== null ? (
                  <p>{c.fixed ? t("comments.answerFixed") : t("comments.answerNotFixed")}</p>
                ) : null}
                {c.body ? <p>{c.body}</p> : null}
                <CommentModeration reportId={report.id} comment={c} moderator={moderator} />
                {c.state === "held" ? <CommentReview reportId={report.id} commentId={c.id} /> : null}
                {c.photoIds.length > 0 ? (
                  <ul className="photos comment-photos">
                    {c.photoIds.map((pid, i) => (
                      <li key={pid}>
                        {/* eslint-disable-next-line @next/next/no-img-element -- served by the staff photo route */}
                        <img
                          src={`/api/staff/attachments/${pid}`}
                          alt={t("comments.photoAlt", { n: i + 1 })}
                          loading="lazy"
                        />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </main>
  );
}

export default async function StaffReportPage(...args: Parameters<typeof StaffReportPageContent>) {
  return inStaffScope(() => StaffReportPageContent(...args));
}
