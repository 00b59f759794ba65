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

/** What the automatic screen does to a report not yet written: its fields, and the log of it. */
export type NewReportScreening = {
  report: {
    publicDescription: string | null;
    isPublic: boolean;
    hiddenAt: Date | null;
    moderatedAt: Date | null;
  };
  actions: {
    kind: "mask_contacts" | "hold";
    reason: "contact_details" | "held_word";
    note: string | null;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }[];
  flags: { reason: "contact_details" | "held_word"; note: string | null }[];
};

/**
 * The same screen as screenNewReport, for a filing that writes the report and the screen's
 * actions and flags in one statement: the report is born masked or held instead of being changed
 * right after.
 */
export function planNewReportScreening(input: {
  description: string;
  heldWords: string[];
  isPublic: boolean;
  now: Date;
}): NewReportScreening {
  const screening = screenText({ text: input.description, heldWords: input.heldWords });
  const plan: NewReportScreening = {
    report: { publicDescription: null, isPublic: input.isPublic, hiddenAt: null, moderatedAt: null },
    actions: [],
    flags: [],
  };
  if (!screening.flag) return plan;
  if (screening.masked) {
    plan.report.publicDescription = screening.publicText;
    plan.report.moderatedAt = input.now;
    plan.actions.push({
      kind: "mask_contacts",
      reason: "contact_details",
      note: null,
      before: { publicDescription: null },
      after: { publicDescription: screening.publicText },
    });
    plan.flags.push({ reason: "contact_details", note: null });
  }
  if (screening.hold) {
    plan.report.isPublic = false;
    plan.report.hiddenAt = input.now;
    plan.report.moderatedAt = input.now;
    const note = screening.heldWords.join(", ");
    plan.actions.push({
      kind: "hold",
      reason: "held_word",
      note,
      before: { isPublic: input.isPublic, hidden: false },
      after: { isPublic: false, hidden: true },
    });
    plan.flags.push({ reason: "held_word", note });
  }
  return plan;
}
