import { createTranslator } from "use-intl/core";
import { withApi } from "@/lib/http";
import { loadMessages } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

/** The field app's web app manifest, in the crew's language: it installs on a phone's home screen. */
export const GET = withApi(async (_req, { locale }) => {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "field",
  }) as unknown as (key: string) => string;
  const manifest = {
    name: t("appName"),
    short_name: t("appShortName"),
    description: t("appDescription"),
    lang: locale,
    start_url: "/staff/field",
    scope: "/staff/field",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1a3d6d",
    icons: [
      { src: "/icons/field-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/field-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: {
      "content-type": "application/manifest+json; charset=utf-8",
      "cache-control": "private, max-age=3600",
      vary: "cookie",
    },
  });
});
