import { getDb } from "@/db/client";
import { collectionIds } from "@/lib/ogc/collections";
import { collectionDocument } from "@/lib/ogc/describe";
import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

export const GET = ogcRoute(async (_req, { base }) => {
  const db = await getDb();
  return ogcJson({
    links: [{ href: `${base}/collections`, rel: "self", type: "application/json", title: "Collections" }],
    collections: await Promise.all(collectionIds().map((id) => collectionDocument(db, id, base))),
  });
});

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
