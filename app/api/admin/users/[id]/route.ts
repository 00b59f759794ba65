import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { updateUser } from "@/lib/admin/save-user";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Changes a user's name, language, roles and active flag. */
export const PUT = withAdmin<{ id: string }>("organisation.manage", async (req, { user, params }) => {
  const userId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  await updateUser({ db, scope, actorUserId: user.id, userId, user: body });
  return NextResponse.json({ ok: true });
});
