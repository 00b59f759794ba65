import "server-only";
import type { Database } from "../../db/client";
import {
  collectionExtent,
  collectionTemporalExtent,
  describeCollection,
  type CollectionId,
} from "./collections";

const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

/** A collection as listed in /collections: identity, extent, CRS and links. */
export async function collectionDocument(db: Database, id: CollectionId, base: string) {
  const meta = describeCollection(id)!;
  const bbox = await collectionExtent(db, id);
  const interval = await collectionTemporalExtent(db, id);
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    itemType: "feature",
    crs: [CRS84],
    extent: {
      spatial: { bbox: [bbox ?? [-180, -90, 180, 90]], crs: CRS84 },
      ...(interval
        ? {
            temporal: {
              interval: [interval],
              trs: "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
            },
          }
        : {}),
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
