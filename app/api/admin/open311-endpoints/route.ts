import { NextResponse } from "next/server";
import { adminRequest } from "@/lib/admin/admin-request";
import { saveOpen311EndpointAsAdmin } from "@/lib/admin/save-open311-endpoint";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Registers an organisation's own Open311 system and its category rules: 201 with its id. */
export const POST = withAdmin("admin.manage", async (req, { user }) => {
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(
    await saveOpen311EndpointAsAdmin({ db, scope, actorUserId: user.id, endpoint: body }),
    { status: 201 },
  );
});
