import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { resetPassword } from "@/lib/admin/save-user";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sets a temporary password (`{ temporaryPassword }`) the user must change at the next sign-in. */
export const POST = withAdmin<{ id: string }>("organisation.manage", async (req, { user, params }) => {
  const userId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  await resetPassword({ db, scope, actorUserId: user.id, userId, reset: body });
  return NextResponse.json({ ok: true });
});
