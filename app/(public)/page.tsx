import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { asPublic } from "@/lib/auth/db-scope";
import { ReportsMap } from "@/components/map/ReportsMap";
import { MapLegend } from "@/components/map/MapLegend";
import { MunicipalityOverview } from "@/components/map/MunicipalityOverview";
import { getMunicipalityOverview } from "@/lib/map/get-overview";
import { listPublicReports } from "@/lib/reports/list-public-reports";
import { localized, type Locale } from "@/lib/i18n/config";
import { MapFilters } from "@/components/map/MapFilters";
import { listDistricts } from "@/lib/places/list-districts";
import { listCategories } from "@/lib/reports/list-categories";
import { currentReports, filtersToParams, parsePublicFilters } from "@/lib/reports/public-filters";
import {
  getPublicMunicipality,
  isUnknownMunicipality,
  listMunicipalities,
} from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

/** Up to this many reports, the list of the whole municipality comes in the page's HTML. */
const INITIAL_LIST_LIMIT = 400;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of [value ?? []].flat()) params.append(key, v);
  return params;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("meta");
  const locale = await getLocale();
  const code = toParams(await searchParams).get("municipality");
  const municipality = await asPublic((db) => getPublicMunicipality({ db, code }));
  const name = localized(municipality?.name, locale as never);
  return {
    title: { absolute: t("title", { municipality: name }) },
    description: t("description", { municipality: name }),
  };
}

/** The public map reads as the public role: only the public views and reference tables exist for it. */
export default async function HomePage(...args: Parameters<typeof HomePageContent>) {
  return asPublic(() => HomePageContent(...args));
}

async function HomePageContent({ searchParams }: Props) {
  const t = await getTranslations("home");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const params = toParams(await searchParams);
  if (await isUnknownMunicipality({ db, code: params.get("municipality") })) notFound();
  const municipality = await getPublicMunicipality({ db, code: params.get("municipality") });
  if (!municipality) {
    return (
      <main id="main" className="page narrow">
        <p>{t("noMunicipality")}</p>
      </main>
    );
  }
  const name = localized(municipality.name, locale);
  // The map opens on the current reports (open, and finished in the last 30 days); `show=all` widens it.
  let filters = currentReports;
  try {
    filters = parsePublicFilters(params, { defaultScope: "current" });
  } catch {
    // A hand-edited link with a bad filter shows the default map.
  }
  const [groups, districts, served, listed] = await Promise.all([
    listCategories({ db, municipalityId: municipality.id, locale }),
    listDistricts({ db, municipalityId: municipality.id, locale }),
    listMunicipalities({ db }),
    listPublicReports({ db, bbox: municipality.bbox, locale, filters }),
  ]);
  // The reports the map opens on: dots on the phones' overview, and the list in the page itself
  // (no wait and no jump as it arrives) when it is short enough to send along.
  const overview = await getMunicipalityOverview({
    db,
    municipalityId: municipality.id,
    bbox: municipality.bbox,
    points: listed.features.map((f) => f.geometry.coordinates as [number, number]),
  });
  const initialList =
    !params.get("at") && listed.features.length <= INITIAL_LIST_LIMIT
      ? {
          reports: listed.features.map(({ properties: p }) => ({
            code: p.code,
            categoryName: p.categoryName,
            status: p.status,
            createdAt: p.createdAt,
            address: p.address,
            districtName: p.districtName,
          })),
          truncated: listed.truncated,
          limit: listed.limit,
        }
      : undefined;
  return (
    <main id="main" className="page map-page">
      <div className="map-intro">
        <h1>{t("heading", { municipality: name })}</h1>
        <p>{t("intro")}</p>
        {served.length > 1 ? (
          <nav aria-label={t("otherMunicipalities")} className="municipality-switch">
            {served
              .filter((m) => m.code !== municipality.code)
              .map((m) => (
                <a key={m.code} href={`/?municipality=${encodeURIComponent(m.code)}`}>
                  {localized(m.name, locale)}
                </a>
              ))}
          </nav>
        ) : null}
      </div>
      <ReportsMap
        municipalityCode={municipality.code}
        bbox={municipality.bbox}
        label={t("mapLabel", { municipality: name })}
        filterQuery={filtersToParams(filters).toString()}
        initialView={params.get("at")}
        categoryNames={Object.fromEntries(
          groups.flatMap((g) => g.categories.map((c) => [c.serviceCode, c.name])),
        )}
        overview={<MunicipalityOverview overview={overview} />}
        initialList={initialList}
      />
      <div className="map-side">
        <MapFilters
          filters={filters}
          groups={groups}
          districts={districts}
          municipalityCode={served.length > 1 ? municipality.code : undefined}
        />
        <MapLegend approximate={municipality.boundarySource.startsWith("Approximate")} />
      </div>
    </main>
  );
}
