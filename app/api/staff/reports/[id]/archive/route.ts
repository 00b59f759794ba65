import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { buildCaseArchive } from "@/lib/registry/build-case-archive";
import { getStaffReport } from "@/lib/reports/get-staff-report";

export const dynamic = "force-dynamic";

/** The archive package (ZIP) of a closed case the staff member may see; 409 while the case is open. */
export const GET = withStaff<{ id: string }>("reports.view", async (_req, { params, user, locale }) => {
  const id = Number((await params).id);
  const db = await getDb();
  const visible = Number.isInteger(id) ? await getStaffReport({ db, id, user, locale }) : null;
  if (!visible) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  const archive = await buildCaseArchive({ db, reportId: id });
  return new Response(new Uint8Array(archive.zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${archive.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
