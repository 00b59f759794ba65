import { AppError } from "@/lib/errors";
import { respond } from "@/lib/open311/format";
import { open311Route } from "@/lib/open311/route";
import { getServiceDefinition } from "@/lib/open311/services";

export const dynamic = "force-dynamic";

/** GET a service definition: the category's extra questions as attributes. */
export const GET = open311Route<{ code: string }>(
  "code",
  async (_req, { format, name, locale, db, municipalityId }) => {
    const definition = await getServiceDefinition(db, municipalityId, name, locale);
    if (!definition) throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    return respond({ format, root: "service_definition", body: definition });
  },
);
