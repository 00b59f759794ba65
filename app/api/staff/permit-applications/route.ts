import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { registerPermit } from "@/lib/permits/register-permit";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** An application taken at the counter on the applicant's behalf; the staff member is recorded on its history. */
export const POST = withStaff("permits.counter", async (req, { user, locale }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const registered = await registerPermit({
    db: await getDb(),
    application: { locale, ...body } as never,
    channel: "counter",
    actorUserId: user.id,
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(
    {
      reference: registered.reference,
      // For the receipt handed to the applicant: tracking with it shows the office's reasons.
      trackingKey: registered.trackingKey,
      decisionDueAt: registered.decisionDueAt.toISOString(),
      created: registered.created,
    },
    { status: registered.created ? 201 : 200 },
  );
});
