import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { deleteCalendarOverride } from "@/lib/admin/calendar-overrides";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const DELETE = withAdmin<{ id: string }>("admin.manage", async (req, { user, params }) => {
  const overrideId = await idParam(params);
  const { db, scope } = await adminRequest(req, user);
  await deleteCalendarOverride({ db, scope, actorUserId: user.id, overrideId });
  return NextResponse.json({ ok: true });
});
