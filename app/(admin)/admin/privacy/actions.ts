"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadAdminScope } from "@/lib/admin/admin-scope";
import { staffWithPermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { saveDataProtection } from "@/lib/privacy/save-data-protection";

const months = z.coerce.number().int().min(1).max(240);

const settingsSchema = z.object({
  municipalityId: z.coerce.number().int().positive(),
  contactRetentionMonths: months,
  photoRetentionMonths: months,
  heldWords: z.string().max(10_000),
  commentModeration: z.enum(["pre", "post"]),
  granted: z.array(z.coerce.number().int().positive()),
});

/** Saves a municipality's moderation and retention settings (administrators of that municipality only). */
export async function saveDataProtectionSettings(form: FormData): Promise<void> {
  const user = await staffWithPermission("admin.manage");
  if (!user) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  const input = settingsSchema.parse({
    municipalityId: form.get("municipalityId"),
    contactRetentionMonths: form.get("contactRetentionMonths"),
    photoRetentionMonths: form.get("photoRetentionMonths"),
    heldWords: form.get("heldWords") ?? "",
    commentModeration: form.get("commentModeration"),
    granted: form.getAll("granted"),
  });
  const db = await getDb();
  const scope = await loadAdminScope({ db, user });
  if (!scope.all || !scope.municipalityIds.includes(input.municipalityId))
    throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  await saveDataProtection({
    db,
    municipalityId: input.municipalityId,
    actorUserId: user.id,
    retention: {
      contactRetentionMonths: input.contactRetentionMonths,
      photoRetentionMonths: input.photoRetentionMonths,
    },
    moderation: { heldWords: input.heldWords.split(/[\n,]/), commentModeration: input.commentModeration },
    granted: input.granted,
  });
  revalidatePath("/admin/privacy");
}
