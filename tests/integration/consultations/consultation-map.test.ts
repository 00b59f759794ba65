import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import {
  GET as consultationsGet,
  OPTIONS as consultationsOptions,
} from "../../../app/api/municipalities/[code]/consultations/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

describe(`open consultations on the public map on the ${engine} engine`, () => {
  let world: World;
  const ids: Record<string, number> = {};

  /** A consultation with (or without) a square site, a commenter's e-mail on it. */
  async function consultation(name: string, status: string, closesOn: string | null, withSite = true) {
    const db = await getDb();
    const row = await queryOne<{ id: number }>(
      db,
      sql`insert into consultations (municipality_id, title, question, status, closes_on, site)
          values (${world.municipality.id}, ${`Rasprava ${name}`}, 'Šta mislite?', ${status}::consultation_status,
                  ${closesOn}::date,
                  ${withSite ? sql`ST_Multi(ST_MakeEnvelope(20.01, 44.51, 20.02, 44.52, 4326))` : sql`null`})
          returning id`,
    );
    await db.execute(
      sql`insert into consultation_comments (consultation_id, municipality_id, body, state, email)
          values (${row!.id}, ${world.municipality.id}, 'Komentar', 'published', 'tajno@mail.example')`,
    );
    ids[name] = row!.id;
  }

  const get = (code: string) =>
    consultationsGet(
      new NextRequest(`http://localhost/api/municipalities/${code}/consultations`, {
        headers: { host: "localhost", origin: "https://other-map.example" },
      }),
      { params: Promise.resolve({ code }) },
    );

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20, south: 44.5 });
    await consultation("open", "open", "2099-12-31");
    await consultation("openNoEnd", "open", null);
    await consultation("lapsed", "open", "2020-01-01");
    await consultation("closed", "closed", "2099-12-31");
    await consultation("draft", "draft", "2099-12-31");
    await consultation("noSite", "open", "2099-12-31", false);
  });

  it("serves exactly the open consultations with a site as GeoJSON, with title and link, to any site's map", async () => {
    const res = await get(world.municipality.code);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/geo+json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.json();
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.map((f: { properties: { id: number } }) => f.properties.id)).toEqual([
      ids.open,
      ids.openNoEnd,
    ]);
    expect(body.features[0]).toMatchObject({
      type: "Feature",
      geometry: { type: "MultiPolygon" },
      properties: { title: "Rasprava open", closesOn: "2099-12-31", url: `/consultations/${ids.open}` },
    });
    expect(body.features[0].geometry.coordinates[0][0]).toContainEqual([20.01, 44.51]);
    // Never a commenter's address or the comments themselves.
    expect(JSON.stringify(body)).not.toContain("tajno@mail.example");
  });

  it("answers an unknown municipality with 404 and a preflight with the CORS headers", async () => {
    const res = await get("no-such-town");
    expect(res.status).toBe(404);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await consultationsOptions();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });
});
