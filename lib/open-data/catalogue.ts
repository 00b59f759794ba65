import "server-only";
import fs from "node:fs";
import { createTranslator } from "use-intl/core";
import type { Database } from "../../db/client";
import { getEnv } from "../env";
import { locales, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { datasetIds, datasetPath, ensureOpenData, type DatasetFormat, type DatasetId } from "./datasets";

export const LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
const DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY";
const mediaTypes: Record<DatasetFormat, string> = { geojson: "application/geo+json", csv: "text/csv" };
/** Which property gives each dataset's time span (first, last), read from the published file. */
const timeFields: Partial<Record<DatasetId, [string, string]>> = {
  reports: ["created_at", "created_at"],
  permits: ["valid_from", "valid_to"],
};

export type DatasetSummary = {
  id: DatasetId;
  title: Record<Locale, string>;
  description: Record<Locale, string>;
  bbox: [number, number, number, number] | null;
  temporal: [string, string] | null;
  modified: string;
  files: Array<{ format: DatasetFormat; url: string; mediaType: string; byteSize: number }>;
};

/**
 * What the published files hold, read from the files themselves (not the database): so the
 * catalogue describes exactly what a harvester downloads.
 */
export async function summariseDatasets(db: Database): Promise<{
  publisher: string;
  title: Record<Locale, string>;
  description: Record<Locale, string>;
  datasets: DatasetSummary[];
}> {
  const generated = await ensureOpenData(db);
  const base = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const translators = Object.fromEntries(
    await Promise.all(
      locales.map(async (l) => [
        l,
        createTranslator({
          locale: l,
          messages: await loadMessages(l),
          namespace: "openData",
        }) as unknown as (key: string) => string,
      ]),
    ),
  ) as Record<Locale, (key: string) => string>;
  const per = (key: string) =>
    Object.fromEntries(locales.map((l) => [l, translators[l](key)])) as Record<Locale, string>;
  const datasets = datasetIds.map((id): DatasetSummary => {
    const geojson = JSON.parse(fs.readFileSync(datasetPath(id, "geojson"), "utf8")) as {
      features: Array<{ geometry: { coordinates: unknown }; properties: Record<string, unknown> }>;
    };
    let bbox: DatasetSummary["bbox"] = null;
    const times: string[] = [];
    const fields = timeFields[id];
    for (const feature of geojson.features) {
      for (const [x, y] of positions(feature.geometry.coordinates)) {
        bbox = bbox
          ? [Math.min(bbox[0], x), Math.min(bbox[1], y), Math.max(bbox[2], x), Math.max(bbox[3], y)]
          : [x, y, x, y];
      }
      if (fields)
        for (const f of fields)
          if (typeof feature.properties[f] === "string") times.push(feature.properties[f] as string);
    }
    times.sort();
    return {
      id,
      title: per(`name_${id}`),
      description: per(`desc_${id}`),
      bbox,
      temporal: times.length ? [times[0]!, times.at(-1)!] : null,
      modified: generated.toISOString(),
      files: (["geojson", "csv"] as const).map((format) => ({
        format,
        url: `${base}/open-data/${id}.${format}`,
        mediaType: mediaTypes[format],
        byteSize: fs.statSync(datasetPath(id, format)).size,
      })),
    };
  });
  // A dataset with no features yet covers the same area as the others (the served municipalities).
  const present = datasets.flatMap((d) => (d.bbox ? [d.bbox] : []));
  if (present.length) {
    const overall: [number, number, number, number] = [
      Math.min(...present.map((b) => b[0])),
      Math.min(...present.map((b) => b[1])),
      Math.max(...present.map((b) => b[2])),
      Math.max(...present.map((b) => b[3])),
    ];
    for (const d of datasets) d.bbox ??= overall;
  }
  return {
    publisher: per("publisher")["sr-Latn"],
    title: per("catalogueTitle"),
    description: per("intro"),
    datasets,
  };
}

/** Every [x, y] in nested GeoJSON coordinates. */
function positions(coordinates: unknown): Array<[number, number]> {
  if (Array.isArray(coordinates) && typeof coordinates[0] === "number")
    return [[coordinates[0] as number, coordinates[1] as number]];
  return Array.isArray(coordinates) ? coordinates.flatMap(positions) : [];
}

const lang = (values: Record<Locale, string>) =>
  Object.entries(values).map(([l, v]) => ({ "@language": l, "@value": v }));

const wktBox = ([w, s, e, n]: [number, number, number, number]) =>
  `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))`;

/** The DCAT-AP 2 catalogue as JSON-LD: licence, publisher, frequency, spatial and temporal coverage. */
export async function buildDcatCatalogue(db: Database) {
  const { publisher, title, description, datasets } = await summariseDatasets(db);
  const base = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const agent = { "@type": "foaf:Agent", "foaf:name": publisher };
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
      gsp: "http://www.opengis.net/ont/geosparql#",
    },
    "@id": `${base}/api/open-data/catalog`,
    "@type": "dcat:Catalog",
    "dct:title": lang(title),
    "dct:description": lang(description),
    "dct:publisher": agent,
    "dct:license": { "@id": LICENCE_URL },
    "foaf:homepage": { "@id": `${base}/open-data` },
    "dcat:dataset": datasets.map((d) => ({
      "@id": `${base}/open-data#${d.id}`,
      "@type": "dcat:Dataset",
      "dct:identifier": d.id,
      "dct:title": lang(d.title),
      "dct:description": lang(d.description),
      "dct:publisher": agent,
      "dcat:contactPoint": { "@type": "vcard:Organization", "vcard:fn": publisher },
      "dct:accrualPeriodicity": { "@id": DAILY },
      "dct:modified": { "@value": d.modified, "@type": "xsd:dateTime" },
      ...(d.bbox
        ? {
            "dct:spatial": {
              "@type": "dct:Location",
              "dcat:bbox": { "@value": wktBox(d.bbox), "@type": "gsp:wktLiteral" },
            },
          }
        : {}),
      ...(d.temporal
        ? {
            "dct:temporal": {
              "@type": "dct:PeriodOfTime",
              "dcat:startDate": { "@value": d.temporal[0], "@type": "xsd:dateTime" },
              "dcat:endDate": { "@value": d.temporal[1], "@type": "xsd:dateTime" },
            },
          }
        : {}),
      "dcat:distribution": d.files.map((f) => ({
        "@id": f.url,
        "@type": "dcat:Distribution",
        "dcat:accessURL": { "@id": f.url },
        "dcat:downloadURL": { "@id": f.url },
        "dcat:mediaType": f.mediaType,
        "dct:format": f.format.toUpperCase(),
        "dct:license": { "@id": LICENCE_URL },
        "dcat:byteSize": { "@value": String(f.byteSize), "@type": "xsd:nonNegativeInteger" },
      })),
    })),
  };
}
