import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryOne } from "@/db/query";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getStaffReport } from "@/lib/reports/get-staff-report";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

/** Any photo of a report this staff member may see, public or not. */
export const GET = withStaff<{ id: string }>("reports.view", async (_req, { params, user, locale }) => {
  const id = Number((await params).id);
  const notFound = new AppError({ code: "not_found", messageKey: "photoNotFound" });
  if (!Number.isInteger(id)) throw notFound;
  const db = await getDb();
  const row = await queryOne<{ report_id: number; storage_key: string; content_type: string }>(
    db,
    sql`select report_id, storage_key, content_type from attachments where id = ${id}`,
  );
  if (!row || !(await getStaffReport({ db, id: row.report_id, user, locale }))) throw notFound;
  const data = await getStorage().get(row.storage_key);
  if (!data) throw notFound;
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": row.content_type,
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
});
