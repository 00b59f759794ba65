import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryOne } from "@/db/query";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

/** A permit's document, for the permits office only (documents may hold personal data). */
export const GET = withStaff<{ id: string; documentId: string }>(
  "permits.manage",
  async (_req, { params, user }) => {
    const { id, documentId } = await params;
    const doc =
      Number.isInteger(Number(id)) && Number.isInteger(Number(documentId)) && user.municipalityIds.length > 0
        ? await queryOne<{ storage_key: string; content_type: string; file_name: string }>(
            await getDb(),
            sql`select d.storage_key, d.content_type, d.file_name from permit_documents d join permits p on p.id = d.permit_id
              where d.id = ${Number(documentId)} and d.permit_id = ${Number(id)} and p.municipality_id in ${user.municipalityIds}`,
          )
        : undefined;
    const data = doc ? await getStorage().get(doc.storage_key) : null;
    if (!doc || !data) throw new AppError({ code: "not_found", messageKey: "permitDocumentNotFound" });
    return new Response(new Uint8Array(data), {
      headers: {
        "content-type": doc.content_type,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
