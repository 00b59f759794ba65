import { NextResponse } from "next/server";
import { adminRequest } from "@/lib/admin/admin-request";
import { addCalendarOverride } from "@/lib/admin/calendar-overrides";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Adds a local holiday or a decreed working day (`{ date, isWorking, reason }`): 201 with its id. */
export const POST = withAdmin("admin.manage", async (req, { user }) => {
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(await addCalendarOverride({ db, scope, actorUserId: user.id, override: body }), {
    status: 201,
  });
});
