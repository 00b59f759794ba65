import { NextResponse } from "next/server";
import { adminRequest, idParam } from "@/lib/admin/admin-request";
import { setServiceArea } from "@/lib/admin/set-service-area";
import { withAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Replaces the service area (`{ area: GeoJSON }`) or clears it (`{ area: null }`: the whole municipality). */
export const PUT = withAdmin<{ id: string }>("organisation.manage", async (req, { user, params }) => {
  const organisationId = await idParam(params);
  const { db, scope, body } = await adminRequest(req, user);
  const area = (body as { area?: unknown } | null)?.area;
  return NextResponse.json(
    await setServiceArea({
      db,
      scope,
      actorUserId: user.id,
      organisationId,
      geojson: area === undefined ? {} : area,
    }),
  );
});
