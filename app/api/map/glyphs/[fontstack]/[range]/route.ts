import { withApi } from "@/lib/http";
import { readGlyphRange } from "@/lib/map/published/map-assets";
import { corsGet, corsPreflight } from "@/lib/request/cors";
import { sendBytes } from "@/lib/request/send-bytes";

export const dynamic = "force-dynamic";

/** `/api/map/glyphs/{fontstack}/{start}-{end}.pbf`: SDF glyphs for the published style's labels. */
export const GET = corsGet(
  withApi<{ fontstack: string; range: string }>(async (req, { params }) => {
    const { fontstack, range } = await params;
    return sendBytes(req, readGlyphRange(decodeURIComponent(fontstack), range), {
      "content-type": "application/x-protobuf",
      "cache-control": "public, max-age=86400",
    });
  }),
);

export const OPTIONS = corsPreflight;
