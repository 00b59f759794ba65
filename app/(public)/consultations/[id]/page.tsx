import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import "@/components/comments/comments.css";
import { ConsultationCommentForm } from "@/components/consultations/ConsultationCommentForm";
import { ConsultationComments } from "@/components/consultations/ConsultationComments";
import { ConsultationPlace } from "@/components/consultations/ConsultationPlace";
import { asPublic } from "@/lib/auth/db-scope";
import { getPublicConsultation } from "@/lib/consultations/get-public-consultation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = Number((await params).id);
  const c = await asPublic((db) => getPublicConsultation({ db, id }));
  return c ? { title: c.title, description: c.question } : {};
}

/** One consultation: the question, the place, the public comments with answers, and the comment form while open. */
export default async function ConsultationPage({ params }: Props) {
  const id = Number((await params).id);
  const c = await asPublic((db) => getPublicConsultation({ db, id }));
  if (!c) notFound();
  const t = await getTranslations("consultations");
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), "long");
  return (
    <main id="main" className="page narrow">
      <p>
        <Link href="/consultations">{t("backToList")}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        <span
          className={`badge ${c.isOpen ? "status-open" : "status-closed"}`}
          data-testid="consultation-status"
        >
          {c.isOpen ? t("open") : t("closed")}
        </span>{" "}
        {c.opensOn && c.closesOn
          ? t("period", { from: day(c.opensOn), to: day(c.closesOn) })
          : c.closesOn
            ? t("until", { date: day(c.closesOn) })
            : null}
      </p>
      <h2>{t("question")}</h2>
      <p className="consultation-question">{c.question}</p>
      {c.description ? <p>{c.description}</p> : null}
      <ConsultationPlace site={c.site} />
      <h2>{t("commentsTitle")}</h2>
      <ConsultationComments consultationId={c.id} comments={c.comments} />
      {c.isOpen ? (
        <ConsultationCommentForm consultationId={c.id} />
      ) : (
        <p className="banner info">{t("closedNotice")}</p>
      )}
      <p>
        <Link href={`/consultations/${c.id}/summary`}>{t("summaryLink")}</Link>
      </p>
    </main>
  );
}
