import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { open311KeyRequests } from "../../../db/schema";
import { consumeRateLimit, type RateLimit } from "../../abuse/rate-limit";
import type { Locale } from "../../i18n/config";
import { open311KeyRequestSchema } from "./key-request-schema";

/** Asking for keys: a few per network address an hour, a few per address a day. */
export const open311KeyRequestLimits = {
  perIp: { name: "open311-key-ip", limit: 5, windowSeconds: 3_600 },
  perEmail: { name: "open311-key-email", limit: 3, windowSeconds: 86_400 },
} satisfies Record<string, RateLimit>;

/**
 * A developer asks for an Open311 key. A request still waiting for the same address and
 * application is answered again instead of adding another (`created: false`), so a resubmitted
 * form or a retried POST leaves one request for the administrator.
 */
export async function requestOpen311Key(input: {
  db: Database;
  body: unknown;
  locale: Locale;
  ip: string;
  now?: Date;
}): Promise<{ id: number; status: "pending" | "approved" | "refused"; created: boolean }> {
  const request = open311KeyRequestSchema.parse(input.body);
  await consumeRateLimit({
    db: input.db,
    rule: open311KeyRequestLimits.perIp,
    key: input.ip,
    now: input.now,
  });
  await consumeRateLimit({
    db: input.db,
    rule: open311KeyRequestLimits.perEmail,
    key: request.email,
    now: input.now,
  });
  const [inserted] = await input.db
    .insert(open311KeyRequests)
    .values({ ...request, locale: input.locale, createdAt: input.now ?? new Date() })
    .onConflictDoNothing()
    .returning({ id: open311KeyRequests.id, status: open311KeyRequests.status });
  if (inserted) return { ...inserted, created: true };
  const [waiting] = await input.db
    .select({ id: open311KeyRequests.id, status: open311KeyRequests.status })
    .from(open311KeyRequests)
    .where(
      and(
        eq(open311KeyRequests.status, "pending"),
        sql`lower(${open311KeyRequests.email}) = lower(${request.email})`,
        sql`lower(${open311KeyRequests.application}) = lower(${request.application})`,
      ),
    );
  // Decided between the insert and this read: the caller may simply ask again.
  if (!waiting) return requestOpen311Key(input);
  return { ...waiting, created: false };
}
