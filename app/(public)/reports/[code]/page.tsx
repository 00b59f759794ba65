import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { asPublic } from "@/lib/auth/db-scope";
import { getDb } from "@/db/client";
import { CommentForm } from "@/components/comments/CommentForm";
import "@/components/comments/comments.css";
import { FixedQuestion } from "@/components/comments/FixedQuestion";
import { FollowReport } from "@/components/forms/FollowReport";
import { ReportPlace } from "@/components/map/ReportPlace";
import { ReportAbuse } from "@/components/moderation/ReportAbuse";
import { citizenForPage } from "@/lib/auth/session";
import { getCommentTargetOrThrow } from "@/lib/comments/comment-rights";
import { listPublicReportComments } from "@/lib/comments/list-report-comments";
import type { Locale } from "@/lib/i18n/config";
import { getPublicReport, type PublicTimelineEntry } from "@/lib/reports/get-public-report";
import { formatAddress } from "@/lib/places/format-address";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ filed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const locale = (await getLocale()) as Locale;
  const report = await asPublic((db) => getPublicReport({ db, code, locale }));
  if (!report) return {};
  const t = await getTranslations();
  return {
    title: `${report.categoryName} · ${report.code}`,
    description: t("meta.reportPage", {
      category: report.categoryName,
      code: report.code,
      place: [report.address, report.district ?? report.municipality].filter(Boolean).join(", "),
      status: t(`status.${report.status}` as never),
    }),
  };
}

