import "server-only";
import type { Database } from "../../db/client";
import { collectionExtent, describeCollection, type CollectionId } from "./collections";

const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

/** A collection as listed in /collections: identity, extent, CRS and links. */
export async function collectionDocument(db: Database, id: CollectionId, base: string) {
  const meta = describeCollection(id)!;
  const bbox = await collectionExtent(db, id);
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    itemType: "feature",
    crs: [CRS84],
    extent: {
      spatial: { bbox: [bbox ?? [-180, -90, 180, 90]], crs: CRS84 },
      ...(meta.temporal ? { temporal: { interval: [[null, null]] } } : {}),
    },
    links: [
      { href: `${base}/collections/${id}`, rel: "self", type: "application/json", title: meta.title },
      {
        href: `${base}/collections/${id}/items`,
        rel: "items",
        type: "application/geo+json",
        title: `${meta.title} (GeoJSON)`,
      },
    ],
  };
}
