import fs from "node:fs";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withPublicApi } from "@/lib/http";
import {
  datasetIds,
  datasetPath,
  ensureOpenData,
  type DatasetFormat,
  type DatasetId,
} from "@/lib/open-data/datasets";
import { corsGet, corsPreflight } from "@/lib/request/cors";
import { sendBytes } from "@/lib/request/send-bytes";

export const dynamic = "force-dynamic";

const types: Record<DatasetFormat, string> = {
  geojson: "application/geo+json",
  csv: "text/csv; charset=utf-8",
};

/** Downloads: `/open-data/reports.geojson`, `/open-data/permits.csv`, … (regenerated when a day old). */
export const GET = corsGet(
  withPublicApi<{ file: string }>(async (req, { params }) => {
    const match = /^([a-z]+)\.(geojson|csv)$/.exec((await params).file);
    if (!match || !(datasetIds as readonly string[]).includes(match[1]!))
      throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    const id = match[1] as DatasetId;
    const format = match[2] as DatasetFormat;
    await ensureOpenData(await getDb());
    return sendBytes(req, new Uint8Array(fs.readFileSync(datasetPath(id, format))), {
      "content-type": types[format],
      "content-disposition": `attachment; filename="${id}.${format}"`,
      "cache-control": "public, max-age=3600",
    });
  }),
);

export const OPTIONS = corsPreflight;