export default async function PublicReportPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { filed } = await searchParams;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations();
  const format = await getFormatter();
  const report = await asPublic((db) => getPublicReport({ db, code, locale }));
  if (!report) notFound();
  const db = await getDb();
  const citizen = await citizenForPage();
  const comments = await asPublic((pdb) => listPublicReportComments({ db: pdb, code: report.code }));
  // How the signed-in citizen relates to the report: reporter, follower, or neither (null).
  const mine = citizen
    ? await getCommentTargetOrThrow({ db, code: report.code, citizen }).catch(() => null)
    : null;
  const date = (iso: string) => format.dateTime(new Date(iso), "long");
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const eventTitle = (e: PublicTimelineEntry) =>
    e.kind === "status_changed"
      ? tt("reportPage.event_status_changed", { status: tt(`status.${e.status}`) })
      : tt(`reportPage.event_${e.kind}`, { organisation: e.organisation ?? "" });

  return (
    <main id="main" className="page narrow report-page">
      {filed ? (
        <p className="banner success" role="status">
          {t("reportPage.filed", { code: report.code })}
        </p>
      ) : null}
      <h1>{report.categoryName}</h1>
      <dl className="facts">
        <dt>{t("reportPage.code")}</dt>
        <dd data-testid="tracking-code">{report.code}</dd>
        <dt>{t("reportPage.status")}</dt>
        <dd>
          <span className={`badge status-${report.statusGroup}`}>
            {t(`status.${report.status}` as never)}
          </span>
        </dd>
        <dt>{t("reportPage.handledBy")}</dt>
        <dd>{report.organisation ?? t("reportPage.triage")}</dd>
        {report.dueAt ? (
          <>
            <dt>{t("reportPage.due")}</dt>
            <dd>
              {date(report.dueAt)}
              {report.overdue ? <strong className="overdue"> ({t("reportPage.overdue")})</strong> : null}
            </dd>
          </>
        ) : null}
        <dt>{t("reportPage.location")}</dt>
        <dd>
          {formatAddress({
            address: report.address,
            district: report.district ?? report.municipality,
            locale,
          })}
        </dd>
      </dl>
      {report.permits.map((permit) => (
        <p key={permit.reference} className="banner info" data-testid="permit-notice">
          {permit.holder
            ? t("reportPage.permitNoticeHolder", {
                until: date(permit.validTo),
                holder: permit.holder,
                reference: permit.reference,
                works: permit.works,
              })
            : t("reportPage.permitNotice", {
                until: date(permit.validTo),
                reference: permit.reference,
                works: permit.works,
              })}
        </p>
      ))}
      {report.scheduledFor ? <p>{t("reportPage.scheduled", { date: date(report.scheduledFor) })}</p> : null}
      {report.duplicateOf ? (
        <p>
          {t.rich("reportPage.duplicateOf", {
            code: report.duplicateOf,
            link: (chunks) => <a href={`/reports/${report.duplicateOf}`}>{chunks}</a>,
          })}
        </p>
      ) : null}
      {report.rejectionTarget ? (
        <p>{t("reportPage.referredTo", { target: report.rejectionTarget })}</p>
      ) : null}
      <p data-testid="supporters">{t("reportPage.supporters", { count: report.supporters })}</p>

      <ReportPlace position={report.position} shape={report.shape} />

      <h2>{t("reportPage.description")}</h2>
      <p className="description">{report.description}</p>
      {report.moderated ? (
        <p className="hint" data-testid="moderated-note">
          {t("moderation.publicNote")}
        </p>
      ) : null}

      {report.photoIds.length > 0 ? (
        <>
          <h2>{t("reportPage.photos")}</h2>
          <ul className="photos">
            {report.photoIds.map((id, i) => (
              <li key={id}>
                <a href={`/api/attachments/${id}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by the app's own photo route */}
                  <img
                    src={`/api/attachments/${id}`}
                    alt={t("reportPage.photoAlt", { n: i + 1 })}
                    loading="lazy"
                  />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("reportPage.timeline")}</h2>
      <ol className="timeline">
        {report.timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{format.dateTime(new Date(e.at), "mediumWithTime")}</time>
            <strong>{eventTitle(e)}</strong>
            {e.text ? <p>{e.text}</p> : null}
          </li>
        ))}
      </ol>

      <section aria-labelledby="comments-title" data-testid="citizen-comments">
        <h2 id="comments-title">{t("comments.title")}</h2>
        {comments.length === 0 ? <p className="hint">{t("comments.none")}</p> : null}
        <ol className="timeline">
          {comments.map((c) => (
            <li key={c.id} data-comment={c.id}>
              <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
              <strong>{c.fromReporter ? t("comments.fromReporter") : t("comments.fromFollower")}</strong>
              {c.fixed !== null ? (
                <p>{c.fixed ? t("comments.answerFixed") : t("comments.answerNotFixed")}</p>
              ) : null}
              {c.hidden ? (
                <p className="hint" data-testid="comment-moderated">
                  {t("moderation.commentHiddenPublic")}
                </p>
              ) : c.body ? (
                <p>{c.body}</p>
              ) : null}
              {c.moderated && !c.hidden ? (
                <p className="hint" data-testid="comment-masked">
                  {t("moderation.publicNote")}
                </p>
              ) : null}
              {c.photoIds.length > 0 ? (
                <ul className="photos comment-photos">
                  {c.photoIds.map((id, i) => (
                    <li key={id}>
                      {/* eslint-disable-next-line @next/next/no-img-element -- served by the app's own photo route */}
                      <img
                        src={`/api/attachments/${id}`}
                        alt={t("comments.photoAlt", { n: i + 1 })}
                        loading="lazy"
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.hidden ? null : <ReportAbuse code={report.code} commentId={c.id} />}
            </li>
          ))}
        </ol>
        {mine?.isReporter && report.status === "resolved" ? <FixedQuestion code={report.code} /> : null}
        {mine && (mine.isReporter || mine.isFollower) ? (
          <CommentForm code={report.code} />
        ) : citizen ? (
          <p className="hint">{t("comments.followToComment")}</p>
        ) : (
          <p>
            <Link href="/account">{t("comments.signInToComment")}</Link>
          </p>
        )}
      </section>

      <FollowReport code={report.code} />
      <ReportAbuse code={report.code} />
    </main>
  );
}
