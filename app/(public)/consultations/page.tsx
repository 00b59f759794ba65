import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { asPublic } from "@/lib/auth/db-scope";
import { listPublicConsultations } from "@/lib/consultations/list-consultations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consultations");
  return { title: t("title"), description: t("intro") };
}

/** e-Participation: the municipality's consultations on planned works, open ones first. */
export default async function ConsultationsPage() {
  const t = await getTranslations("consultations");
  const format = await getFormatter();
  const items = await asPublic((db) => listPublicConsultations({ db }));
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), "long");
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {items.length === 0 ? <p className="hint">{t("none")}</p> : null}
      <ul className="consultation-list" data-testid="consultation-list">
        {items.map((c) => (
          <li key={c.id}>
            <h2>
              <Link href={`/consultations/${c.id}`}>{c.title}</Link>
            </h2>
            <p>{c.question}</p>
            <p className="hint">
              <span className={`badge ${c.isOpen ? "status-open" : "status-closed"}`}>
                {c.isOpen ? t("open") : t("closed")}
              </span>{" "}
              {c.closesOn ? t("until", { date: day(c.closesOn) }) : null} ·{" "}
              {t("commentCount", { count: c.comments })}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
