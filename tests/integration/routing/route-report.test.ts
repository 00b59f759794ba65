import type { Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { findMunicipalityAt, routeReport, type RoutingReason } from "../../../lib/routing/route-report";
import { box, buildMunicipality, buildOrganisation } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

/**
 * A town split between two water utilities along x = lng 0.05 of its box, two road contractors
 * whose areas overlap in the middle, one lighting company for the whole town, two inspectorates
 * both claiming the whole town, and nobody for waste.
 */
describe(`routing on the ${engine} engine`, () => {
  const w = 21.0;
  const s = 43.0;
  const at = (dx: number, dy: number): Position => [w + dx, s + dy];
  let municipalityId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const m = await buildMunicipality({ boundary: box(w, s, w + 0.1, s + 0.1) });
    municipalityId = m.id;
    const org = async (
      code: string,
      sector: string,
      area: ReturnType<typeof box> | null,
      kind = "utility_company" as const,
      active = true,
    ) => {
      ids[code] = (
        await buildOrganisation({ municipalityId, code, sector, serviceArea: area, kind, active })
      ).id;
    };
    await org("water-a-west", "water", box(w, s, w + 0.05, s + 0.1));
    await org("water-b-east", "water", box(w + 0.05, s, w + 0.1, s + 0.1));
    await org("water-z-retired", "water", box(w, s, w + 0.1, s + 0.1), "utility_company", false);
    await org("roads-1", "roads", box(w, s, w + 0.06, s + 0.1));
    await org("roads-2", "roads", box(w + 0.04, s, w + 0.1, s + 0.1));
    await org("lighting", "lighting", null);
    ids["inspect-1"] = (
      await buildOrganisation({
        municipalityId,
        code: "inspect-1",
        kind: "inspectorate",
        sector: "communal",
        serviceArea: null,
      })
    ).id;
    ids["inspect-2"] = (
      await buildOrganisation({
        municipalityId,
        code: "inspect-2",
        kind: "inspectorate",
        sector: "communal",
        serviceArea: null,
      })
    ).id;
  });

  const table: Array<[string, string, Position, string | null, RoutingReason]> = [
    ["inside the west water area", "water", at(0.02, 0.05), "water-a-west", "service_area"],
    ["inside the east water area", "water", at(0.08, 0.05), "water-b-east", "service_area"],
    ["on the edge the water areas share", "water", at(0.05, 0.05), "water-a-west", "shared_boundary"],
    ["on the vertex the water areas share", "water", at(0.05, 0.1), "water-a-west", "shared_boundary"],
    ["on the outer edge of one water area", "water", at(0.02, 0), "water-a-west", "service_area"],
    ["in one road area only", "roads", at(0.02, 0.05), "roads-1", "service_area"],
    ["where the two road areas overlap", "roads", at(0.05, 0.05), null, "overlapping_service_areas"],
    ["in a town-wide lighting company's town", "lighting", at(0.07, 0.02), "lighting", "municipality_wide"],
    ["where nobody collects waste", "waste", at(0.02, 0.05), null, "no_organisation"],
  ];

  it.each(table)("routes a point %s (%s)", async (_what, sector, position, expectedCode, reason) => {
    const result = await routeReport({
      db: await getDb(),
      municipalityId,
      responsibleKind: "utility_company",
      responsibleSector: sector,
      position,
    });
    expect(result.reason).toBe(reason);
    expect(result.organisationId).toBe(expectedCode ? ids[expectedCode] : null);
  });

  it("sends a report to triage when two inspectorates both claim the whole town", async () => {
    const result = await routeReport({
      db: await getDb(),
      municipalityId,
      responsibleKind: "inspectorate",
      responsibleSector: "communal",
      position: at(0.03, 0.03),
    });
    expect(result).toMatchObject({ organisationId: null, reason: "overlapping_service_areas" });
    expect(result.candidateIds.sort()).toEqual([ids["inspect-1"], ids["inspect-2"]].sort());
  });

  it("ignores organisations that are no longer active", async () => {
    const result = await routeReport({
      db: await getDb(),
      municipalityId,
      responsibleKind: "utility_company",
      responsibleSector: "water",
      position: at(0.02, 0.05),
    });
    expect(result.candidateIds).not.toContain(ids["water-z-retired"]);
  });

  it("finds the municipality by its boundary, edges included, and nothing outside", async () => {
    const db = await getDb();
    expect(await findMunicipalityAt({ db, position: at(0.05, 0.05) })).toBe(municipalityId);
    expect(await findMunicipalityAt({ db, position: at(0.1, 0.1) })).toBe(municipalityId);
    expect(await findMunicipalityAt({ db, position: at(0.2, 0.05) })).toBeNull();
  });
});
