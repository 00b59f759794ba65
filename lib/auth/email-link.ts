import "server-only";
import { SEALED_LINK_PLACEHOLDER, sealLink } from "../notifications/sealed-link";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { consumeRateLimit, type RateLimit } from "../abuse/rate-limit";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { renderNotification } from "../notifications/render";
import { transaction } from "../../db/transaction";

/** A link works this long after it was asked for, and once. */
export const SIGN_IN_LINK_MINUTES = 20;

export const signInLinkLimits: Record<"perEmail" | "perIp", RateLimit> = {
  perEmail: { name: "signin-link-email", limit: 5, windowSeconds: 3_600 },
  perIp: { name: "signin-link-ip", limit: 20, windowSeconds: 3_600 },
};

/**
 * A citizen's session: the account and the session version it was issued with (absent: 1, the
 * first). Sign-out bumps the account's version, so a copied cookie stops working (lib/auth/session.ts).
 */
export type CitizenSession = { userId: number; email: string; sessionVersion?: number };

const emailSchema = z.string().trim().toLowerCase().email().max(254);

/**
 * How a sign-in e-mail leaves: by SMTP, or — where no SMTP_URL is set — as a file in the outbox
 * directory, which the operator reads (a small installation, a demo, a test). Either way the
 * citizen can sign in; the page says where the message went.
 */
export function signInDelivery(): "email" | "outbox" {
  return getEnv().SMTP_URL ? "email" : "outbox";
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * "Send me a sign-in link": stores the link's hash and writes the e-mail with the link to the
 * outbox in one transaction. Answers the same whether or not the address has reports, so it tells
 * nobody who uses the service; limited per address and per network address.
 */
export async function requestSignInLink(input: {
  db: Database;
  email: unknown;
  locale: Locale;
  ip: string;
  now?: Date;
}): Promise<{ delivery: "email" | "outbox" }> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new AppError({ code: "unprocessable", messageKey: "invalidEmail" });
  const email = parsed.data;
  await consumeRateLimit({ db: input.db, rule: signInLinkLimits.perEmail, key: email, now: input.now });
  await consumeRateLimit({ db: input.db, rule: signInLinkLimits.perIp, key: input.ip, now: input.now });
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const url = `${getEnv().PUBLIC_BASE_URL.replace(/\/$/, "")}/account/verify?token=${token}`;
  // The outbox row carries a placeholder and the link sealed (lib/notifications/sealed-link.ts).
  const rendered = await renderNotification({
    locale: input.locale,
    template: "sign_in_link",
    values: { url: SEALED_LINK_PLACEHOLDER, minutes: SIGN_IN_LINK_MINUTES },
  });
  await transaction(input.db, async (tx) => {
    const [link] = await tx
      .insert(t.signInLinks)
      .values({
        email,
        tokenHash: hashToken(token),
        locale: input.locale,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
        createdAt: now,
      })
      .returning({ id: t.signInLinks.id });
    await tx.insert(t.outboxMessages).values({
      messageKey: `sign-in-link-${link!.id}`,
      recipient: email,
      locale: input.locale,
      template: "sign_in_link",
      subject: rendered.subject,
      body: rendered.body,
      payload: { signInLinkId: link!.id, sealedLink: sealLink(url) },
    });
  });
  return { delivery: signInDelivery() };
}

/**
 * Uses a sign-in link: once, before it expires. The citizen's account is made on first use, and the
 * reports they filed or followed with this address become theirs ("My reports"). Null for a link
 * that is unknown, used or expired.
 */
export async function consumeSignInLink(input: {
  db: Database;
  token: unknown;
  now?: Date;
}): Promise<CitizenSession | null> {
  if (typeof input.token !== "string" || input.token.length < 20 || input.token.length > 100) return null;
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const link = await queryOne<{ email: string; locale: string }>(
      tx,
      sql`update sign_in_links set used_at = ${now.toISOString()}::timestamptz
          where token_hash = ${hashToken(input.token as string)} and used_at is null and expires_at > ${now.toISOString()}::timestamptz
          returning email, locale`,
    );
    if (!link) return null;
    const user = await queryOne<{ id: number; active: boolean; session_version: number }>(
      tx,
      sql`insert into users (email, name, locale) values (${link.email}, '', ${link.locale})
          on conflict (email) do update set email = excluded.email
          returning id, active, session_version`,
    );
    if (!user || !user.active) return null;
    await tx.execute(
      sql`update report_contacts set user_id = ${user.id} where user_id is null and lower(email) = ${link.email}`,
    );
    await tx.execute(
      sql`update report_followers set user_id = ${user.id} where user_id is null and lower(email) = ${link.email}`,
    );
    return { userId: user.id, email: link.email, sessionVersion: user.session_version };
  });
}
