import { getReadHandle, wantsOwnWrites } from "@/db/read";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { parsePublicFilters } from "@/lib/reports/public-filters";
import { getTile } from "@/lib/tiles/get-tile";
import { corsGet, corsPreflight } from "@/lib/request/cors";
import { sendBytes } from "@/lib/request/send-bytes";

export const dynamic = "force-dynamic";

type Params = { layer: string; z: string; x: string; y: string };

const integer = (value: string) => (/^\d{1,8}$/.test(value) ? Number(value) : NaN);

/**
 * `/api/tiles/{reports|shapes|permits|districts}/{z}/{x}/{y}.mvt` — Mapbox Vector Tiles. The reports
 * layer takes the public map's filters (`category`, `status`, `period`, `district`), which are
 * part of the ETag. Browsers revalidate after a few seconds and get 304 until the layer changes.
 */
export const GET = corsGet(
  withApi<Params>(async (req, { params }) => {
    const { layer, z, x, y } = await params;
    if (!y.endsWith(".mvt")) throw new AppError({ code: "not_found", messageKey: "tileLayerNotFound" });
    const tile = await getTile({
      // The standby when one is configured and current; the primary for a citizen who just filed.
      handle: await getReadHandle({ fresh: wantsOwnWrites(req) }),
      layer,
      z: integer(z),
      x: integer(x),
      y: integer(y.slice(0, -4)),
      filters: parsePublicFilters(req.nextUrl.searchParams),
    });
    const headers = {
      "content-type": "application/vnd.mapbox-vector-tile",
      "cache-control": "public, max-age=5, must-revalidate",
      etag: tile.etag,
      vary: "accept-encoding",
    };
    if (req.headers.get("if-none-match") === tile.etag) return new Response(null, { status: 304, headers });
    return sendBytes(req, new Uint8Array(tile.body), headers);
  }),
);

export const OPTIONS = corsPreflight;
