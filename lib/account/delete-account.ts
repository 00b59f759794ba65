import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { transaction } from "../../db/transaction";

/**
 * A citizen deletes their account. The reports they filed stay (they are public records of a
 * problem and the municipality's work on it) but lose every personal detail; follows are removed
 * (a follow is only an address to write to); comments stay without their author. The user row is
 * kept, emptied and deactivated, because the audit trail refers to it. Staff accounts are refused:
 * an administrator ends those.
 */
export async function deleteAccount(input: { db: Database; userId: number }): Promise<void> {
  await transaction(input.db, async (tx) => {
    const user = await queryOne<{ email: string; staff: boolean }>(
      tx,
      sql`select u.email, exists (select 1 from memberships m where m.user_id = u.id and m.role <> 'citizen') as staff
          from users u where u.id = ${input.userId} and u.active for update`,
    );
    if (!user) throw new AppError({ code: "not_found", messageKey: "accountNotFound" });
    if (user.staff) throw new AppError({ code: "forbidden", messageKey: "staffAccountNotDeletable" });
    const email = user.email.toLowerCase();
    await tx.execute(
      sql`update report_contacts set user_id = null, name = null, email = null, phone = null
          where user_id = ${input.userId} or lower(email) = ${email}`,
    );
    await tx.execute(
      sql`delete from report_followers where user_id = ${input.userId} or lower(email) = ${email}`,
    );
    await tx.execute(sql`update report_comments set user_id = null where user_id = ${input.userId}`);
    await tx.execute(sql`delete from sign_in_links where lower(email) = ${email}`);
    await tx.execute(sql`delete from memberships where user_id = ${input.userId}`);
    await tx.execute(
      sql`update users set email = ${`deleted-${input.userId}@invalid`}, name = '', password_hash = null, active = false
          where id = ${input.userId}`,
    );
  });
}
