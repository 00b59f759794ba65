import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { listPopularCategories } from "../../../lib/reports/list-popular-categories";
import { getTownCentre } from "../../../lib/places/get-town-centre";
import { box, buildCategory, buildMunicipality, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

describe(`the report flow's starting points on the ${engine} engine`, () => {
  let municipality: Awaited<ReturnType<typeof buildMunicipality>>;
  const inside: [number, number] = [23.05, 41.05];

  beforeAll(async () => {
    municipality = await buildMunicipality({ boundary: box(23, 41, 23.1, 41.1) });
  });

  it("lists the categories filed most often in the municipality's public reports, most used first", async () => {
    const db = await getDb();
    const often = await buildCategory({ municipalityId: municipality.id });
    const sometimes = await buildCategory({ municipalityId: municipality.id });
    const hidden = await buildCategory({ municipalityId: municipality.id });
    const file = (categoryId: number, isPublic = true) =>
      buildReport({ municipalityId: municipality.id, categoryId, position: inside, isPublic });
    for (let i = 0; i < 3; i++) await file(often.id);
    await file(sometimes.id);
    // Reports the public cannot see are not counted.
    for (let i = 0; i < 5; i++) await file(hidden.id, false);
    const popular = await listPopularCategories({ db, municipalityId: municipality.id });
    expect(popular).toEqual([often.serviceCode, sometimes.serviceCode]);
  });

  it("opens the map inside the municipality when its gazetteer has no town of its name", async () => {
    const centre = await getTownCentre({ db: await getDb(), municipalityId: municipality.id });
    expect(centre).not.toBeNull();
    const [lng, lat] = centre!;
    expect(lng).toBeGreaterThan(23);
    expect(lng).toBeLessThan(23.1);
    expect(lat).toBeGreaterThan(41);
    expect(lat).toBeLessThan(41.1);
  });
});
