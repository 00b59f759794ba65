import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { adminMunicipalityCookie, adminMunicipalityCookieOptions } from "@/lib/admin/admin-scope";
import { chooseAdminMunicipality } from "@/lib/admin/choose-admin-municipality";
import { withAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** Chooses which of the administrator's municipalities the administration works in (remembered in a cookie). */
export const POST = withAdmin("organisation.manage", async (req: NextRequest, { user }) => {
  const body = await readJson(req);
  if (body === null) throw new AppError({ code: "bad_request", messageKey: "invalidJson" });
  const chosen = await chooseAdminMunicipality({ db: await getDb(), user, choice: body });
  const res = NextResponse.json(chosen);
  res.cookies.set(adminMunicipalityCookie, String(chosen.municipalityId), adminMunicipalityCookieOptions);
  return res;
});
