/**
 * Synthetic reports for the benchmarks, written by set-based SQL (one INSERT … SELECT per batch, so
 * a million reports take minutes): dense clusters around real Serbian towns, weighted by
 * population, plus a rural spread over the country; a realistic mix of categories (the demo's
 * weights), statuses and ages. Every report belongs to the first municipality and uses its
 * categories, as the demo database has one municipality. The same seed gives the same reports.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { queryOne } from "../db/query";
import { categorySeeds } from "../db/seed/cuprija";

/** Towns: [name, longitude, latitude, inhabitants in thousands]. */
export const towns: readonly [string, number, number, number][] = [
  ["Beograd", 20.457, 44.817, 1200],
  ["Novi Sad", 19.833, 45.267, 300],
  ["Niš", 21.896, 43.321, 260],
  ["Kragujevac", 20.911, 44.012, 150],
  ["Subotica", 19.667, 46.1, 105],
  ["Pančevo", 20.64, 44.871, 75],
  ["Zrenjanin", 20.389, 45.381, 70],
  ["Čačak", 20.349, 43.891, 70],
  ["Novi Pazar", 20.512, 43.137, 70],
  ["Kraljevo", 20.687, 43.725, 60],
  ["Smederevo", 20.93, 44.665, 60],
  ["Leskovac", 21.946, 42.998, 60],
  ["Šabac", 19.69, 44.756, 55],
  ["Valjevo", 19.89, 44.271, 55],
  ["Kruševac", 21.333, 43.58, 55],
  ["Vranje", 21.9, 42.551, 55],
  ["Užice", 19.848, 43.859, 50],
  ["Sombor", 19.112, 45.774, 45],
  ["Požarevac", 21.187, 44.62, 45],
  ["Sremska Mitrovica", 19.612, 44.977, 38],
  ["Jagodina", 21.261, 43.977, 35],
  ["Pirot", 22.586, 43.153, 35],
  ["Zaječar", 22.274, 43.904, 35],
  ["Kikinda", 20.465, 45.829, 35],
  ["Vršac", 21.298, 45.121, 35],
  ["Bor", 22.096, 44.075, 30],
  ["Paraćin", 21.408, 43.861, 25],
  ["Ćuprija", 21.37, 43.928, 20],
];

/** Share of reports outside towns, spread evenly over the country's extent. */
const RURAL_SHARE = 0.15;

// received … duplicate, as a long-running service looks: most reports settled, a tenth still new.
const statusMix: [string, number][] = [
  ["received", 10],
  ["triaged", 3],
  ["assigned", 12],
  ["in_progress", 9],
  ["action_scheduled", 3],
  ["resolved", 25],
  ["closed", 31],
  ["rejected", 4],
  ["duplicate", 3],
];

/** Cumulative weights as a SQL array, for picking by one random number. */
function cumulative(weights: number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let run = 0;
  return `array[${weights.map((w) => ((run += w) / total).toFixed(6)).join(",")}]::float8[]`;
}

/**
 * Adds reports until the database holds `target` synthetic reports, in batches of `batch`;
 * returns the rows written per second (the cluster triggers included).
 */
