import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { respond } from "@/lib/open311/format";
import { listRequests } from "@/lib/open311/requests";
import { open311Route } from "@/lib/open311/route";

export const dynamic = "force-dynamic";

/** GET one service request by its id (our tracking code). Open311 answers a list of one. */
export const GET = open311Route<{ id: string }>(
  "id",
  async (_req, { format, name, locale, db, municipalityId }) => {
    const body = await listRequests({
      db,
      locale,
      baseUrl: getEnv().PUBLIC_BASE_URL.replace(/\/$/, ""),
      query: { municipalityId, ids: [name], page: 1, pageSize: 1 },
    });
    if (body.length === 0) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    return respond({ format, root: "service_requests", body });
  },
);
