import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { authOptions, loginLimits } from "../../../lib/auth/options";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import bcrypt from "bcryptjs";

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;

/** The staff credentials provider's own authorize, as next-auth calls it on a sign-in form post. */
function authorize(): Authorize {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: Authorize };
  };
  return provider.options.authorize;
}

describe(`sign-in limits on the ${engine} engine`, () => {
  let email: string;

  beforeAll(async () => {
    const world = await buildWorkflowWorld({ west: 19.9, south: 45.6 });
    email = `agent-${Date.now()}@cuprija.example`;
    const db = await getDb();
    const [user] = await db
      .insert(t.users)
      .values({ email, name: "Agent Ograničeni", passwordHash: await bcrypt.hash("tacna-lozinka", 4) })
      .returning();
    await db.insert(t.memberships).values({
      userId: user!.id,
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
    });
  });

  it("lets staff behind one address all sign in, however many they are", async () => {
    const signIn = authorize();
    for (let i = 0; i < loginLimits.failedPerIp.limit + 5; i++) {
      expect(
        await signIn(
          { email, password: "tacna-lozinka" },
          { headers: { "x-forwarded-for": "203.0.113.50" } },
        ),
      ).toMatchObject({ email });
    }
  });

  it("stops an account after ten wrong passwords, even with the right one, and counts the address's failures", async () => {
    const signIn = authorize();
    for (let i = 0; i < loginLimits.failedPerEmail.limit; i++) {
      expect(
        await signIn({ email, password: `kriva-${i}` }, { headers: { "x-forwarded-for": "203.0.113.51" } }),
      ).toBeNull();
    }
    await expect(
      signIn({ email, password: "tacna-lozinka" }, { headers: { "x-forwarded-for": "203.0.113.52" } }),
    ).rejects.toThrow("RateLimited");
  });

  it("stops an address after thirty failures on any accounts; a client cannot escape by naming another address first", async () => {
    const signIn = authorize();
    for (let i = 0; i < loginLimits.failedPerIp.limit; i++) {
      expect(
        await signIn(
          { email: `nepostoji-${i}@example.org`, password: "x" },
          { headers: { "x-forwarded-for": `10.0.0.${i}, 203.0.113.60` } },
        ),
      ).toBeNull();
    }
    await expect(
      signIn(
        { email: "jos-jedan@example.org", password: "x" },
        { headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.60" } },
      ),
    ).rejects.toThrow("RateLimited");
  });
});
