import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import * as t from "../../db/schema";
import type { Actor, Role } from "../../lib/auth/roles";
import { box, buildCategory, buildMunicipality, buildOrganisation, uniqueCode } from "./builders";

/**
 * A small municipality with a contact centre, a water utility (with a lead), a roads utility
 * and a water-leak category, for workflow tests.
 */
export async function buildWorkflowWorld(
  input: { west?: number; south?: number; pauseSlaWhenScheduled?: boolean } = {},
) {
  const db = await getDb();
  const w = input.west ?? 22;
  const s = input.south ?? 42.5;
  const municipality = await buildMunicipality({ boundary: box(w, s, w + 0.1, s + 0.1) });
  const contactCentre = await buildOrganisation({
    municipalityId: municipality.id,
    kind: "contact_centre",
    sector: null,
    code: "contact-centre",
  });
  const water = await buildOrganisation({ municipalityId: municipality.id, sector: "water", code: "water" });
  const roads = await buildOrganisation({ municipalityId: municipality.id, sector: "roads", code: "roads" });
  await db
    .update(t.organisations)
    .set({ email: `water-${municipality.code}@utility.example` })
    .where(eqId(water.id));
  const category = await buildCategory({
    municipalityId: municipality.id,
    sector: "water",
    slaWorkingDays: 2,
  });
  if (input.pauseSlaWhenScheduled) {
    await db.update(t.serviceCategories).set({ pauseSlaWhenScheduled: true }).where(eqCategory(category.id));
  }
  const [lead] = await db
    .insert(t.users)
    .values({ email: `${uniqueCode("lead")}@utility.example`, name: "Vesna Rukovodilac", locale: "en" })
    .returning();
  await db.insert(t.memberships).values({
    userId: lead!.id,
    municipalityId: municipality.id,
    organisationId: water.id,
    role: "org_admin",
    isLead: true,
  });
  const staffActor = (userId: number, role: Role, organisationId: number): Actor => ({
    kind: "staff",
    userId,
    memberships: [{ role, organisationId, municipalityId: municipality.id }],
  });
  const actors = {
    agent: staffActor(lead!.id, "agent", contactCentre.id),
    waterOperator: staffActor(lead!.id, "utility_operator", water.id),
    roadsOperator: staffActor(lead!.id, "utility_operator", roads.id),
    system: { kind: "system" } as Actor,
  };
  return {
    municipality,
    contactCentre,
    water,
    roads,
    category,
    lead: lead!,
    actors,
    inside: [w + 0.05, s + 0.05] as [number, number],
  };
}

const eqId = (id: number) => eq(t.organisations.id, id);
const eqCategory = (id: number) => eq(t.serviceCategories.id, id);
