import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { dryRunImport } from "@/lib/import/dry-run-import";
import { adminMunicipalityId, readImportRequest } from "@/lib/import/import-request";
import { columnMappingSchema } from "@/lib/import/import-schema";
import { parseCsv } from "@/lib/import/parse-csv";
import { describeImportError } from "@/lib/import/describe-import-error";

export const dynamic = "force-dynamic";

/** Checks every row as the import would and answers with the count and the failing rows (at most 200 shown). Writes nothing. */
export const POST = withAdmin("admin.manage", async (req, { user, locale }) => {
  const request = await readImportRequest(req);
  const db = await getDb();
  const municipalityId = await adminMunicipalityId({ db, user, code: request.municipalityCode });
  const result = await dryRunImport({
    db,
    municipalityId,
    csv: parseCsv(request.csv),
    mapping: columnMappingSchema.parse(request.mapping),
    locale,
  });
  const describe = await describeImportError(locale);
  return NextResponse.json({
    total: result.total,
    valid: result.valid,
    failed: result.errors.length,
    errors: result.errors.slice(0, 200).map((e) => ({ row: e.row, message: describe(e) })),
  });
});
