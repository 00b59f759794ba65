import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { clientIp, withApi } from "@/lib/http";
import { permitApplicationSchema } from "@/lib/permits/permit-schema";
import { registerPermit } from "@/lib/permits/register-permit";
import { trackingPath } from "@/lib/permits/tracking-key";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * One-stop shop: anyone applies for a permit online (JSON, see permitApplicationSchema). 201 with the
 * registry number, the tracking key (only the applicant gets it) and the decision deadline; a retry
 * with the same submission key answers 200 with the same application. The same limits as citizens'
 * reports.
 */
export const POST = withApi(async (req, { locale }) => {
  const application = permitApplicationSchema.parse({
    locale,
    ...((await readJson(req)) as object | null),
  });
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const contactKey = application.applicant.email ?? application.applicant.phone?.replace(/\D/g, "");
  if (contactKey) await consumeRateLimit({ db, rule: submissionLimits.perContact, key: contactKey });
  const registered = await registerPermit({ db, application, channel: "web" });
  return NextResponse.json(
    {
      reference: registered.reference,
      trackingKey: registered.trackingKey,
      decisionDueAt: registered.decisionDueAt.toISOString(),
      url: trackingPath(registered.reference, registered.trackingKey),
      created: registered.created,
    },
    { status: registered.created ? 201 : 200 },
  );
});
