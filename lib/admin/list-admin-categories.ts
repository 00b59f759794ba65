import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { categoryGroups, serviceCategories, type ServiceCategory } from "../../db/schema";
import type { LocalizedText } from "../i18n/config";
import { scopeMunicipalityId, type AdminScope } from "./admin-scope";

export type AdminCategoryGroup = {
  id: number;
  code: string;
  name: LocalizedText;
  categories: ServiceCategory[];
};

/** Every category of the municipality (active or not) under its group, in the citizens' order. */
export async function listAdminCategories(input: {
  db: Database;
  scope: AdminScope;
}): Promise<AdminCategoryGroup[]> {
  const municipalityId = scopeMunicipalityId(input.scope);
  const groups = await input.db
    .select({ id: categoryGroups.id, code: categoryGroups.code, name: categoryGroups.name })
    .from(categoryGroups)
    .where(eq(categoryGroups.municipalityId, municipalityId))
    .orderBy(asc(categoryGroups.sortOrder), asc(categoryGroups.code));
  const categories = await input.db
    .select()
    .from(serviceCategories)
    .where(eq(serviceCategories.municipalityId, municipalityId))
    .orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.serviceCode));
  return groups.map((g) => ({ ...g, categories: categories.filter((c) => c.groupId === g.id) }));
}
