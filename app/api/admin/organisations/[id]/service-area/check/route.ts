import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { getOrganisationInScope } from "@/lib/admin/admin-scope";
import { checkServiceArea } from "@/lib/admin/check-service-area";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Checks a drawn or imported area (`{ area: GeoJSON or its text }`) without saving it: the preview
 * gets the area as a MultiPolygon with its vertices and size, or the reason it would be refused.
 */
export const POST = withAdmin<{ id: string }>("organisation.manage", async (req, { user, params }) => {
  const organisationId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  const org = await getOrganisationInScope({ db, scope, organisationId });
  const checked = await checkServiceArea({
    db,
    municipalityId: org.municipalityId,
    geojson: (body as { area?: unknown } | null)?.area ?? {},
  });
  return NextResponse.json(checked);
});
