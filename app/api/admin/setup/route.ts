import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { getOrStartSetupDraft } from "@/lib/onboarding/setup-draft";

export const dynamic = "force-dynamic";

/** The admin's setup draft (started on first call), for the wizard to resume. */
export const GET = withAdmin("admin.manage", async (_req, { user }) => {
  const draft = await getOrStartSetupDraft({ db: await getDb(), userId: user.id });
  return NextResponse.json({ id: draft.id, data: draft.data, updatedAt: draft.updatedAt.toISOString() });
});
