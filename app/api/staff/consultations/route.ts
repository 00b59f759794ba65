import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { createConsultation } from "@/lib/consultations/create-consultation";

export const dynamic = "force-dynamic";

/** The permits office opens or drafts a consultation (see consultation-schema): 201 `{ id }`. */
export const POST = withStaff("permits.manage", async (req, { user }) => {
  const body = await req.json().catch(() => null);
  const created = await createConsultation({ db: await getDb(), user, consultation: body });
  return NextResponse.json(created, { status: 201 });
});
