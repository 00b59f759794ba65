import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { changeOwnPassword } from "@/lib/admin/change-own-password";
import { withStaff } from "@/lib/auth/session";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** The signed-in staff member changes their own password (`{ currentPassword, newPassword }`). */
export const POST = withStaff("account.password", async (req, { user }) => {
  const body = await readJson(req);
  await changeOwnPassword({ db: await getDb(), userId: user.id, change: body });
  return NextResponse.json({ ok: true });
});
