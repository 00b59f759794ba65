import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { getImportJob } from "@/lib/import/get-import-job";
import { startImportJob } from "@/lib/import/start-import-job";

export const dynamic = "force-dynamic";

/** Resumes an interrupted import from its last committed batch. */
export const POST = withAdmin<{ id: string }>("admin.manage", async (_req, { user, params, locale }) => {
  const db = await getDb();
  const job = await getImportJob({
    db,
    id: Number((await params).id),
    municipalityIds: user.municipalityIds,
  });
  if (job.status !== "completed") startImportJob({ db, jobId: job.id, locale });
  return NextResponse.json(job, { status: 202 });
});
