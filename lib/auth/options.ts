import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../../db/client";
import { consumeRateLimit, refundRateLimit } from "../abuse/rate-limit";
import { isAppError } from "../errors";
import { consumeSignInLink, type CitizenSession } from "./email-link";
import { authSecret } from "./secret";
import type { SessionUser } from "./staff-user";
import { verifyCredentials } from "./staff-user";
import { revokeSessions } from "./revoke-sessions";

const credentials = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Sign-in limits (OWASP ASVS V2.2). Each attempt takes a slot before the password is checked, in
 * one atomic statement, so parallel guesses cannot slip past the count; a successful sign-in gives
 * its slots back. The limits lock the failing source only: an account from one address (10 per
 * 15 minutes) and an address over all accounts (30). Someone guessing a password from elsewhere
 * never locks the real user out, and a contact centre behind one office address signs in at the
 * start of a shift as usual.
 */
export const loginLimits = {
  failedPerAccountAndIp: { name: "login-failed-account-ip", limit: 10, windowSeconds: 900 },
  failedPerIp: { name: "login-failed-ip", limit: 30, windowSeconds: 900 },
};

/**
 * Staff sign in with email and password; citizens with a one-time link sent by e-mail (or a password,
 * where an account has one, as the demo citizen does). The session
 * is a signed JWT in an httpOnly cookie: `staff` for the workspace, `citizen` for "My reports".
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          // The entry the proxy in front added (see clientIp in lib/http.ts).
          const address =
            (req?.headers?.["x-forwarded-for"] as string | undefined)?.split(",").at(-1)?.trim() || "unknown";
          const pairKey = `${parsed.data.email.toLowerCase()}|${address}`;
          try {
            await consumeRateLimit({ db, rule: loginLimits.failedPerAccountAndIp, key: pairKey });
            await consumeRateLimit({ db, rule: loginLimits.failedPerIp, key: address });
          } catch (err) {
            // next-auth shows the thrown message's code on the sign-in page.
            if (isAppError(err)) throw new Error("RateLimited");
            throw err;
          }
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!user || user.roles.length === 0) return null;
          await refundRateLimit({ db, rule: loginLimits.failedPerAccountAndIp, key: pairKey });
          await refundRateLimit({ db, rule: loginLimits.failedPerIp, key: address });
          // A citizen with a password (the demo citizen) gets the same session as one signed in by link.
          if (user.roles.every((r) => r === "citizen")) {
            const citizen: CitizenSession = {
              userId: user.id,
              email: user.email,
              sessionVersion: user.sessionVersion,
            };
            return { id: String(user.id), email: user.email, name: user.name, citizen } as never;
          }
          return { id: String(user.id), email: user.email, name: user.name, staff: user } as never;
        },
      }),
      CredentialsProvider({
        id: "email-link",
        name: "email-link",
        credentials: { token: { type: "text" } },
        async authorize(raw) {
          const citizen = await consumeSignInLink({ db: await getDb(), token: raw?.token });
          if (!citizen) return null;
          return { id: String(citizen.userId), email: citizen.email, name: citizen.email, citizen } as never;
        },
      }),
    ],
    events: {
      // Sign-out ends the session on the server too, staff's and citizens' alike: the version it
      // carries stops being current.
      async signOut({ token }) {
        const staffId = Number((token?.staff as SessionUser | undefined)?.id);
        const citizenId = Number((token?.citizen as CitizenSession | undefined)?.userId);
        for (const id of [staffId, citizenId])
          if (Number.isInteger(id)) await revokeSessions({ db: await getDb(), userId: id });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { staff?: SessionUser; citizen?: CitizenSession };
          token.staff = signedIn.staff;
          token.citizen = signedIn.citizen;
        }
        return token;
      },
      async session({ session, token }) {
        (session as unknown as { staff?: SessionUser }).staff = token.staff as SessionUser | undefined;
        (session as unknown as { citizen?: CitizenSession }).citizen = token.citizen as
          CitizenSession | undefined;
        return session;
      },
    },
  };
}