export async function fillSyntheticReports(input: {
  db: Database;
  withSession: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
  target: number;
  batch?: number;
  onProgress?: (done: number) => void;
}): Promise<{ added: number; rowsPerSecond: number }> {
  const existing = await queryOne<{ n: number }>(
    input.db,
    sql`select count(*)::int as n from reports where tracking_code like 'SYN-%'`,
  );
  const from = Number(existing?.n ?? 0);
  if (from >= input.target) return { added: 0, rowsPerSecond: 0 };
  const batch = input.batch ?? 100_000;
  const totalPopulation = towns.reduce((n, t) => n + t[3], 0);
  const townRows = towns
    .map(([, lng, lat, pop], i) => {
      // Larger towns spread wider: about 2 km for 20,000 people, 8 km for a million.
      const spread = 0.012 + 0.05 * Math.sqrt(pop / 1200);
      return `(${i}, ${lng}, ${lat}, ${spread.toFixed(4)})`;
    })
    .join(",");
  const townPick = cumulative(towns.map((t) => t[3]));
  const categories = categorySeeds.map((c) => c.code);
  const categoryPick = cumulative(categorySeeds.map((c) => c.weight));
  const statusPick = cumulative(statusMix.map((s) => s[1]));
  const statusNames = `array[${statusMix.map((s) => `'${s[0]}'`).join(",")}]::report_status[]`;
  const started = Date.now();
  let done = from;
  await input.withSession(async (db) => {
    for (let start = from; start < input.target; start += batch) {
      const end = Math.min(input.target, start + batch);
      // Repeatable: the same batch gets the same reports on either engine.
      await db.execute(sql.raw(`select setseed(${((start / batch) % 997) / 997})`));
      await db.execute(
        sql.raw(`
        with towns(g, lng, lat, spread) as (values ${townRows}),
        cats as (
          select c.id, k.ord from service_categories c
          join unnest(array[${categories.map((c) => `'${c}'`).join(",")}]) with ordinality k(code, ord) on k.code = c.service_code
          where c.municipality_id = (select min(id) from municipalities)),
        picks as (
          select i, random() as rural, random() as t, random() as c, random() as s, random() as age,
                 random() as u1, random() as u2
          from generate_series(${start + 1}, ${end}) i),
        placed as (
          select p.*,
                 (select min(k) from generate_subscripts(${townPick}, 1) k where (${townPick})[k] >= p.t) - 1 as g,
                 (select min(k) from generate_subscripts(${categoryPick}, 1) k where (${categoryPick})[k] >= p.c) as cat,
                 (select min(k) from generate_subscripts(${statusPick}, 1) k where (${statusPick})[k] >= p.s) as st
          from picks p)
        insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel, created_at, updated_at, is_public)
        select 'SYN-' || p.i, (select min(id) from municipalities), c.id,
               case when p.rural < ${RURAL_SHARE}
                 then ST_SetSRID(ST_MakePoint(19.1 + p.u1 * 3.4, 42.5 + p.u2 * 3.5), 4326)
                 else ST_SetSRID(ST_MakePoint(
                   tw.lng + tw.spread * 1.4 * sqrt(-2 * ln(1 - p.u1)) * cos(2 * pi() * p.u2),
                   tw.lat + tw.spread * sqrt(-2 * ln(1 - p.u1)) * sin(2 * pi() * p.u2)), 4326) end,
               'synthetic', (${statusNames})[p.st], 'web',
               now() - (power(p.age, 1.6) * interval '1095 days'),
               now() - (power(p.age, 1.6) * interval '1095 days') / 2,
               true
        from placed p
        join towns tw on tw.g = p.g
        join cats c on c.ord = p.cat`),
      );
      done = end;
      input.onProgress?.(done);
    }
  });
  const added = done - from;
  return { added, rowsPerSecond: Math.round(added / ((Date.now() - started) / 1000)) };
}

/** Tile numbers of a position at zoom z. */
export function tileOf(lng: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** The west/north corner of a tile, in degrees. */
export function tileCorner(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const lng = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lng, lat];
}

/**
 * The tile at zoom z holding the most public reports (counted from the reports, in Web
 * Mercator), and the 4×4 block of tiles around it.
 */
export async function findDensestTile(
  db: Database,
  z: number,
): Promise<{
  z: number;
  x: number;
  y: number;
  reports: number;
  block: { z: number; x: number; y: number }[];
}> {
  const size = 40075016.68557849 / 2 ** z;
  const row = await queryOne<{ x: number; y: number; n: number }>(
    db,
    sql.raw(`select floor((ST_X(location_3857) + 20037508.342789244) / ${size})::int as x,
                    floor((20037508.342789244 - ST_Y(location_3857)) / ${size})::int as y, count(*)::int as n
             from reports where is_public group by 1, 2 order by 3 desc limit 1`),
  );
  if (!row) throw new Error("no reports to find the densest tile");
  const block = [];
  for (let dy = -1; dy <= 2; dy++)
    for (let dx = -1; dx <= 2; dx++) block.push({ z, x: row.x + dx, y: row.y + dy });
  return { z, x: row.x, y: row.y, reports: row.n, block };
}
