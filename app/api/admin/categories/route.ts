import { NextResponse } from "next/server";
import { adminRequest } from "@/lib/admin/admin-request";
import { saveCategory } from "@/lib/admin/save-category";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Creates a service category: 201 with its id. */
export const POST = withAdmin("admin.manage", async (req, { user }) => {
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(await saveCategory({ db, scope, actorUserId: user.id, category: body }), {
    status: 201,
  });
});
