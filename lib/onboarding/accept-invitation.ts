import "server-only";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { hashInvitationToken } from "./finish-setup";
import { transaction } from "../../db/transaction";

export const MIN_PASSWORD_LENGTH = 10;

/** Who an invitation link is for, while it is unused and not expired. */
export async function findInvitation(input: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<{ id: number; userId: number; email: string; name: string } | null> {
  const row = await queryOne<{ id: number; user_id: number; email: string; name: string }>(
    input.db,
    sql`select i.id, i.user_id, u.email, u.name from staff_invitations i join users u on u.id = i.user_id
        where i.token_hash = ${hashInvitationToken(input.token)} and i.accepted_at is null and i.expires_at > ${(input.now ?? new Date()).toISOString()}::timestamptz`,
  );
  return row ? { id: row.id, userId: row.user_id, email: row.email, name: row.name } : null;
}

/** The invited person chooses a password; the link works once. */
export async function acceptInvitation(input: {
  db: Database;
  token: string;
  password: string;
  now?: Date;
}): Promise<{ email: string }> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new AppError({
      code: "unprocessable",
      messageKey: "invitationPasswordShort",
      details: { min: MIN_PASSWORD_LENGTH },
    });
  const now = input.now ?? new Date();
  const invitation = await findInvitation({ db: input.db, token: input.token, now });
  if (!invitation) throw new AppError({ code: "not_found", messageKey: "invitationInvalid" });
  const hash = await bcrypt.hash(input.password, 10);
  await transaction(input.db, async (tx) => {
    const claimed = await queryOne<{ id: number }>(
      tx,
      sql`update staff_invitations set accepted_at = ${now.toISOString()}::timestamptz where id = ${invitation.id} and accepted_at is null returning id`,
    );
    if (!claimed) throw new AppError({ code: "not_found", messageKey: "invitationInvalid" });
    await tx.execute(sql`update users set password_hash = ${hash} where id = ${invitation.userId}`);
  });
  return { email: invitation.email };
}
