import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { CategoryQuestion } from "./questions";

export type LocalizedQuestion = {
  code: string;
  type: CategoryQuestion["type"];
  label: string;
  required: boolean;
  options?: Array<{ value: string; label: string; stop?: string }>;
};

export type CategoryChoice = {
  serviceCode: string;
  name: string;
  description: string;
  slaWorkingDays: number;
  duplicateRadiusMetres: number;
  questions: LocalizedQuestion[];
};

export type CategoryGroupChoice = { code: string; name: string; categories: CategoryChoice[] };

/** The categories a municipality offers, grouped, in the reader's language, with their extra questions. */
export async function listCategories(input: {
  db: Database;
  municipalityId: number;
  locale: Locale;
}): Promise<CategoryGroupChoice[]> {
  const rows = await queryRows<{
    group_code: string;
    group_name: LocalizedText;
    service_code: string;
    name: LocalizedText;
    description: LocalizedText;
    sla_working_days: number;
    duplicate_radius_metres: number;
    questions: CategoryQuestion[];
  }>(
    input.db,
    sql`select g.code as group_code, g.name as group_name, c.service_code, c.name, c.description, c.sla_working_days,
               c.duplicate_radius_metres, c.questions
        from service_categories c join category_groups g on g.id = c.group_id
        where c.municipality_id = ${input.municipalityId} and c.active
        order by g.sort_order, c.sort_order`,
  );
  const groups: CategoryGroupChoice[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.code === row.group_code);
    if (!group)
      groups.push(
        (group = { code: row.group_code, name: localized(row.group_name, input.locale), categories: [] }),
      );
    group.categories.push({
      serviceCode: row.service_code,
      name: localized(row.name, input.locale),
      description: localized(row.description, input.locale),
      slaWorkingDays: row.sla_working_days,
      duplicateRadiusMetres: row.duplicate_radius_metres,
      questions: row.questions.map((q) => ({
        code: q.code,
        type: q.type,
        label: localized(q.label, input.locale),
        required: q.required,
        options: q.options?.map((o) => ({
          value: o.value,
          label: localized(o.label, input.locale),
          ...(o.stop ? { stop: localized(o.stop, input.locale) } : {}),
        })),
      })),
    });
  }
  return groups;
}
