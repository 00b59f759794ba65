import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool, PoolClient } from "pg";
import { getEnv } from "../lib/env";
import * as schema from "./schema";
import { lockDataDir, type DataDirLock } from "./lock";
import { requestScope } from "./request-scope";

/**
 * The only place that connects to a database. `DATABASE_URL` unset: the embedded engine
 * (PGlite + PostGIS) in `DATA_DIR`; set: a PostgreSQL server through a `pg` pool. Either way the
 * rest of the code sees one drizzle database, opened once per process and migrated on open.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "embedded" | "server";

export type DbHandle = {
  db: Database;
  engine: Engine;
  /** Where it lives, without credentials: a directory or host/database. */
  location: string;
  /** A database bound to one connection, for work that needs session state (advisory locks, SET). */
  withSession: <T>(fn: (session: Database) => Promise<T>) => Promise<T>;
  /**
   * LISTEN on a channel; `onMessage` gets each NOTIFY payload. On a server this holds one connection
   * of its own, so every app process behind a load balancer hears every change. A lost connection
   * is reopened and subscribed again; `onReconnect` is then told (notifications sent meanwhile are
   * lost, so its owner catches up from the tables).
   */
  listen: (
    channel: string,
    onMessage: (payload: string) => void,
    options?: { onReconnect?: () => void },
  ) => Promise<() => Promise<void>>;
  /**
   * A parameterised query straight to the driver, rows as the driver returns them (bytea as a
   * Buffer or Uint8Array). On a server `name` makes it a prepared statement, planned once per
   * connection. For hot paths that need no ORM mapping (vector tiles).
   */
  rawQuery: <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;
  /**
   * The same under the public role (civic_public, migration 0019): only the public views and
   * reference tables exist for it. On a server, connections of a pool of their own that switched to
   * that role once; embedded, a transaction with SET LOCAL ROLE.
   */
  publicRawQuery: <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;
  /** On a server: a database whose every connection runs as civic_public (no transaction needed). */
  publicDb: Database | null;
  /**
   * Runs `fn` in a transaction that first runs `prelude`: one statement of literals (no parameters),
   * in practice `select set_config('role', …, true), set_config('civic.…', …, true)…` (the access
   * scope, lib/auth/db-scope.ts). On a server `begin` and the prelude travel as one message, so the
   * scope costs one round trip, and a transaction that wrote nothing answers without waiting for
   * its commit; nested transactions inside are savepoints as usual.
   */
  scopedTransaction: <T>(prelude: string, fn: (tx: Database) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

type Holder = { promise?: Promise<DbHandle> };
const holder = ((globalThis as { __civicDb?: Holder }).__civicDb ??= {});

/** The process-wide database handle: opened on first use, kept across dev reloads. */
export function getDbHandle(): Promise<DbHandle> {
  if (!holder.promise) {
    holder.promise = openAndMigrate().catch((err) => {
      holder.promise = undefined;
      throw err;
    });
  }
  return holder.promise;
}

/**
 * The database for the work at hand: inside a request's access scope, that scope's transaction
 * (the staff member's or the public's role, lib/auth/db-scope.ts); elsewhere the application's own
 * connection, for the system's work (filing, the outbox, sign-in, migrations).
 */
export async function getDb(): Promise<Database> {
  return requestScope.getStore()?.db ?? (await getDbHandle()).db;
}

/** The application's own connection even inside a request's scope: the system acting, not the caller. */
export async function getSystemDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide handle (scripts and tests); the next `getDb` opens it again. */
export async function closeDb(): Promise<void> {
  const pending = holder.promise;
  holder.promise = undefined;
  if (pending) await (await pending).close();
}

function openAndMigrate(): Promise<DbHandle> {
  const env = getEnv();
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
}

/**
 * Opens and migrates a database outside the process-wide handle: scripts and tests that need a
 * second database (a template, a migration from zero). The caller closes it.
 */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<DbHandle> {
  const handle = config.databaseUrl
    ? await openServer(config.databaseUrl)
    : await openEmbedded(config.dataDir);
  try {
    const { migrateDatabase } = await import("./migrate");
    await migrateDatabase(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

async function openServer(url: string): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const drizzleNodePg = await import("drizzle-orm/node-postgres");
  const { drizzle } = drizzleNodePg;
  // Pipelining: a connection sends a statement without waiting for the answer to the one before;
  // the access scope's prelude travels with the first statement of the work (serverScopedTransaction).
  // Everything else awaits each statement, so it behaves as without.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, pipeline: true });
  pool.on("error", (err) => console.error("[db] idle client error", err.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  // Anonymous reads: a pool whose connections start as the public role (publicRoleOptions).
  const publicPool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    options: publicRoleOptions,
  });
  publicPool.on("error", (err) => console.error("[db] idle public client error", err.message));
  const parsed = new URL(url);
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    engine: "server",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(drizzle({ client, schema }) as unknown as Database);
      } finally {
        client.release();
      }
    },
    listen: async (channel, onMessage, options) => {
      // Reconnects and subscribes again after a failover (db/listener.ts).
      const { listenReconnecting } = await import("./listener");
      const listener = await listenReconnecting({
        connect: { connectionString: url },
        channel: quoteChannel(channel),
        onMessage,
        onReconnect: options?.onReconnect,
      });
      listeners.add(listener.close);
      return async () => {
        listeners.delete(listener.close);
        await listener.close();
      };
    },
    rawQuery: async <T>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as T[],
    publicRawQuery: async <T>(name: string, text: string, values: unknown[]) =>
      (await publicPool.query({ name, text, values })).rows as T[],
    publicDb: drizzle({ client: publicPool, schema }) as unknown as Database,
    scopedTransaction: serverScopedTransaction(pool, db, drizzleNodePg),
    close: async () => {
      await Promise.all([...listeners].map((close) => close()));
      await Promise.all([pool.end(), publicPool.end()]);
    },
  };
}

