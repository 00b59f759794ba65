import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { datasetFields, datasetIds, generatedAt } from "@/lib/open-data/datasets";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("openData"))("title"),
    description: (await getTranslations("meta"))("openData"),
  };
}

export default async function OpenDataPage() {
  const t = await getTranslations("openData");
  const tt = t as unknown as (key: string) => string;
  const format = await getFormatter();
  const at = generatedAt();
  return (
    <main id="main" className="page narrow open-data">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="hint">
        {t("frequency")} ·{" "}
        {at
          ? t("generated", {
              date: format.dateTime(at, "mediumWithTime"),
            })
          : t("notYet")}
      </p>
      {datasetIds.map((id) => (
        <section key={id} aria-labelledby={`dataset-${id}`}>
          <h2 id={`dataset-${id}`}>{tt(`name_${id}`)}</h2>
          <p>{tt(`desc_${id}`)}</p>
          <p className="hint">
            {t("fields")}: <code>{datasetFields[id].join(", ")}</code>
          </p>
          <p>
            {t("download")}: <a href={`/open-data/${id}.geojson`}>GeoJSON</a> ·{" "}
            <a href={`/open-data/${id}.csv`}>CSV</a>
          </p>
        </section>
      ))}
    </main>
  );
}
