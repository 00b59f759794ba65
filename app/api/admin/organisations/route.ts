import { NextResponse } from "next/server";
import { adminRequest } from "@/lib/admin/admin-request";
import { saveOrganisation } from "@/lib/admin/save-organisation";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Creates an organisation: 201 with its id. */
export const POST = withAdmin("admin.manage", async (req, { user }) => {
  const { db, scope, body } = await adminRequest(req, user);
  const saved = await saveOrganisation({ db, scope, actorUserId: user.id, organisation: body });
  return NextResponse.json(saved, { status: 201 });
});