/**
 * The startup parameter of a connection that reads as the public: the role is the session's own
 * from the first message on (no `set role` racing the first query), and even a RESET ROLE returns
 * to civic_public, never to the login role.
 */
export const publicRoleOptions = "-c role=civic_public";

/**
 * A server transaction opened with `begin; <prelude>` in one message (the simple query protocol
 * takes several statements when there are no parameters), then drizzle's own transaction object
 * over that connection, so `tx.transaction(…)` inside makes savepoints as it does anywhere else.
 * On a pipelining pool (node-postgres `pipeline: true`) the first statement of `fn` goes on the
 * wire right behind the prelude instead of waiting for its answer: the scope then costs the commit's
 * round trip only, and a transaction that wrote nothing (mayWrite) does not wait for its commit
 * either. A failed prelude fails that statement too (the transaction is aborted), and its own error
 * is the one reported.
 */
export function serverScopedTransaction(
  pool: Pool,
  poolDb: Database,
  { NodePgSession, NodePgTransaction }: typeof import("drizzle-orm/node-postgres"),
) {
  // The pool's database lends its dialect and relational schema (built once) to each transaction.
  const { dialect, session: poolSession } = poolDb as unknown as DrizzleInternals;
  return async <T>(prelude: string, fn: (tx: Database) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    let released = false;
    let preludeError: unknown;
    const opened = client.query(`begin; ${prelude}`).then(
      () => undefined,
      (err: unknown) => {
        preludeError = err;
      },
    );
    try {
      if (!(client as { pipeline?: boolean }).pipeline) await opened;
      if (preludeError) throw preludeError;
      const turns = oneQueryAtATime(client, `begin; ${prelude}`);
      const session = new NodePgSession(turns.client, dialect, poolSession.schema, poolSession.options);
      const tx = new NodePgTransaction(dialect, session, poolSession.schema) as unknown as Database;
      commitHooks.set(tx, turns.commitWithNext);
      const result = await fn(tx);
      await opened;
      if (preludeError) throw preludeError;
      await turns.settle();
      // Committed with its last statement (commitWithNextStatement): nothing is left to end.
      if (!turns.inTransaction()) return result;
      if (!turns.wrote()) {
        // Nothing was written: the commit only ends the transaction, so the answer does not wait for
        // it. The connection goes back to the pool once the commit is answered (or is closed if it
        // fails), so the next user never finds it inside this transaction.
        released = true;
        client.query("commit").then(
          () => client.release(),
          (err: Error) => client.release(err),
        );
        return result;
      }
      await client.query("commit");
      return result;
    } catch (err) {
      await opened;
      // Whatever failed (the prelude, the work, the commit), the transaction ends before the
      // connection goes back; a connection that cannot even roll back is closed instead.
      await client.query("rollback").catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw preludeError ?? err;
    } finally {
      if (!released) client.release(broken);
    }
  };
}

