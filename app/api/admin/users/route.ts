import { NextResponse } from "next/server";
import { adminRequest } from "@/lib/admin/admin-request";
import { createUser } from "@/lib/admin/save-user";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Creates a staff account with its roles and an initial password the user must change: 201 with its id. */
export const POST = withAdmin("organisation.manage", async (req, { user }) => {
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(await createUser({ db, scope, actorUserId: user.id, user: body }), {
    status: 201,
  });
});
