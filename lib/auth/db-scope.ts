import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle, type Database } from "../../db/client";
import { requestScope } from "../../db/request-scope";
import { claimNames, type AccessClaims } from "./claims";
import { transaction } from "../../db/transaction";

const pgIntArray = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(",")}}`;

/**
 * Runs `fn` in one transaction under the staff role with this user's claims: PostgreSQL's row-level
 * security (migration 0019) then decides which reports, contacts, events, permits and colleagues
 * exist for it. Role and claims are SET LOCAL, so they end with the transaction and never reach the
 * next user of the connection. Inside, `getDb()` returns this transaction. On the embedded engine
 * the transaction holds the only connection: do not reach for the system connection inside it.
 */
export async function asStaff<T>(claims: AccessClaims, fn: (db: Database) => Promise<T>): Promise<T> {
  const open = requestScope.getStore();
  if (open?.role === "civic_staff") return fn(open.db);
  if (open) throw new Error("a staff scope cannot open inside a public one");
  const { db } = await getDbHandle();
  return transaction(db, async (tx) => {
    await tx.execute(sql`set local role civic_staff`);
    await tx.execute(
      sql`select set_config('civic.user_id', ${String(claims.userId)}, true), ${sql.join(
        claimNames.map(
          (name) => sql`set_config(${`civic.${name}`}, ${pgIntArray(claims[name] ?? [])}, true)`,
        ),
        sql`, `,
      )}`,
    );
    return requestScope.run({ db: tx, role: "civic_staff" }, () => fn(tx));
  });
}

/**
 * Runs `fn` as the public: only the public views (public_reports, public_permits, …) and reference
 * tables can be read; a contact column does not exist for this role. On a server the reads go
 * through a pool of connections that took the role once; embedded, through one transaction.
 */
export async function asPublic<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const open = requestScope.getStore();
  if (open?.role === "civic_public") return fn(open.db);
  if (open) throw new Error("a public scope cannot open inside a staff one");
  const handle = await getDbHandle();
  if (handle.publicDb) {
    const publicDb = handle.publicDb;
    return requestScope.run({ db: publicDb, role: "civic_public" }, () => fn(publicDb));
  }
  return transaction(handle.db, async (tx) => {
    await tx.execute(sql`set local role civic_public`);
    return requestScope.run({ db: tx, role: "civic_public" }, () => fn(tx));
  });
}