const commitHooks = new WeakMap<object, () => void>();

/**
 * Tells a scope (scopedTransaction) that its next statement is the last of its transaction: on a
 * pipelining server connection `commit` goes on the wire right behind that statement, so the work
 * pays no round trip of its own for the commit, and the statement answers only once both are
 * answered (a commit that fails fails the statement: nothing is acknowledged that was not kept).
 * A statement after it opens a new transaction with the scope's prelude (the same role and
 * claims), so nothing ever runs outside the scope; what the caller needs atomic must be in the
 * transaction before it. Anywhere else (embedded, outside a scope) it does nothing.
 */
export function commitWithNextStatement(db: Database): void {
  commitHooks.get(db)?.();
}

/**
 * Whether a statement may change data (or deliver a notice at commit): an insert, update, delete,
 * merge, copy, truncate, a notify, a row lock, a schema change or a procedure, at the top or in a CTE. The schema's functions
 * change data only as triggers of such statements (migrations), so a statement without these words
 * reads only. A false "yes" (the word in a literal) costs only a commit awaited as before.
 */
export function mayWrite(text: string): boolean {
  return /\b(insert|update|delete|merge|copy|truncate|notify|pg_notify|lock|share|create|alter|drop|grant|revoke|call|do)\b/i.test(
    text,
  );
}

/**
 * The connection as a transaction's statements see it: a query waits for the one before it. Reads
 * started together inside a request's scope (Promise.all over a page's parts) share its one
 * connection; node-postgres would queue them too, but that is deprecated (a warning now, an error
 * in pg 9), so they queue here. On a pipelining connection the savepoints of nested transactions
 * (`savepoint spN`, `release savepoint spN`, whose answers drizzle only awaits) go on the wire at
 * once and answer with the next statement; `settle()` before the commit reports one that failed
 * (a commit after a failed statement would otherwise end in a silent rollback).
 */
