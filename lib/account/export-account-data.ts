import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { AppError } from "../errors";

export type AccountData = {
  exportedAt: string;
  account: { email: string; name: string; locale: string; createdAt: string };
  filed: Array<{
    code: string;
    status: string;
    description: string;
    address: string | null;
    createdAt: string;
    contact: { name: string | null; email: string | null; phone: string | null; anonymous: boolean };
  }>;
  following: Array<{ code: string; supported: boolean; since: string }>;
  comments: Array<{ code: string; body: string; state: string; fixed: boolean | null; createdAt: string }>;
};

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * Everything the platform keeps about a signed-in citizen, as one JSON document (GDPR art. 15 and
 * 20; Serbian Law on Personal Data Protection art. 26 and 36): the account, the reports they filed
 * with the contact details given, what they follow or support, and their comments.
 */
export async function exportAccountData(input: {
  db: Database;
  userId: number;
  now?: Date;
}): Promise<AccountData> {
  const user = await queryOne<{ email: string; name: string; locale: string; created_at: string | Date }>(
    input.db,
    sql`select email, name, locale, created_at from users where id = ${input.userId} and active`,
  );
  if (!user) throw new AppError({ code: "not_found", messageKey: "accountNotFound" });
  const filed = await queryRows<{
    code: string;
    status: string;
    description: string;
    address: string | null;
    created_at: string | Date;
    name: string | null;
    email: string | null;
    phone: string | null;
    anonymous: boolean;
  }>(
    input.db,
    sql`select r.tracking_code as code, r.status, r.description, r.address, r.created_at,
               c.name, c.email, c.phone, c.anonymous
        from report_contacts c join reports r on r.id = c.report_id
        where c.user_id = ${input.userId} order by r.created_at, r.id`,
  );
  const following = await queryRows<{ code: string; supported: boolean; created_at: string | Date }>(
    input.db,
    sql`select r.tracking_code as code, f.supported, f.created_at
        from report_followers f join reports r on r.id = f.report_id
        where f.user_id = ${input.userId} order by f.created_at, f.id`,
  );
  const comments = await queryRows<{
    code: string;
    body: string;
    state: string;
    questionnaire_fixed: boolean | null;
    created_at: string | Date;
  }>(
    input.db,
    sql`select r.tracking_code as code, m.body, m.state, m.questionnaire_fixed, m.created_at
        from report_comments m join reports r on r.id = m.report_id
        where m.user_id = ${input.userId} order by m.created_at, m.id`,
  );
  return {
    exportedAt: (input.now ?? new Date()).toISOString(),
    account: { email: user.email, name: user.name, locale: user.locale, createdAt: iso(user.created_at) },
    filed: filed.map((r) => ({
      code: r.code,
      status: r.status,
      description: r.description,
      address: r.address,
      createdAt: iso(r.created_at),
      contact: { name: r.name, email: r.email, phone: r.phone, anonymous: r.anonymous },
    })),
    following: following.map((f) => ({ code: f.code, supported: f.supported, since: iso(f.created_at) })),
    comments: comments.map((c) => ({
      code: c.code,
      body: c.body,
      state: c.state,
      fixed: c.questionnaire_fixed,
      createdAt: iso(c.created_at),
    })),
  };
}
