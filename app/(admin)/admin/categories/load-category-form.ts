import "server-only";
import type { CategoryValues } from "@/components/admin/CategoryForm";
import type { ServiceCategory } from "@/db/schema";
import { localized, type Locale } from "@/lib/i18n/config";
import type { AdminCategoryGroup } from "@/lib/admin/list-admin-categories";

/** The groups for the form's picker, in the user's language. */
export function groupChoices(groups: AdminCategoryGroup[], locale: Locale) {
  return groups.map((g) => ({ id: g.id, name: localized(g.name, locale) }));
}

/** A stored category as the form's values (numbers as the text of their inputs). */
export function categoryFormValues(c: ServiceCategory): CategoryValues {
  const text = (l: { "sr-Latn": string; en: string }) => ({ "sr-Latn": l["sr-Latn"], en: l.en });
  return {
    serviceCode: c.serviceCode,
    groupId: c.groupId,
    name: text(c.name),
    description: text(c.description),
    responsibleKind: c.responsibleKind,
    responsibleSector: c.responsibleSector ?? "",
    slaWorkingDays: String(c.slaWorkingDays),
    pauseSlaWhenScheduled: c.pauseSlaWhenScheduled,
    duplicateRadiusMetres: String(c.duplicateRadiusMetres),
    questions: c.questions.map((q) => ({
      code: q.code,
      type: q.type,
      label: text(q.label),
      required: q.required,
      options: (q.options ?? []).map((o) => ({
        value: o.value,
        label: text(o.label),
        stop: o.stop ? text(o.stop) : { "sr-Latn": "", en: "" },
      })),
    })),
    locationPrecisionMetres: c.locationPrecisionMetres === null ? "" : String(c.locationPrecisionMetres),
    checksPermitCoverage: c.checksPermitCoverage,
    isPublic: c.isPublic,
    active: c.active,
    sortOrder: String(c.sortOrder),
  };
}
