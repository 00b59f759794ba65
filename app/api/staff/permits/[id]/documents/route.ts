import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addPermitDocument, MAX_DOCUMENT_BYTES } from "@/lib/permits/add-permit-document";

export const dynamic = "force-dynamic";

/** Attaches a document: multipart `expectedVersion` + `file` (PDF, JPEG, PNG, at most 10 MB). */
export const POST = withStaff<{ id: string }>("permits.manage", async (req, { params, user }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id)) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024) {
    throw new AppError({
      code: "payload_too_large",
      messageKey: "permitDocumentTooLarge",
      details: { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 },
    });
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  const expectedVersion = Number(form?.get("expectedVersion"));
  if (!form || typeof file === "string" || !file || !Number.isInteger(expectedVersion)) {
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  }
  const added = await addPermitDocument({
    db: await getDb(),
    permitId: id,
    expectedVersion,
    fileName: file.name,
    data: Buffer.from(await file.arrayBuffer()),
    actorUserId: user.id,
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(added, { status: 201 });
});
