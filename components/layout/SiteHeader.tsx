import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderMenu } from "./HeaderMenu";
import { LocaleSwitcher } from "./LocaleSwitcher";
import "./site-header.css";

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
      <HeaderMenu label={t("nav.menu")}>
        <nav aria-label={t("nav.primary")} className="primary-nav">
          <ul>
            <li>
              <Link href="/">{t("nav.map")}</Link>
            </li>
            <li className="nav-primary">
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
              <Link href="/consultations">{t("nav.consultations")}</Link>
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
      </HeaderMenu>
    </header>
  );
}
