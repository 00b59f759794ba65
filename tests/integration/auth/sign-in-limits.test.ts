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

  it("stops guessing one account from one address after ten failures, while the real user elsewhere signs in", async () => {
    const signIn = authorize();
    for (let i = 0; i < loginLimits.failedPerAccountAndIp.limit; i++) {
      expect(
        await signIn({ email, password: `kriva-${i}` }, { headers: { "x-forwarded-for": "203.0.113.51" } }),
      ).toBeNull();
    }
    await expect(
      signIn({ email, password: "kriva-jos" }, { headers: { "x-forwarded-for": "203.0.113.51" } }),
    ).rejects.toThrow("RateLimited");
    // The account is not locked: its owner at the office signs in.
    expect(
      await signIn({ email, password: "tacna-lozinka" }, { headers: { "x-forwarded-for": "203.0.113.52" } }),
    ).toMatchObject({ email });
  });

  it("lets no more than ten of forty parallel guesses reach the password check", async () => {
    const signIn = authorize();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        signIn({ email, password: `paralelno-${i}` }, { headers: { "x-forwarded-for": "203.0.113.70" } }),
      ),
    );
    const checked = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = outcomes.filter(
      (o) => o.status === "rejected" && String((o.reason as Error).message) === "RateLimited",
    ).length;
    expect(checked).toBe(loginLimits.failedPerAccountAndIp.limit);
    expect(refused).toBe(40 - loginLimits.failedPerAccountAndIp.limit);
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
