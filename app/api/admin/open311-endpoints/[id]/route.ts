import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { saveOpen311EndpointAsAdmin } from "@/lib/admin/save-open311-endpoint";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Changes an Open311 system; an empty `apiKey` keeps the stored one. */
export const PUT = withAdmin<{ id: string }>("admin.manage", async (req, { user, params }) => {
  const endpointId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(
    await saveOpen311EndpointAsAdmin({ db, scope, actorUserId: user.id, endpointId, endpoint: body }),
  );
});
