"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { adminMunicipalityCookie, adminMunicipalityCookieOptions } from "@/lib/admin/admin-scope";
import { chooseAdminMunicipality } from "@/lib/admin/choose-admin-municipality";
import { staffWithPermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** The menu's municipality switcher: remembers the chosen municipality and redraws the administration. */
export async function chooseAdminMunicipalityFromMenu(form: FormData): Promise<void> {
  const user = await staffWithPermission("organisation.manage");
  if (!user) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  const { municipalityId } = await chooseAdminMunicipality({
    db: await getDb(),
    user,
    choice: { municipalityId: form.get("municipalityId") },
  });
  (await cookies()).set(adminMunicipalityCookie, String(municipalityId), adminMunicipalityCookieOptions);
  revalidatePath("/admin", "layout");
}
