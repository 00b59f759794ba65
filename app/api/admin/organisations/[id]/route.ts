import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { saveOrganisation } from "@/lib/admin/save-organisation";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Changes an organisation's names, kind and sector, contact and active flag. */
export const PUT = withAdmin<{ id: string }>("admin.manage", async (req, { user, params }) => {
  const organisationId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(
    await saveOrganisation({ db, scope, actorUserId: user.id, organisationId, organisation: body }),
  );
});
