import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { CategoryQuestion, QuestionType } from "../reports/questions";
import type { Open311Value } from "./format";

/** The municipality an Open311 call is about: `jurisdiction_id` (its code), else the first one served. */
export async function resolveJurisdiction(
  db: Database,
  jurisdictionId: string | null,
): Promise<{ id: number; code: string } | null> {
  const row = jurisdictionId
    ? await queryOne<{ id: number; code: string }>(
        db,
        sql`select id, code from municipalities where code = ${jurisdictionId} and not is_training`,
      )
    : await queryOne<{ id: number; code: string }>(
        db,
        sql`select id, code from municipalities where not is_training order by id limit 1`,
      );
  return row ?? null;
}

export async function listServices(
  db: Database,
  municipalityId: number,
  locale: Locale,
): Promise<Open311Value[]> {
  const rows = await queryRows<{
    service_code: string;
    name: LocalizedText;
    description: LocalizedText;
    group_name: LocalizedText;
    group_code: string;
    questions: CategoryQuestion[];
  }>(
    db,
    sql`select c.service_code, c.name, c.description, g.name as group_name, g.code as group_code, c.questions
        from service_categories c join category_groups g on g.id = c.group_id
        where c.municipality_id = ${municipalityId} and c.active
        order by g.sort_order, c.sort_order`,
  );
  return rows.map((r) => ({
    service_code: r.service_code,
    service_name: localized(r.name, locale),
    description: localized(r.description, locale),
    metadata: r.questions.length > 0,
    type: "realtime",
    keywords: r.group_code,
    group: localized(r.group_name, locale),
  }));
}

const datatypes: Record<QuestionType, string> = {
  string: "string",
  number: "number",
  datetime: "datetime",
  text: "text",
  single_choice: "singlevaluelist",
  multiple_choice: "multivaluelist",
};

/** A service definition: the category's extra questions as Open311 attributes. */
export async function getServiceDefinition(
  db: Database,
  municipalityId: number,
  serviceCode: string,
  locale: Locale,
): Promise<Open311Value | null> {
  const row = await queryOne<{ questions: CategoryQuestion[] }>(
    db,
    sql`select questions from service_categories where municipality_id = ${municipalityId} and service_code = ${serviceCode} and active`,
  );
  if (!row) return null;
  return {
    service_code: serviceCode,
    attributes: row.questions.map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: datatypes[q.type],
      required: q.required,
      datatype_description: "",
      order: i + 1,
      description: localized(q.label, locale),
      ...(q.options
        ? { values: q.options.map((o) => ({ key: o.value, name: localized(o.label, locale) })) }
        : {}),
    })),
  };
}
