import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withPublicApi } from "@/lib/http";
import { getPublicAttachment } from "@/lib/reports/get-public-report";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

/** A public report's photo. Photos of non-public reports are not served here (staff see them in their workspace). */
export const GET = withPublicApi<{ id: string }>(async (_req, { params }) => {
  const { id } = await params;
  const numeric = Number(id);
  const notFound = new AppError({ code: "not_found", messageKey: "photoNotFound" });
  if (!Number.isInteger(numeric) || numeric <= 0) throw notFound;
  const attachment = await getPublicAttachment({ db: await getDb(), id: numeric });
  if (!attachment) throw notFound;
  const data = await getStorage().get(attachment.storageKey);
  if (!data) throw notFound;
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": attachment.contentType,
      "cache-control": "public, max-age=86400, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});
