import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import {
  adminMunicipalityCookie,
  loadAdminScope,
  scopeInRememberedMunicipality,
  scopeMunicipalityId,
} from "@/lib/admin/admin-scope";
import { withAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_GEODATA_FILE_BYTES } from "@/lib/geodata/limits";
import { importAddressPoints } from "@/lib/places/import-address-points";
import { readForm } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * Imports the address points (house numbers with their position) of the municipality the
 * administrator works in: a CSV (street, number, lon, lat) or a point layer (GeoJSON, Shapefile,
 * GeoPackage with street and number attributes). Replaces the previous import; a bad row refuses
 * the file and changes nothing. Answers `{ count }`.
 */
export const POST = withAdmin("admin.manage", async (req: NextRequest, { user }) => {
  const form = await readForm(req, {
    maxBytes: MAX_GEODATA_FILE_BYTES + 64 * 1024,
    tooLarge: () =>
      new AppError({
        code: "payload_too_large",
        messageKey: "geodataTooLarge",
        details: { maxMb: MAX_GEODATA_FILE_BYTES / 1024 / 1024 },
      }),
  });
  if (!form) throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new AppError({ code: "bad_request", messageKey: "setupFileMissing" });
  const db = await getDb();
  const scope = scopeInRememberedMunicipality(
    await loadAdminScope({ db, user }),
    req.cookies.get(adminMunicipalityCookie)?.value,
  );
  if (!scope.all) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  const { count } = await importAddressPoints({
    db,
    municipalityId: scopeMunicipalityId(scope),
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name,
  });
  return NextResponse.json({ count });
});
