import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ReportsMap } from "@/components/map/ReportsMap";
import { MapLegend } from "@/components/map/MapLegend";
import { getEnv } from "@/lib/env";
import { localized } from "@/lib/i18n/config";
import { getDefaultMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const locale = await getLocale();
  const municipality = await getDefaultMunicipality({ db: await getDb() });
  const name = localized(municipality?.name, locale as never);
  return { title: t("title", { municipality: name }), description: t("description", { municipality: name }) };
}

export default async function HomePage() {
  const t = await getTranslations("home");
  const locale = await getLocale();
  const municipality = await getDefaultMunicipality({ db: await getDb() });
  if (!municipality) {
    return (
      <main id="main" className="page narrow">
        <p>{t("noMunicipality")}</p>
      </main>
    );
  }
  const env = getEnv();
  const name = localized(municipality.name, locale as never);
  return (
    <main id="main" className="page map-page">
      <div className="map-intro">
        <h1>{t("heading", { municipality: name })}</h1>
        <p>{t("intro")}</p>
      </div>
      <ReportsMap
        municipalityCode={municipality.code}
        bbox={municipality.bbox}
        label={t("mapLabel", { municipality: name })}
        styleUrl={env.MAP_STYLE_URL}
        styleTimeoutMs={env.MAP_STYLE_TIMEOUT_MS}
      />
      <MapLegend approximate={municipality.boundarySource.startsWith("Approximate")} />
    </main>
  );
}
