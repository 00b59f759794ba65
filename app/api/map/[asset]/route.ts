import { NextResponse } from "next/server";
import { withApi } from "@/lib/http";
import { buildPublishedStyle } from "@/lib/map/published/published-style";
import { readSpriteFile } from "@/lib/map/published/map-assets";
import { ogcBase } from "@/lib/ogc/respond";
import { corsGet, corsPreflight } from "@/lib/request/cors";
import { sendBytes } from "@/lib/request/send-bytes";

export const dynamic = "force-dynamic";

/**
 * The published map style for other sites and renderers: `/api/map/style.json` (MapLibre/Mapbox
 * style 8) and its sprite `/api/map/sprite{,@2x}.{json,png}`; glyphs are under `/api/map/glyphs`.
 */
export const GET = corsGet(
  withApi<{ asset: string }>(async (req, { params }) => {
    const { asset } = await params;
    if (asset === "style.json") {
      const baseUrl = ogcBase(req).replace(/\/api\/ogc$/, "");
      return NextResponse.json(buildPublishedStyle({ baseUrl }), {
        headers: {
          "cache-control": "public, max-age=3600",
          vary: "Host, X-Forwarded-Host, X-Forwarded-Proto",
        },
      });
    }
    const file = readSpriteFile(asset);
    return sendBytes(req, file.bytes, {
      "content-type": file.type,
      "cache-control": "public, max-age=86400",
    });
  }),
);

export const OPTIONS = corsPreflight;
