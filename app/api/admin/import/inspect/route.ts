import { NextResponse } from "next/server";
import { withAdmin } from "@/lib/auth/session";
import { readImportRequest } from "@/lib/import/import-request";
import { parseCsv } from "@/lib/import/parse-csv";

export const dynamic = "force-dynamic";

/** The columns of an uploaded CSV and its first rows, for mapping in the page. Writes nothing. */
export const POST = withAdmin("admin.manage", async (req) => {
  const request = await readImportRequest(req);
  const parsed = parseCsv(request.csv);
  return NextResponse.json({
    header: parsed.header,
    sample: parsed.rows.slice(0, 5),
    totalRows: parsed.rows.length,
  });
});
