import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import "@/components/comments/comments.css";
import "@/components/consultations/consultation-summary.css";
import { PrintButton } from "@/components/analytics/PrintButton";
import { ConsultationComments } from "@/components/consultations/ConsultationComments";
import { ConsultationPlace } from "@/components/consultations/ConsultationPlace";
import { asPublic } from "@/lib/auth/db-scope";
import { getConsultationSummary } from "@/lib/consultations/get-public-consultation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = Number((await params).id);
  const s = await asPublic((db) => getConsultationSummary({ db, id }));
  const t = await getTranslations("consultations");
  return s ? { title: t("summaryTitle", { title: s.consultation.title }) } : {};
}

/**
 * The printable summary for the council: the question, the counts, every public comment and answer
 * grouped by the theme the office filed it under, the place.
 */
export default async function ConsultationSummaryPage({ params }: Props) {
  const id = Number((await params).id);
  const s = await asPublic((db) => getConsultationSummary({ db, id }));
  if (!s) notFound();
  const t = await getTranslations("consultations");
  const format = await getFormatter();
  const c = s.consultation;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), "long");
  return (
    <main id="main" className="page narrow consultation-summary">
      <h1>{t("summaryTitle", { title: c.title })}</h1>
      <p className="no-print">
        <PrintButton label={t("print")} />
      </p>
      <p>
        {c.isOpen ? t("open") : t("closed")}
        {c.opensOn && c.closesOn ? ` · ${t("period", { from: day(c.opensOn), to: day(c.closesOn) })}` : null}
      </p>
      <h2>{t("question")}</h2>
      <p>{c.question}</p>
      <dl className="facts" data-testid="consultation-summary-counts">
        <dt>{t("countPublished")}</dt>
        <dd data-testid="count-published">{s.published}</dd>
        <dt>{t("countAnswered")}</dt>
        <dd data-testid="count-answered">{s.answered}</dd>
        <dt>{t("countUnanswered")}</dt>
        <dd>{s.unanswered}</dd>
        <dt>{t("countHidden")}</dt>
        <dd>{s.hidden}</dd>
      </dl>
      {s.themes.length > 0 ? <h2>{t("themesTitle")}</h2> : null}
      {s.themes.length > 0 ? (
        <table className="theme-table" data-testid="consultation-themes">
          <thead>
            <tr>
              <th>{t("themeLabel")}</th>
              <th>{t("countPublished")}</th>
              <th>{t("countAnswered")}</th>
            </tr>
          </thead>
          <tbody>
            {s.themes.map((g) => (
              <tr key={g.theme ?? ""} data-theme={g.theme ?? ""}>
                <td>{g.theme ?? t("noTheme")}</td>
                <td className="count">{g.count}</td>
                <td className="count">{g.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConsultationPlace site={c.site} />
      <h2>{t("commentsTitle")}</h2>
      {s.themes.map((g) => (
        <section key={g.theme ?? ""} className="theme-group" data-testid="consultation-theme-group">
          <h3>
            {g.theme ?? t("noTheme")} <span className="hint">({t("commentCount", { count: g.count })})</span>
          </h3>
          <ConsultationComments comments={g.comments} />
        </section>
      ))}
      {s.themes.length === 0 ? <ConsultationComments comments={[]} /> : null}
    </main>
  );
}
