import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { consultationStatusSchema } from "./consultation-schema";

/**
 * Opens a draft consultation or closes an open one. A closed consultation stays closed: its
 * record (comments, answers, the summary) is what the council receives.
 */
export async function setConsultationStatus(input: {
  db: Database;
  consultationId: number;
  status: unknown;
  now?: Date;
}): Promise<{ status: "open" | "closed" }> {
  const { status } = consultationStatusSchema.parse({ status: input.status });
  const now = input.now ?? new Date();
  const [row] = await input.db
    .select({ status: t.consultations.status })
    .from(t.consultations)
    .where(eq(t.consultations.id, input.consultationId))
    .for("update");
  if (!row) throw new AppError({ code: "not_found", messageKey: "consultationNotFound" });
  const allowed = status === "open" ? row.status === "draft" : row.status === "open";
  if (!allowed) throw new AppError({ code: "conflict", messageKey: "consultationStatusConflict" });
  await input.db
    .update(t.consultations)
    .set(
      status === "open"
        ? { status, openedAt: now, updatedAt: now }
        : { status, closedAt: now, updatedAt: now },
    )
    .where(eq(t.consultations.id, input.consultationId));
  return { status };
}
