import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/api/health/route";
import { closeDb, getDbHandle } from "../../../db/client";
import { getCapabilities } from "../../../db/capabilities";
import { journalMigrationCount } from "../../../db/migrate";
import { resetEnvCache } from "../../../lib/env";
import { engine } from "../../helpers/engine";

describe(`/api/health on the ${engine} engine`, () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

  afterAll(async () => {
    await closeDb();
    Object.assign(process.env, saved);
    resetEnvCache();
  });

  it("reports the engine, the PostgreSQL and PostGIS versions and the migrations applied", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      engine,
      migrations: { applied: journalMigrationCount(), expected: journalMigrationCount() },
    });
    expect(body.postgresVersion).toMatch(engine === "embedded" ? /^18\./ : /^1[5-9]\./);
    expect(body.postgisVersion).toMatch(/^3\.\d+/);
  });

  it("probes vector-tile support by trying it, not by the engine's name", async () => {
    const handle = await getDbHandle();
    const capabilities = await getCapabilities(handle);
    let works: boolean;
    try {
      await handle.db.execute(
        (await import("drizzle-orm"))
          .sql`select ST_AsMVT(q, 't') from (select ST_AsMVTGeom(ST_MakePoint(0.5,0.5), ST_MakeEnvelope(0,0,1,1)) as geom) q`,
      );
      works = true;
    } catch {
      works = false;
    }
    expect(capabilities.supportsMvt).toBe(works);
    if (engine === "embedded") expect(capabilities.supportsMvt).toBe(false);
  });

  it("answers 503 with a reason when the database cannot be reached", async () => {
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody:nothing@127.0.0.1:1/none";
    resetEnvCache();
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.reason).toMatch(/database unreachable/);
  });
});
