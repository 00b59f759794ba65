import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { permissionScope } from "../auth/permissions";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";
import { newConsultationSchema } from "./consultation-schema";

/**
 * The permits office opens (or drafts) a consultation in its municipality: a title, the question,
 * the period, and optionally the permit whose works are discussed (its site is the place shown).
 */
export async function createConsultation(input: {
  db: Database;
  user: Pick<SessionUser, "id" | "memberships">;
  consultation: unknown;
  now?: Date;
}): Promise<{ id: number }> {
  const c = newConsultationSchema.parse(input.consultation);
  const now = input.now ?? new Date();
  const [municipalityId] = permissionScope(input.user, "permits.manage").municipalityIds;
  if (municipalityId === undefined) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
  let site: t.Consultation["site"] = null;
  if (c.permitId !== undefined) {
    const [permit] = await input.db
      .select({ site: t.permits.site })
      .from(t.permits)
      .where(and(eq(t.permits.id, c.permitId), eq(t.permits.municipalityId, municipalityId)));
    if (!permit) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
    site = permit.site;
  }
  const [row] = await input.db
    .insert(t.consultations)
    .values({
      municipalityId,
      permitId: c.permitId ?? null,
      title: c.title,
      question: c.question,
      description: c.description || null,
      site,
      status: c.open ? "open" : "draft",
      opensOn: c.opensOn ?? null,
      closesOn: c.closesOn ?? null,
      createdByUserId: input.user.id,
      createdAt: now,
      openedAt: c.open ? now : null,
      updatedAt: now,
    })
    .returning({ id: t.consultations.id });
  return { id: row!.id };
}
