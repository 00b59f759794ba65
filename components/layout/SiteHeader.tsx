import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./LocaleSwitcher";

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <Link href="/" className="brand">
        {t("app.name")}
      </Link>
      <nav aria-label={t("nav.primary")}>
        <ul>
          <li>
            <Link href="/">{t("nav.map")}</Link>
          </li>
          <li>
            <Link href="/report" className="nav-cta">
              {t("nav.report")}
            </Link>
          </li>
          <li>
            <Link href="/track">{t("nav.track")}</Link>
          </li>
          <li>
            <Link href="/account">{t("nav.account")}</Link>
          </li>
          <li>
            <Link href="/permits/apply">{t("nav.permits")}</Link>
          </li>
          <li>
            <Link href="/charter">{t("nav.charter")}</Link>
          </li>
          <li>
            <Link href="/open-data">{t("nav.openData")}</Link>
          </li>
          <li>
            <Link href="/staff">{t("nav.staff")}</Link>
          </li>
        </ul>
      </nav>
      <LocaleSwitcher />
    </header>
  );
}
