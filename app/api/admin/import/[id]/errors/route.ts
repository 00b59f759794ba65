import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { describeImportError } from "@/lib/import/describe-import-error";
import { buildErrorCsv } from "@/lib/import/error-csv";
import { getImportJob } from "@/lib/import/get-import-job";

export const dynamic = "force-dynamic";

/** The rows that failed, as a CSV to fix and import again. */
export const GET = withAdmin<{ id: string }>("admin.manage", async (_req, { user, params, locale }) => {
  const id = Number((await params).id);
  const job = await getImportJob({
    db: await getDb(),
    id,
    municipalityIds: user.municipalityIds,
    withErrors: true,
  });
  const csv = buildErrorCsv({
    header: job.header,
    errors: job.errors,
    describe: await describeImportError(locale),
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${id}-errors.csv"`,
    },
  });
});
