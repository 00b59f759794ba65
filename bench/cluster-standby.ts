/**
 * Standby reads: public tiles and the map's GeoJSON are served from the synchronous standby
 * (READ_DATABASE_URL), a tile read there matches the primary's once the lag bound has passed, and a
 * citizen who has just filed sees their report on the map at once (their cookie sends their reads
 * to the primary, and nginx's cache steps aside for them).
 */
import { randomUUID } from "node:crypto";
import { leader } from "./cluster-failover";
import { postReport, request, sleep, withPg, type Cluster } from "./cluster-client";

export type StandbyResult = {
  appConnectionsOnStandby: number;
  tileMatchesPrimary: boolean;
  ownReportVisibleAtOnce: boolean;
  ownReportMsAfterAck: number;
};

function tileOf(lng: number, lat: number, z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `/api/tiles/reports/${z}/${x}/${y}.mvt`;
}

export async function runStandbyReads(cluster: Cluster, lagBoundSeconds: number): Promise<StandbyResult> {
  const primary = await leader(cluster);
  const standby = cluster.patroni.find((p) => p.name !== primary?.name)!;
  const standbyUrl = cluster.databaseUrl.replace(/:\d+\/civic$/, `:${standby.port}/civic`);
  // The app's read pools (and their lag probes) hold connections on the standby.
  const readConnections = () =>
    withPg(standbyUrl, async (c) =>
      Number(
        (
          await c.query<{ n: string }>(
            `select count(*) as n from pg_stat_activity where datname = 'civic' and pid <> pg_backend_pid()`,
          )
        ).rows[0]!.n,
      ),
    );

  // A citizen files; the answer sets the read-your-writes cookie.
  const position: [number, number] = [21.3712, 43.9301];
  const filed = await postReport({
    base: cluster.nginx,
    description: `standby-${Date.now()}`,
    submissionKey: randomUUID(),
    position,
  });
  const ackedAt = Date.now();
  const cookie = (filed.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const code = (JSON.parse(filed.body) as { trackingCode: string }).trackingCode;
  const bbox = `${position[0] - 0.001},${position[1] - 0.001},${position[0] + 0.001},${position[1] + 0.001}`;
  const own = await request({ url: `${cluster.nginx}/api/reports?bbox=${bbox}`, headers: { cookie } });
  const ownReportVisibleAtOnce = own.status === 200 && own.body.includes(code);
  const ownReportMsAfterAck = Date.now() - ackedAt;

  // Anyone else, after the lag bound: the tile from the standby (app 1) equals the tile from the
  // primary (app 2, asked with the read-your-writes cookie). Distinct filters keep both caches out.
  await sleep(lagBoundSeconds * 1000);
  const tile = tileOf(position[0], position[1], 16);
  const filter = `?category=pothole&_=${Date.now()}`;
  const fromStandby = await request({ url: `${cluster.apps[0]}${tile}${filter}` });
  const fromPrimary = await request({ url: `${cluster.apps[1]}${tile}${filter}`, headers: { cookie } });
  return {
    appConnectionsOnStandby: await readConnections(),
    tileMatchesPrimary:
      fromStandby.status === 200 && fromPrimary.status === 200 && fromStandby.body === fromPrimary.body,
    ownReportVisibleAtOnce,
    ownReportMsAfterAck,
  };
}