function oneQueryAtATime(
  client: PoolClient,
  reopen: string,
): {
  client: PoolClient;
  settle: () => Promise<void>;
  /** Whether any statement of the open transaction may have changed data (mayWrite). */
  wrote: () => boolean;
  /** Whether a transaction is open (false once one ended with its last statement). */
  inTransaction: () => boolean;
  /** The next statement ends the transaction (commitWithNextStatement). */
  commitWithNext: () => void;
} {
  const send = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
  const pipelining = Boolean((client as { pipeline?: boolean }).pipeline);
  let last: Promise<unknown> = Promise.resolve();
  let unanswered: Promise<unknown>[] = [];
  let wrote = false;
  let open = true;
  let commitNext = false;
  const settle = async () => {
    const waiting = unanswered;
    unanswered = [];
    await Promise.all(waiting);
  };
  const query = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: unknown } | null)?.text;
    // A statement whose text cannot be read counts as a write.
    if (typeof text !== "string" || mayWrite(text)) wrote = true;
    // Decided when the statement is issued, so statements issued after it see the state it leaves.
    const reopening = !open;
    const committing = commitNext;
    commitNext = false;
    open = !committing;
    if (committing) wrote = false;
    if (
      pipelining &&
      !reopening &&
      !committing &&
      typeof text === "string" &&
      /^(release )?savepoint sp\d+$/.test(text)
    ) {
      // Written to the wire once the statements before it are answered; the next one follows it
      // without waiting for its answer.
      const sent = last.then(() => {
        const answered = send(...args);
        answered.catch(() => undefined); // awaited (and reported) by settle()
        unanswered.push(answered);
      });
      last = sent;
      return sent.then(() => ({ command: "SAVEPOINT", rowCount: null, rows: [], fields: [] }));
    }
    const run = last.then(async () => {
      if (reopening) {
        // A new transaction under the same prelude, answered with the statement behind it.
        const began = send(reopen);
        began.catch(() => undefined); // reported by settle()
        unanswered.push(began);
        if (!pipelining) await settle();
      }
      const result = send(...args);
      // After a failure before it, it fails too (the transaction is aborted); the cause is reported.
      result.catch(() => undefined);
      let committed: Promise<unknown> | undefined;
      if (committing) {
        // Sent whatever the statement's outcome: after a failure it ends the aborted transaction.
        if (!pipelining) await result.catch(() => undefined);
        committed = send("commit");
        committed.catch(() => undefined); // reported below
      }
      await settle();
      // A failed statement's error comes first (its commit then only ends the aborted transaction).
      const answer = await result;
      await committed;
      return answer;
    });
    last = run.catch(() => undefined);
    return run;
  };
  return {
    client: new Proxy(client, {
      get: (target, property) => (property === "query" ? query : Reflect.get(target, property, target)),
    }),
    settle,
    wrote: () => wrote,
    inTransaction: () => open,
    commitWithNext: () => {
      commitNext = true;
    },
  };
}

// What a node-postgres session and transaction are built from (not in drizzle's public types).
type SessionArgs = ConstructorParameters<typeof import("drizzle-orm/node-postgres").NodePgSession>;
type DrizzleInternals = {
  dialect: SessionArgs[1];
  session: { schema: SessionArgs[2]; options: SessionArgs[3] };
};

function quoteChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  return channel;
}

async function openEmbedded(dataDir: string): Promise<DbHandle> {
  const lock: DataDirLock = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { postgis } = await import("@electric-sql/pglite-postgis");
    const { drizzle } = await import("drizzle-orm/pglite");
    const started = Date.now();
    const fresh = !(await import("node:fs")).existsSync(path.join(dataDir, "PG_VERSION"));
    console.info(
      fresh
        ? `[db] creating the embedded PostGIS database in ${dataDir} (first start takes about 20 s)…`
        : `[db] opening the embedded PostGIS database in ${dataDir}…`,
    );
    const client = await PGlite.create({ dataDir, extensions: { postgis } });
    console.info(`[db] embedded database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const db = drizzle({ client, schema }) as unknown as Database;
    return {
      db,
      engine: "embedded",
      location: path.resolve(dataDir),
      // PGlite is a single session already.
      withSession: (fn) => fn(db),
      listen: async (channel, onMessage) => {
        const unlisten = await client.listen(quoteChannel(channel), onMessage);
        return async () => {
          await unlisten();
        };
      },
      rawQuery: async <T>(_name: string, text: string, values: unknown[]) =>
        (await client.query<T>(text, values)).rows,
      publicRawQuery: async <T>(_name: string, text: string, values: unknown[]) =>
        client.transaction(async (tx) => {
          await tx.query("set local role civic_public");
          return (await tx.query<T>(text, values)).rows;
        }),
      publicDb: null,
      scopedTransaction: (prelude, fn) =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(prelude));
          return fn(tx as unknown as Database);
        }),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
