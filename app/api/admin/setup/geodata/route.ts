import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_GEODATA_FILE_BYTES } from "@/lib/geodata/limits";
import { previewGeodata } from "@/lib/geodata/preview-geodata";
import { readGeodataFile } from "@/lib/geodata/read-geodata-file";
import { getOrStartSetupDraft } from "@/lib/onboarding/setup-draft";
import { readForm } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * Reads an uploaded boundary, district or service-area file and answers with the preview (each
 * feature ok, repaired or rejected, in EPSG:4326). Writes nothing; districts and service areas are
 * checked against the boundary chosen earlier in the draft.
 */
export const POST = withAdmin("admin.manage", async (req, { user }) => {
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
  const layer = form.get("layer");
  const db = await getDb();
  const read = await readGeodataFile({
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name,
    layer: typeof layer === "string" && layer ? layer : undefined,
  });
  const draft =
    form.get("purpose") === "boundary" ? null : await getOrStartSetupDraft({ db, userId: user.id });
  const preview = await previewGeodata({ db, file: read, boundary: draft?.data.boundary?.geometry ?? null });
  return NextResponse.json({ fileName: file.name, ...preview });
});
