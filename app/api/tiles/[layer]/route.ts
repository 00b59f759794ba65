import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { ogcBase } from "@/lib/ogc/respond";
import { corsGet, corsPreflight } from "@/lib/request/cors";
import { buildTileJson } from "@/lib/tiles/tilejson";

export const dynamic = "force-dynamic";

/** `/api/tiles/{reports|permits|districts}.json` — TileJSON for the layer's vector tiles. */
export const GET = corsGet(
  withApi<{ layer: string }>(async (req, { params }) => {
    const { layer } = await params;
    const doc = layer.endsWith(".json")
      ? buildTileJson({ layer: layer.slice(0, -5), baseUrl: ogcBase(req).replace(/\/api\/ogc$/, "") })
      : null;
    if (!doc) throw new AppError({ code: "not_found", messageKey: "tileLayerNotFound" });
    return NextResponse.json(doc, { headers: { "cache-control": "public, max-age=3600" } });
  }),
);

export const OPTIONS = corsPreflight;
