import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AccountSignInForm } from "@/components/account/AccountSignInForm";
import { CitizenSignOut } from "@/components/account/CitizenSignOut";
import { emailSignInEnabled } from "@/lib/auth/email-link";
import { citizenForPage } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { listMyReports } from "@/lib/reports/list-my-reports";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("account"))("title"),
    description: (await getTranslations("meta"))("account"),
  };
}

/** "My reports": every report a citizen filed or follows, after signing in with a link sent by e-mail. */
export default async function AccountPage() {
  const t = await getTranslations();
  const format = await getFormatter();
  const citizen = await citizenForPage();
  if (!citizen) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("account.title")}</h1>
        {emailSignInEnabled() ? (
          <>
            <p>{t("account.intro")}</p>
            <AccountSignInForm />
          </>
        ) : (
          <p>
            {t("account.unavailable")} <Link href="/track">{t("nav.track")}</Link>
          </p>
        )}
      </main>
    );
  }
  const reports = await listMyReports({
    db: await getDb(),
    userId: citizen.userId,
    locale: (await getLocale()) as Locale,
  });
  const date = (iso: string) => format.dateTime(new Date(iso), "medium");
  return (
    <main id="main" className="page narrow">
      <h1>{t("account.title")}</h1>
      <p>
        {t("account.signedInAs", { email: citizen.email })} <CitizenSignOut />
      </p>
      {reports.length === 0 ? <p>{t("account.empty")}</p> : null}
      <ol className="my-reports" data-testid="my-reports">
        {reports.map((r) => (
          <li key={r.code} data-code={r.code}>
            <h2>
              <Link href={`/reports/${r.code}`} aria-label={t("account.open", { code: r.code })}>
                {r.category} · {r.code}
              </Link>
            </h2>
            <p>
              <span className={`badge status-${r.statusGroup}`}>{t(`status.${r.status}` as never)}</span>{" "}
              {r.relation === "filed" ? t("account.filed") : t("account.following")}
              {" · "}
              {t("account.created", { date: date(r.createdAt) })}
              {r.dueAt && (r.statusGroup === "open" || r.statusGroup === "in_progress")
                ? ` · ${t("account.due", { date: date(r.dueAt) })}`
                : ""}
            </p>
            {r.address ? <p className="hint">{r.address}</p> : null}
            {r.lastUpdate ? <p>{t("account.lastUpdate", { text: r.lastUpdate })}</p> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
