import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { describeCollection, getItem } from "@/lib/ogc/collections";
import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

export const GET = ogcRoute<{ collectionId: string; featureId: string }>(
  async (_req, { params, base, locale }) => {
    const meta = describeCollection(params.collectionId);
    const feature = meta
      ? await getItem({
          db: await getDb(),
          id: meta.id,
          featureId: decodeURIComponent(params.featureId),
          locale,
        })
      : null;
    if (!meta || !feature) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    return ogcJson(
      {
        ...feature,
        links: [
          {
            href: `${base}/collections/${meta.id}/items/${encodeURIComponent(String(feature.id))}`,
            rel: "self",
            type: "application/geo+json",
          },
          { href: `${base}/collections/${meta.id}`, rel: "collection", type: "application/json" },
        ],
      },
      "application/geo+json",
    );
  },
);

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
