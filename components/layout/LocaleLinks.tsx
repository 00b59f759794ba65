"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { locales, type Locale } from "@/lib/i18n/config";

const prefix = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

type Props = { current: string; names: Record<Locale, string> };

/** The page the visitor is on (kept up to date as they move around the site), once per locale. */
export function LocaleLinks({ current, names, query = "" }: Props & { query?: string }) {
  const pathname = usePathname() ?? "/";
  const path = pathname.replace(prefix, "") || "/";
  return (
    <ul>
      {locales.map((locale) => (
        <li key={locale}>
          <a
            href={`/${locale}${path === "/" ? "" : path}${query}`}
            hrefLang={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            className={locale === current ? "active" : undefined}
          >
            {names[locale]}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The same, keeping the page's query (a filtered map, a searched number); `lang` is dropped. */
export function LocaleLinksWithQuery(props: Props) {
  const params = new URLSearchParams(useSearchParams()?.toString() ?? "");
  params.delete("lang");
  const query = params.toString();
  return <LocaleLinks {...props} query={query ? `?${query}` : ""} />;
}
