import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitWithNextStatement, getDb, getDbHandle } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { transaction } from "../../../db/transaction";
import type { AccessClaims } from "../../../lib/auth/claims";
import { asPublic, asStaff, scopeStatement } from "../../../lib/auth/db-scope";
import { engine } from "../../helpers/engine";

/**
 * The access scope's one statement (role and claims in a single set_config row, sent with `begin`
 * on a server) sets exactly what SET LOCAL ROLE and the separate claim statement set, and all of
 * it ends with the transaction: commit, rollback or a failed statement.
 */
const claims: AccessClaims = {
  userId: 41,
  desk: [3],
  overview: [],
  orgs: [7, 9],
  staff: [3, 4],
  admin: [],
  permits: [4],
};

type ScopeState = {
  current_user: string;
  session_user: string;
  role: string;
  user_id: string | null;
  desk: string | null;
  orgs: string | null;
  overview: string | null;
};
const stateSql = sql`select current_user::text as current_user, session_user::text as session_user,
  current_setting('role') as role, current_setting('civic.user_id', true) as user_id,
  current_setting('civic.desk', true) as desk, current_setting('civic.orgs', true) as orgs,
  current_setting('civic.overview', true) as overview`;

/** The database's message of a failed query (drizzle wraps it as the cause). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return String((cause as Error | undefined)?.message ?? (err as Error).message);
  }
  return "no error";
}

describe(`the access scope statement on the ${engine} engine`, () => {
  it("is one statement of literals: the role first, then every claim", () => {
    expect(scopeStatement("civic_staff", claims)).toBe(
      "select set_config('role', 'civic_staff', true), set_config('civic.user_id', '41', true), " +
        "set_config('civic.desk', '{3}', true), set_config('civic.overview', '{}', true), " +
        "set_config('civic.orgs', '{7,9}', true), set_config('civic.staff', '{3,4}', true), " +
        "set_config('civic.admin', '{}', true), set_config('civic.permits', '{4}', true), " +
        "set_config('civic.moderate', '{}', true)",
    );
    expect(scopeStatement("civic_public")).toBe("select set_config('role', 'civic_public', true)");
    // Ids are integers whatever the caller passes: nothing but digits, braces and commas.
    expect(scopeStatement("civic_staff", { ...claims, userId: 5.7, orgs: [1.9] })).toContain(
      "set_config('civic.user_id', '5', true)",
    );
  });

  it("sets what SET LOCAL ROLE and the claims statement set, and both end at commit", async () => {
    const db = await getDb();
    const owner = (await queryOne<ScopeState>(db, stateSql))!;
    // The old way, as the reference: SET LOCAL ROLE plus set_config in a statement of its own.
    const reference = await transaction(db, async (tx) => {
      await tx.execute(sql`set local role civic_staff`);
      await tx.execute(
        sql`select set_config('civic.user_id', '41', true), set_config('civic.desk', '{3}', true),
                   set_config('civic.overview', '{}', true), set_config('civic.orgs', '{7,9}', true)`,
      );
      return (await queryOne<ScopeState>(tx, stateSql))!;
    });
    const scoped = await asStaff(claims, async (tx) => (await queryOne<ScopeState>(tx, stateSql))!);
    expect(scoped).toEqual(reference);
    expect(scoped).toMatchObject({
      current_user: "civic_staff",
      role: "civic_staff",
      session_user: owner.session_user,
      user_id: "41",
      desk: "{3}",
      orgs: "{7,9}",
      overview: "{}",
    });
    // After the scope, every connection is the application's again, without claims.
    const after = await Promise.all(Array.from({ length: 12 }, () => queryOne<ScopeState>(db, stateSql)));
    for (const state of after) {
      expect(state!.current_user).toBe(owner.current_user);
      expect(state!.role).toBe(owner.role);
      expect(state!.user_id || null).toBeNull();
      expect(state!.orgs || null).toBeNull();
    }
  });

  it("the public scope cannot read a base table", async () => {
    expect(await failure(asPublic((tx) => tx.execute(sql`select 1 from reports limit 1`)))).toMatch(
      /permission denied/,
    );
    const inside = await asPublic(async (tx) => (await queryOne<ScopeState>(tx, stateSql))!.current_user);
    expect(inside).toBe("civic_public");
    const db = await getDb();
    expect((await queryOne<ScopeState>(db, stateSql))!.current_user).not.toMatch(/^civic_(public|staff)$/);
  });

  it("ends with a rollback when the work fails, and a savepoint inside still rolls back alone", async () => {
    const db = await getDb();
    const marker = `scope-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await db.execute(sql`create table if not exists scope_statement_probe (note text)`);
    await db.execute(sql`grant select, insert on scope_statement_probe to civic_staff`);
    const kept = await asStaff(claims, async (tx) => {
      await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-outer`})`);
      await transaction(tx, async (inner) => {
        await inner.execute(sql`insert into scope_statement_probe values (${`${marker}-inner`})`);
        throw new Error("undo the inner part only");
      }).catch(() => undefined);
      return (await queryOne<ScopeState>(tx, stateSql))!.current_user;
    });
    expect(kept).toBe("civic_staff");
    await expect(
      asStaff(claims, async (tx) => {
        await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-failed`})`);
        throw new Error("the request failed");
      }),
    ).rejects.toThrow("the request failed");
    const notes = await queryRows<{ note: string }>(
      db,
      sql`select note from scope_statement_probe where note like ${`${marker}%`} order by note`,
    );
    expect(notes.map((n) => n.note)).toEqual([`${marker}-outer`]);
    // A savepoint statement that fails (pipelined on a server: answered after the next statement)
    // fails the scope before its commit, which would otherwise end in a silent rollback.
    const lostRelease = asStaff(claims, async (tx) => {
      await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-released`})`);
      await tx.execute(sql.raw("release savepoint sp9"));
      return "committed";
    });
    expect(await failure(lostRelease)).toMatch(/savepoint "sp9" does not exist/);
    const afterRelease = await queryRows<{ note: string }>(
      db,
      sql`select note from scope_statement_probe where note = ${`${marker}-released`}`,
    );
    expect(afterRelease).toEqual([]);
    expect((await queryOne<ScopeState>(db, stateSql))!.current_user).not.toBe("civic_staff");
  });

  it("a scope whose statement fails leaves no transaction open on the connection", async () => {
    const bad = { ...claims, userId: Number.NaN };
    // 'NaN' is no integer: the first read of the claim fails, the scope ends, the connection is clean.
    expect(await failure(asStaff(bad, (tx) => tx.execute(sql`select civic_user_id()`)))).toMatch(
      /invalid input syntax for type integer/,
    );
    // A prelude that fails reports its own error, not that of the statement sent behind it.
    const handle = await getDbHandle();
    const unknownRole = handle.scopedTransaction("select set_config('role', 'civic_nobody', true)", (tx) =>
      tx.execute(sql`select 1`),
    );
    expect(await failure(unknownRole)).toMatch(/role "civic_nobody" does not exist/);
    const db = await getDb();
    const states = await Promise.all(Array.from({ length: 12 }, () => queryOne<ScopeState>(db, stateSql)));
    // An aborted transaction left open would fail these reads; none does, none is the staff role.
    for (const state of states) expect(state!.current_user).not.toBe("civic_staff");
    if (engine === "embedded") return; // one session, and drizzle's own transaction ends it
    // Pooled connections: outside a transaction each statement is its own, so its start is the statement's.
    const autocommit = await Promise.all(
      Array.from({ length: 12 }, () =>
        queryOne<{ fresh: boolean }>(db, sql`select now() = statement_timestamp() as fresh`),
      ),
    );
    for (const row of autocommit) expect(row!.fresh).toBe(true);
  });

  it("a statement that ends its scope's transaction is committed when it answers; what follows stays in the scope", async () => {
    const db = await getDb();
    const marker = `ends-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await db.execute(sql`create table if not exists scope_statement_probe (note text)`);
    await db.execute(sql`grant select, insert on scope_statement_probe to civic_staff`);
    const seenOutside = async (note: string) =>
      (await queryRows(db, sql`select 1 from scope_statement_probe where note = ${note}`)).length === 1;
    const during = await asStaff(claims, async (tx) => {
      commitWithNextStatement(tx);
      await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-last`})`);
      // On a server the commit went with the insert: another connection sees the row already.
      const committedAlready = engine === "server" ? await seenOutside(`${marker}-last`) : null;
      // A statement after it runs in a new transaction, under the same role and claims.
      await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-after`})`);
      return { committedAlready, state: (await queryOne<ScopeState>(tx, stateSql))! };
    });
    if (engine === "server") expect(during.committedAlready).toBe(true);
    expect(during.state).toMatchObject({ current_user: "civic_staff", user_id: "41", orgs: "{7,9}" });
    expect(await seenOutside(`${marker}-last`)).toBe(true);
    expect(await seenOutside(`${marker}-after`)).toBe(true);
    // A failed statement reports its own error, and its commit keeps nothing of the transaction.
    const failed = asStaff(claims, async (tx) => {
      await tx.execute(sql`insert into scope_statement_probe values (${`${marker}-before`})`);
      commitWithNextStatement(tx);
      await tx.execute(
        sql`insert into scope_statement_probe values (${`${marker}-bad`}, 'no second column')`,
      );
    });
    expect(await failure(failed)).toMatch(/more expressions than target columns/);
    expect(await seenOutside(`${marker}-before`)).toBe(false);
    // A commit that fails fails the statement that carried it: nothing is acknowledged unkept.
    await db.execute(sql`create table if not exists scope_statement_unique (
      note text unique deferrable initially deferred)`);
    await db.execute(sql`grant select, insert on scope_statement_unique to civic_staff`);
    const atCommit = asStaff(claims, async (tx) => {
      await tx.execute(sql`insert into scope_statement_unique values (${marker})`);
      commitWithNextStatement(tx);
      await tx.execute(sql`insert into scope_statement_unique values (${marker})`);
      return "acknowledged";
    });
    expect(await failure(atCommit)).toMatch(/duplicate key value/);
    expect(await queryRows(db, sql`select 1 from scope_statement_unique where note = ${marker}`)).toEqual([]);
    const states = await Promise.all(Array.from({ length: 12 }, () => queryOne<ScopeState>(db, stateSql)));
    for (const state of states) expect(state!.current_user).not.toBe("civic_staff");
  });

  it.runIf(engine === "server")(
    "the public pool's connections start as civic_public, and RESET ROLE keeps them there",
    async () => {
      const handle = await getDbHandle();
      const publicDb = handle.publicDb!;
      await publicDb.execute(sql`reset role`);
      const states = await Promise.all(
        Array.from({ length: 12 }, () => queryOne<{ current_user: string }>(publicDb, stateSql)),
      );
      for (const state of states) expect(state!.current_user).toBe("civic_public");
      expect(await failure(publicDb.execute(sql`select 1 from report_contacts limit 1`))).toMatch(
        /permission denied/,
      );
      const viaRaw = await handle.publicRawQuery<{ current_user: string }>(
        "scope_statement_current_user",
        "select current_user::text as current_user",
        [],
      );
      expect(viaRaw[0]!.current_user).toBe("civic_public");
    },
  );

  it("every policy reads each claim once per statement (an InitPlan), never per row", async () => {
    const db = await getDb();
    const policies = await queryRows<{ name: string; text: string }>(
      db,
      sql`select tablename || '.' || policyname as name, coalesce(qual, '') || ' ' || coalesce(with_check, '') as text
          from pg_policies where schemaname = 'public'`,
    );
    const withClaims = policies.filter((p) => /civic_(claim|user_id)\(/.test(p.text));
    expect(withClaims.length).toBeGreaterThan(25);
    const perRow = withClaims.filter((p) => /(?<!SELECT )civic_(claim|user_id)\(/.test(p.text));
    expect(perRow.map((p) => p.name)).toEqual([]);
  });

  it.runIf(engine === "server")(
    "reads started together inside a scope never meet node-postgres's deprecated queue of a busy connection",
    async () => {
      const pg = await import("pg");
      const original = pg.Client.prototype.query;
      // node-postgres warns (and pg 9 throws) when a query reaches a connection that is busy and not
      // pipelining; a pipelining one sends it straight on (the scope's prelude travels so).
      let busy = 0;
      let calls = 0;
      pg.Client.prototype.query = function (
        this: { readyForQuery: boolean; pipeline?: boolean },
        ...args: unknown[]
      ) {
        calls++;
        if (!this.readyForQuery && !this.pipeline) busy++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        const values = await asStaff(claims, (tx) =>
          Promise.all(
            [1, 2, 3].map(async (n) => {
              const row = await queryOne<{ n: number }>(tx, sql`select ${n}::int as n, pg_sleep(0.02)`);
              return row!.n;
            }),
          ),
        );
        expect(values).toEqual([1, 2, 3]);
      } finally {
        pg.Client.prototype.query = original;
      }
      expect(calls).toBeGreaterThanOrEqual(5); // begin and prelude, three reads, commit
      expect(busy).toBe(0);
    },
  );
});
