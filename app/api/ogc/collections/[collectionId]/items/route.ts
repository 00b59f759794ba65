import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { describeCollection, queryItems } from "@/lib/ogc/collections";
import { encodeCursor, parseItemsQuery } from "@/lib/ogc/params";
import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

/** Features of a collection with `bbox`, `datetime`, `limit`; a `next` link (keyset `cursor`) pages through the rest. */
export const GET = ogcRoute<{ collectionId: string }>(async (req, { params, base, locale }) => {
  const meta = describeCollection(params.collectionId);
  if (!meta) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
  const query = parseItemsQuery(req.nextUrl.searchParams);
  const { features, numberMatched } = await queryItems({ db: await getDb(), id: meta.id, query, locale });
  const self = new URL(`${base}/collections/${meta.id}/items`);
  req.nextUrl.searchParams.forEach((v, k) => self.searchParams.set(k, v));
  const links = [
    { href: self.toString(), rel: "self", type: "application/geo+json", title: "This page" },
    {
      href: `${base}/collections/${meta.id}`,
      rel: "collection",
      type: "application/json",
      title: meta.title,
    },
  ];
  // A full page has a `next` link keyed on its last feature (stable whatever is filed meanwhile).
  const last = features.at(-1);
  if (last?.id !== undefined && features.length === query.limit && numberMatched > features.length) {
    const next = new URL(self);
    next.searchParams.delete("offset");
    next.searchParams.set("cursor", encodeCursor(last.id));
    next.searchParams.set("limit", String(query.limit));
    links.push({ href: next.toString(), rel: "next", type: "application/geo+json", title: "Next page" });
  }
  return ogcJson(
    {
      type: "FeatureCollection",
      features,
      numberMatched,
      numberReturned: features.length,
      timeStamp: new Date().toISOString(),
      links,
    },
    "application/geo+json",
  );
});

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
