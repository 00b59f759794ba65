import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { withAdmin } from "@/lib/auth/session";
import { decideOpen311KeyRequest } from "@/lib/open311/keys/decide-open311-key-request";

export const dynamic = "force-dynamic";

/** `{ decision: "approve" | "refuse" }` on a waiting key request; 409 once it is decided. */
export const POST = withAdmin<{ id: string }>("admin.manage", async (req, { user, params }) => {
  const requestId = await idParam(params);
  const { db, body } = await adminRequest(req, user);
  return NextResponse.json(await decideOpen311KeyRequest({ db, requestId, actorUserId: user.id, body }));
});
