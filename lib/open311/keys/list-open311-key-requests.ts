import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { open311KeyRequests, users } from "../../../db/schema";

export type Open311KeyRequestRow = {
  id: number;
  name: string;
  email: string;
  application: string;
  purpose: string;
  status: "pending" | "approved" | "refused";
  createdAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
};

/** The administration's list: waiting requests first, then the latest decisions. */
export async function listOpen311KeyRequests(input: {
  db: Database;
  limit?: number;
}): Promise<Open311KeyRequestRow[]> {
  const rows = await input.db
    .select({
      id: open311KeyRequests.id,
      name: open311KeyRequests.name,
      email: open311KeyRequests.email,
      application: open311KeyRequests.application,
      purpose: open311KeyRequests.purpose,
      status: open311KeyRequests.status,
      createdAt: open311KeyRequests.createdAt,
      decidedAt: open311KeyRequests.decidedAt,
      decidedByName: users.name,
    })
    .from(open311KeyRequests)
    .leftJoin(users, eq(users.id, open311KeyRequests.decidedBy))
    .orderBy(desc(open311KeyRequests.createdAt))
    .limit(input.limit ?? 200);
  return rows.sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
}
