import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { isLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

/**
 * The web app manifest of the public pages in one language (`/api/manifest/sr-Cyrl`): installed on
 * a phone's home screen, the app opens the report flow in that language and script.
 */
export const GET = withApi<{ locale: string }>(async (_req, { params }) => {
  const { locale } = await params;
  if (!isLocale(locale))
    throw new AppError({ code: "not_found", messageKey: "unknownLocale", details: { locale } });
  const t = await getTranslations({ locale, namespace: "manifest" });
  return NextResponse.json(
    {
      id: `/${locale}/`,
      name: t("name"),
      short_name: t("shortName"),
      description: t("description"),
      lang: locale,
      start_url: `/${locale}/report`,
      scope: "/",
      display: "standalone",
      background_color: "#f6f7f9",
      theme_color: "#1a3d6d",
      icons: [
        { src: "/icons/field-192.png", sizes: "192x192", type: "image/png" },
        { src: "/icons/field-512.png", sizes: "512x512", type: "image/png" },
      ],
    },
    {
      headers: {
        "content-type": "application/manifest+json",
        "cache-control": "public, max-age=3600",
      },
    },
  );
});
