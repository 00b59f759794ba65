import "server-only";
import type { Pool } from "pg";
import { getEnv } from "../lib/env";
import {
  getDb,
  getDbHandle,
  publicRoleOptions,
  serverScopedTransaction,
  type Database,
  type DbHandle,
} from "./client";
import * as schema from "./schema";

/**
 * Read-only public traffic (tiles, the public map's GeoJSON, OGC, Open311 GET, open data,
 * analytics) may go to a streaming standby: `READ_DATABASE_URL` (in the shipped shape, HAProxy's
 * port that picks a standby within Patroni's lag bound, else the primary). The app bounds the lag
 * in seconds as well: a probe every second asks the standby how far its replay is behind, and while
 * it is more than READ_MAX_LAG_SECONDS behind (or unreachable) reads go to the primary. A citizen
 * who has just filed carries a short-lived cookie (READ_YOUR_WRITES_COOKIE) and reads the primary,
 * so their report is on their map at once. Writes never come here.
 */
export const READ_YOUR_WRITES_COOKIE = "civic_rw";
export const READ_YOUR_WRITES_SECONDS = 60;

type ReadState = { handle: DbHandle; lagSeconds: number | null; timer: NodeJS.Timeout };
type Holder = { promise?: Promise<ReadState | null> };
const holder = ((globalThis as { __civicReadDb?: Holder }).__civicReadDb ??= {});

/** Where a read-only request should go. `fresh`: the caller needs its own latest writes. */
export async function getReadHandle(options: { fresh?: boolean } = {}): Promise<DbHandle> {
  if (options.fresh) return getDbHandle();
  const state = await readState();
  if (!state || state.lagSeconds === null || state.lagSeconds > getEnv().READ_MAX_LAG_SECONDS) {
    return getDbHandle();
  }
  return state.handle;
}

/**
 * The database a public read should use: the standby (its connections run as civic_public) when it
 * is fresh enough, otherwise the request's own public scope on the primary (`getDb()` inside
 * `asPublic`, lib/auth/db-scope.ts).
 */
export async function getPublicReadDb(options: { fresh?: boolean } = {}): Promise<Database> {
  const handle = await getReadHandle(options);
  return handle.engine === "server" && handle.location.endsWith("(read)") ? handle.db : getDb();
}

/** True when the request carries the cookie set on a filing (see READ_YOUR_WRITES_COOKIE). */
export function wantsOwnWrites(req: { cookies: { get: (name: string) => unknown } }): boolean {
  return Boolean(req.cookies.get(READ_YOUR_WRITES_COOKIE));
}

/** The standby's lag as last measured (null: unknown or unreachable); for /api/health and tests. */
export async function readReplicaLag(): Promise<number | null | undefined> {
  const state = await readState();
  return state ? state.lagSeconds : undefined;
}

function readState(): Promise<ReadState | null> {
  holder.promise ??= openReadReplica().catch((err) => {
    holder.promise = undefined;
    console.error("[db] the read replica could not be opened; reading from the primary:", err);
    return null;
  });
  return holder.promise;
}

async function openReadReplica(): Promise<ReadState | null> {
  const url = getEnv().READ_DATABASE_URL;
  if (!url) return null;
  const primary = await getDbHandle();
  const { Pool: PgPool } = await import("pg");
  const drizzleNodePg = await import("drizzle-orm/node-postgres");
  const { drizzle } = drizzleNodePg;
  // Only public traffic reads the standby: its connections start as the public role (migration 0019).
  const pool: Pool = new PgPool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 3_000,
    options: publicRoleOptions,
  });
  pool.on("error", (err) => console.error("[db] read replica idle client error", err.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  const parsed = new URL(url);
  const handle: DbHandle = {
    db,
    engine: "server",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname} (read)`,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(drizzle({ client, schema }) as unknown as Database);
      } finally {
        client.release();
      }
    },
    // A standby cannot LISTEN; notifications come from the primary.
    listen: (channel, onMessage, options) => primary.listen(channel, onMessage, options),
    rawQuery: async <T>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as T[],
    publicRawQuery: async <T>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as T[],
    publicDb: db,
    scopedTransaction: serverScopedTransaction(pool, db, drizzleNodePg),
    close: () => pool.end(),
  };
  const state: ReadState = { handle, lagSeconds: null, timer: setInterval(() => void probe(), 1_000) };
  state.timer.unref();
  async function probe(): Promise<void> {
    try {
      const { rows } = await pool.query<{ lag: number }>(lagSql);
      state.lagSeconds = Number(rows[0]?.lag ?? 0);
    } catch {
      state.lagSeconds = null;
    }
  }
  await probe();
  return state;
}

// Zero on a primary (HAProxy fell back to it) and on a standby that has replayed all it received;
// otherwise the age of the last transaction replayed.
const lagSql = `select case
  when not pg_is_in_recovery() then 0
  when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
  else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)
end::float8 as lag`;
