"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { loadAdminScope } from "@/lib/admin/admin-scope";
import { staffWithPermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createResponseTemplate, deactivateResponseTemplate } from "@/lib/templates/save-response-template";

async function adminOf(municipalityId: number) {
  const user = await staffWithPermission("admin.manage");
  if (!user) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  const db = await getDb();
  const scope = await loadAdminScope({ db, user });
  if (!scope.all || !scope.municipalityIds.includes(municipalityId))
    throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  return db;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const idOrNull = (v: FormDataEntryValue | null) => (v && String(v) !== "" ? Number(v) : null);

/** Adds a response template from the administration form. */
export async function addResponseTemplate(form: FormData): Promise<void> {
  const municipalityId = Number(form.get("municipalityId"));
  const db = await adminOf(municipalityId);
  await createResponseTemplate({
    db,
    municipalityId,
    template: {
      categoryId: idOrNull(form.get("categoryId")),
      setsStatus: (text(form, "setsStatus") || null) as never,
      title: { "sr-Latn": text(form, "titleSr"), en: text(form, "titleEn") },
      body: { "sr-Latn": text(form, "bodySr"), en: text(form, "bodyEn") },
    },
  });
  revalidatePath("/admin/templates");
}

/** Withdraws a template. */
export async function withdrawResponseTemplate(form: FormData): Promise<void> {
  const municipalityId = Number(form.get("municipalityId"));
  const db = await adminOf(municipalityId);
  await deactivateResponseTemplate({ db, municipalityId, id: Number(form.get("id")) });
  revalidatePath("/admin/templates");
}
