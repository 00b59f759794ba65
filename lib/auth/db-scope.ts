import "server-only";
import { getDbHandle, type Database } from "../../db/client";
import { requestScope } from "../../db/request-scope";
import { claimNames, type AccessClaims } from "./claims";

const pgIntArray = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(",")}}`;

/** A string literal for the scope statement (its values are digits, braces and commas already). */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The one statement that puts a transaction under a role with claims: `set_config('role', …, true)`
 * is SET LOCAL ROLE (the same setting, checked the same way, undone at commit or rollback), and the
 * claims follow in the same row. Literals only, so on a server it travels with `begin` in one
 * message (db/client.ts, scopedTransaction).
 */
export function scopeStatement(role: "civic_staff" | "civic_public", claims?: AccessClaims): string {
  const settings: Array<[string, string]> = [["role", role]];
  if (claims) {
    settings.push(["civic.user_id", String(Math.trunc(claims.userId))]);
    for (const name of claimNames) settings.push([`civic.${name}`, pgIntArray(claims[name] ?? [])]);
  }
  return `select ${settings.map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`).join(", ")}`;
}

/**
 * Runs `fn` in one transaction under the staff role with this user's claims: PostgreSQL's row-level
 * security (migrations 0019 and 0031) then decides which reports, contacts, events, permits and
 * colleagues exist for it. Role and claims are local to the transaction, so they end with it and
 * never reach the next user of the connection. Inside, `getDb()` returns this transaction. On the
 * embedded engine the transaction holds the only connection: do not reach for the system
 * connection inside it.
 */
export async function asStaff<T>(claims: AccessClaims, fn: (db: Database) => Promise<T>): Promise<T> {
  const open = requestScope.getStore();
  if (open?.role === "civic_staff") return fn(open.db);
  if (open) throw new Error("a staff scope cannot open inside a public one");
  const handle = await getDbHandle();
  return handle.scopedTransaction(scopeStatement("civic_staff", claims), (tx) =>
    requestScope.run({ db: tx, role: "civic_staff" }, () => fn(tx)),
  );
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
  return handle.scopedTransaction(scopeStatement("civic_public"), (tx) =>
    requestScope.run({ db: tx, role: "civic_public" }, () => fn(tx)),
  );
}
