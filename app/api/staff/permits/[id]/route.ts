import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getStaffPermit } from "@/lib/permits/get-staff-permit";
import { permitUpdateSchema } from "@/lib/permits/permit-schema";
import { updatePermit } from "@/lib/permits/update-permit";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

export const GET = withStaff<{ id: string }>("permits.manage", async (_req, { params, user, locale }) => {
  const permit = await getStaffPermit({
    db: await getDb(),
    id: Number((await params).id),
    municipalityIds: user.municipalityIds,
    locale,
  });
  if (!permit) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  return NextResponse.json(permit);
});

/** Changes what the permit says: `{ expectedVersion, permit }`; 200 with the new version and the conflicts the change causes. */
export const PUT = withStaff<{ id: string }>("permits.manage", async (req, { params, user }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id)) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  const body = permitUpdateSchema.parse(await readJson(req));
  const result = await updatePermit({
    db: await getDb(),
    permitId: id,
    expectedVersion: body.expectedVersion,
    permit: body.permit,
    actorUserId: user.id,
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(result);
});
