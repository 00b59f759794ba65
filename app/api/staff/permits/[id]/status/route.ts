import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { changePermitStatus } from "@/lib/permits/change-permit-status";
import { permitStatusChangeSchema } from "@/lib/permits/permit-schema";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** One step of the permit procedure: `{ expectedVersion, to, reason? }`; 409 for a step not allowed or a stale version. */
export const POST = withStaff<{ id: string }>("permits.manage", async (req, { params, user }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id)) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  const body = permitStatusChangeSchema.parse(await readJson(req));
  const result = await changePermitStatus({
    db: await getDb(),
    permitId: id,
    expectedVersion: body.expectedVersion,
    to: body.to,
    reason: body.reason,
    actorUserId: user.id,
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(result);
});
