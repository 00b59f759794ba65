import { getDb } from "@/db/client";
import { exportAccountData } from "@/lib/account/export-account-data";
import { citizenFromRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in citizen's data as a JSON file to keep. */
export const GET = withApi(async (req) => {
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  const data = await exportAccountData({ db: await getDb(), userId: citizen.userId });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});
