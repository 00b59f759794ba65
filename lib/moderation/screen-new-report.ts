import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { getModerationSettings } from "./moderation-settings";
import { screenText } from "./screen-text";

/**
 * The automatic screen of a report as it is filed, inside the filing transaction: contacts in the
 * description are masked in its public text and flagged; a listed word holds the whole report from
 * the public (hidden, with a flag) until a moderator shows it. The original stays for staff.
 */
export async function screenNewReport(
  tx: Database,
  input: { reportId: number; municipalityId: number; description: string; now: Date },
): Promise<{ masked: boolean; held: boolean }> {
  const settings = await getModerationSettings({ db: tx, municipalityId: input.municipalityId });
  const screening = screenText({ text: input.description, heldWords: settings.heldWords });
  if (!screening.flag) return { masked: false, held: false };
  const [report] = await tx
    .select({ isPublic: t.reports.isPublic })
    .from(t.reports)
    .where(eq(t.reports.id, input.reportId));
  const base = { municipalityId: input.municipalityId, reportId: input.reportId, createdAt: input.now };
  if (screening.masked) {
    await tx
      .update(t.reports)
      .set({ publicDescription: screening.publicText, moderatedAt: input.now })
      .where(eq(t.reports.id, input.reportId));
    await tx.insert(t.moderationActions).values({
      ...base,
      kind: "mask_contacts",
      reason: "contact_details",
      before: { publicDescription: null },
      after: { publicDescription: screening.publicText },
    });
    await tx.insert(t.moderationFlags).values({ ...base, source: "automatic", reason: "contact_details" });
  }
  if (screening.hold) {
    await tx
      .update(t.reports)
      .set({ isPublic: false, hiddenAt: input.now, moderatedAt: input.now })
      .where(eq(t.reports.id, input.reportId));
    const note = screening.heldWords.join(", ");
    await tx.insert(t.moderationActions).values({
      ...base,
      kind: "hold",
      reason: "held_word",
      note,
      before: { isPublic: report?.isPublic ?? true, hidden: false },
      after: { isPublic: false, hidden: true },
    });
    await tx.insert(t.moderationFlags).values({ ...base, source: "automatic", reason: "held_word", note });
  }
  return { masked: screening.masked, held: screening.hold };
}
