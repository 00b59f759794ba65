import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { MapSettingsProvider } from "@/components/map/MapSettings";
import { getEnv } from "@/lib/env";
import { formats, timeZone } from "@/lib/i18n/formats";
import "./globals.css";

/** Every page has a title: its own, followed by the service's name, or the name alone. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const env = getEnv();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages} formats={formats} timeZone={timeZone}>
          <MapSettingsProvider
            value={{ styleUrl: env.MAP_STYLE_URL, styleTimeoutMs: env.MAP_STYLE_TIMEOUT_MS }}
          >
            <SiteHeader />
            {children}
          </MapSettingsProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
