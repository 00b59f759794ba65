import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { LocaleLinks, LocaleLinksWithQuery } from "./LocaleLinks";

/**
 * Links to this same page in each language and script (`/sr-Cyrl/…`): they work without
 * JavaScript, can be shared, and the choice is remembered for the pages that follow.
 */
export async function LocaleSwitcher() {
  const t = await getTranslations("language");
  const current = await getLocale();
  const names = Object.fromEntries(locales.map((l) => [l, t(l)])) as Record<(typeof locales)[number], string>;
  return (
    <nav className="locale-switcher" aria-label={t("label")}>
      <Suspense fallback={<LocaleLinks current={current} names={names} />}>
        <LocaleLinksWithQuery current={current} names={names} />
      </Suspense>
    </nav>
  );
}
