import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as exportAccount } from "../../../app/api/account/export/route";
import { GET as queue } from "../../../app/api/staff/queue/route";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import type { CitizenSession } from "../../../lib/auth/email-link";
import { authOptions } from "../../../lib/auth/options";
import { authSecret } from "../../../lib/auth/secret";
import { loadSessionUser } from "../../../lib/auth/staff-user";
import { box, buildMunicipality, buildOrganisation, uniqueCode } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { staffRequest } from "../../helpers/session";

const cookieOf = async (token: JWT) =>
  `next-auth.session-token=${await encode({ token, secret: authSecret() })}`;

/** What next-auth does at sign-out: the signOut event with the session's token. */
const signOut = (token: JWT) => authOptions().events!.signOut!({ token, session: null as never });

const noParams = { params: Promise.resolve({}) };

describe(`sign-out ends the session on the server on the ${engine} engine`, () => {
  it("stops a copied citizen cookie from opening the account, and a new sign-in works again", async () => {
    const db = await getDb();
    const email = `${uniqueCode("odjava")}@example.org`;
    const [user] = await db
      .insert(t.users)
      .values({ email, name: "Mila Milić", locale: "sr-Latn" })
      .returning();
    const session: CitizenSession = { userId: user!.id, email, sessionVersion: user!.sessionVersion };
    const token: JWT = { sub: String(user!.id), citizen: session };
    const cookie = await cookieOf(token);
    const before = await exportAccount(staffRequest("/api/account/export", { cookie }), noParams);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain(email);

    await signOut(token);
    const after = await exportAccount(staffRequest("/api/account/export", { cookie }), noParams);
    expect(after.status).toBe(401);
    expect(await after.text()).not.toContain(email);

    // Signing in again issues a session with the new version.
    const [renewed] = await db.select().from(t.users).where(eq(t.users.id, user!.id));
    const again = await cookieOf({
      sub: String(user!.id),
      citizen: { ...session, sessionVersion: renewed!.sessionVersion },
    });
    expect(
      (await exportAccount(staffRequest("/api/account/export", { cookie: again }), noParams)).status,
    ).toBe(200);
  });

  it("stops a copied staff cookie from reaching any staff API", async () => {
    const db = await getDb();
    const municipality = await buildMunicipality({ boundary: box(19.1, 44.1, 19.2, 44.2) });
    const water = await buildOrganisation({ municipalityId: municipality.id, sector: "water" });
    const [u] = await db
      .insert(t.users)
      .values({
        email: `${uniqueCode("radnik")}@utility.example`,
        name: "Radnik",
        passwordHash: await bcrypt.hash("x", 4),
      })
      .returning();
    await db.insert(t.memberships).values({
      userId: u!.id,
      municipalityId: municipality.id,
      organisationId: water.id,
      role: "utility_operator",
    });
    const staff = (await loadSessionUser(db, u!.id))!;
    const token: JWT = { sub: String(staff.id), staff };
    const cookie = await cookieOf(token);
    expect((await queue(staffRequest("/api/staff/queue", { cookie }), noParams)).status).toBe(200);
    await signOut(token);
    expect((await queue(staffRequest("/api/staff/queue", { cookie }), noParams)).status).toBe(401);
  });
});
