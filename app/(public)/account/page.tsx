import type { Metadata } from "next";
import Link from "next/link";
import { sql } from "drizzle-orm";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AccountSignInForm } from "@/components/account/AccountSignInForm";
import { CitizenSignOut } from "@/components/account/CitizenSignOut";
import { AccountSettings } from "@/components/account/AccountSettings";
import { UnfollowButton } from "@/components/account/UnfollowButton";
import { queryOne } from "@/db/query";
import { signInDelivery } from "@/lib/auth/email-link";
import { citizenForPage } from "@/lib/auth/session";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { formatAddress } from "@/lib/places/format-address";
import { listMyReports } from "@/lib/reports/list-my-reports";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("account"))("title"),
    description: (await getTranslations("meta"))("account"),
  };
}

type Props = { searchParams: Promise<{ deleted?: string }> };

/**
 * "My reports": every report a citizen filed, supports or follows, after signing in with a link
 * sent by e-mail (or a password); their message language, their data, deleting the account.
 */
export default async function AccountPage({ searchParams }: Props) {
  const t = await getTranslations();
  const { deleted } = await searchParams;
  const format = await getFormatter();
  const citizen = await citizenForPage();
  if (!citizen) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("account.title")}</h1>
        {deleted ? (
          <p className="banner success" role="status">
            {t("account.deleted")}
          </p>
        ) : null}
        <p>{t("account.intro")}</p>
        {signInDelivery() === "outbox" ? <p className="hint">{t("account.outboxNote")}</p> : null}
        <AccountSignInForm />
        <p>
          <Link href="/signin?callbackUrl=/account">{t("account.passwordSignIn")}</Link>
        </p>
        <p>
          <Link href="/track">{t("nav.track")}</Link>
        </p>
      </main>
    );
  }
  const db = await getDb();
  const account = await queryOne<{ locale: string }>(
    db,
    sql`select locale from users where id = ${citizen.userId} and active`,
  );
  const locale = (await getLocale()) as Locale;
  const reports = await listMyReports({
    db,
    userId: citizen.userId,
    locale,
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
              {t(`account.${r.relation}`)}
              {" · "}
              {t("account.created", { date: date(r.createdAt) })}
              {" · "}
              {t("account.updated", { date: date(r.updatedAt) })}
              {r.dueAt && (r.statusGroup === "open" || r.statusGroup === "in_progress")
                ? ` · ${t("account.due", { date: date(r.dueAt) })}`
                : ""}
            </p>
            {r.address ? (
              <p className="hint">{formatAddress({ address: r.address, district: null, locale })}</p>
            ) : null}
            {r.lastUpdate ? <p>{t("account.lastUpdate", { text: r.lastUpdate })}</p> : null}
            {r.relation === "filed" ? null : <UnfollowButton code={r.code} />}
          </li>
        ))}
      </ol>
      <AccountSettings messageLocale={account && isLocale(account.locale) ? account.locale : "sr-Latn"} />
    </main>
  );
}
