import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addPermitDocument, MAX_DOCUMENT_BYTES } from "@/lib/permits/add-permit-document";
import { readForm } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** Attaches a document: multipart `expectedVersion` + `file` (PDF, JPEG, PNG, at most 10 MB). */
export const POST = withStaff<{ id: string }>("permits.manage", async (req, { params, user }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id)) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  const form = await readForm(req, {
    maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024,
    tooLarge: () =>
      new AppError({
        code: "payload_too_large",
        messageKey: "permitDocumentTooLarge",
        details: { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 },
      }),
  });
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
