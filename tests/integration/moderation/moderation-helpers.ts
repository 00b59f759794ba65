import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import type { Role } from "../../../lib/auth/roles";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { uniqueCode } from "../../helpers/builders";

/** A staff member with one role in one organisation (or municipality-wide), loaded as a session would. */
export async function buildStaff(input: {
  municipalityId: number;
  organisationId: number | null;
  role: Role;
  name?: string;
}): Promise<SessionUser> {
  const db = await getDb();
  const [user] = await db
    .insert(t.users)
    .values({ email: `${uniqueCode(input.role)}@staff.example`, name: input.name ?? `Staff ${input.role}` })
    .returning();
  await db.insert(t.memberships).values({
    userId: user!.id,
    municipalityId: input.municipalityId,
    organisationId: input.organisationId,
    role: input.role,
  });
  return (await loadSessionUser(db, user!.id))!;
}

/** A public photo row on a report (the file itself is not needed to decide who may see it). */
export async function buildPhoto(input: { reportId: number; municipalityId: number }) {
  const db = await getDb();
  const [row] = await db
    .insert(t.attachments)
    .values({
      reportId: input.reportId,
      municipalityId: input.municipalityId,
      storageKey: `${uniqueCode("photo")}.jpg`,
      contentType: "image/jpeg",
      byteSize: 1000,
      sha256: "0".repeat(64),
      isPublic: true,
    })
    .returning();
  return row!;
}
