import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";

/** Ends every open session of the user: the session version they carry is no longer the current one. */
export async function revokeSessions(input: { db: Database; userId: number }): Promise<void> {
  await input.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
}
