import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/locale";
import { locales } from "@/lib/i18n/config";

/** Plain form buttons: switching language works without JavaScript too. */
export async function LocaleSwitcher() {
  const t = await getTranslations("language");
  const current = await getLocale();
  return (
    <form action={setLocale} className="locale-switcher" aria-label={t("label")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={locale === current ? "active" : undefined}
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
