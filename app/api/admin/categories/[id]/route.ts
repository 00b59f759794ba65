import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { saveCategory } from "@/lib/admin/save-category";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Changes a category (names, routing, standard, questions, flags, order). */
export const PUT = withAdmin<{ id: string }>("admin.manage", async (req, { user, params }) => {
  const categoryId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  return NextResponse.json(
    await saveCategory({ db, scope, actorUserId: user.id, categoryId, category: body }),
  );
});
