import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { getImportJob } from "@/lib/import/get-import-job";

export const dynamic = "force-dynamic";

/** An import's progress (polled by the page). */
export const GET = withAdmin<{ id: string }>("admin.manage", async (_req, { user, params }) => {
  const job = await getImportJob({
    db: await getDb(),
    id: Number((await params).id),
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(job, { headers: { "cache-control": "no-store" } });
});
