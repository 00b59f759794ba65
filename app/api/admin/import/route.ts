import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { createImportJob } from "@/lib/import/create-import-job";
import { adminMunicipalityId, readImportRequest } from "@/lib/import/import-request";
import { startImportJob } from "@/lib/import/start-import-job";

export const dynamic = "force-dynamic";

/** Records the import and starts it in the background; the page follows its progress. */
export const POST = withAdmin("admin.manage", async (req, { user, locale }) => {
  const request = await readImportRequest(req);
  const db = await getDb();
  const municipalityId = await adminMunicipalityId({ db, user, code: request.municipalityCode });
  const job = await createImportJob({
    db,
    municipalityId,
    userId: user.id,
    fileName: request.fileName,
    csv: request.csv,
    mapping: request.mapping,
  });
  startImportJob({ db, jobId: job.id, locale });
  return NextResponse.json(job, { status: 202 });
});
