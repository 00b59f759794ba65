import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { finishSetup } from "@/lib/onboarding/finish-setup";

export const dynamic = "force-dynamic";

/** Creates the municipality from the finished draft, all in one transaction. */
export const POST = withAdmin("admin.manage", async (_req, { user }) => {
  const env = getEnv();
  const finished = await finishSetup({
    db: await getDb(),
    userId: user.id,
    sendEmail: Boolean(env.SMTP_URL),
    baseUrl: env.PUBLIC_BASE_URL,
  });
  return NextResponse.json(finished, { status: 201 });
});
