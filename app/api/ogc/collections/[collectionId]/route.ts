import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { describeCollection } from "@/lib/ogc/collections";
import { collectionDocument } from "@/lib/ogc/describe";
import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

export const GET = ogcRoute<{ collectionId: string }>(async (_req, { params, base }) => {
  const meta = describeCollection(params.collectionId);
  if (!meta) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
  return ogcJson(await collectionDocument(await getDb(), meta.id, base));
});

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
