import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { localized, type Locale } from "@/lib/i18n/config";
import { listMunicipalities } from "@/lib/places/get-municipality";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const locale = (await getLocale()) as Locale;
  // A wrong `?municipality=` lands here too: the ones served are a click away.
  const served = await listMunicipalities({ db: await getDb() }).catch(() => []);
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {served.length > 0 ? (
        <>
          <p>{t("served")}</p>
          <ul data-testid="served-municipalities">
            {served.map((m) => (
              <li key={m.code}>
                <a href={`/?municipality=${encodeURIComponent(m.code)}`}>{localized(m.name, locale)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </main>
  );
}
