import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../errors";
import { ownPasswordSchema } from "./user-schema";

/** A signed-in user replaces their password (required after an administrator set it); the current one must be right. */
export async function changeOwnPassword(input: {
  db: Database;
  userId: number;
  change: unknown;
}): Promise<void> {
  const data = ownPasswordSchema.parse(input.change);
  const [user] = await input.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user?.hash || !(await bcrypt.compare(data.currentPassword, user.hash))) {
    throw new AppError({ code: "unprocessable", messageKey: "wrongCurrentPassword" });
  }
  const passwordHash = await bcrypt.hash(data.newPassword, 10);
  await input.db
    .update(users)
    .set({ passwordHash, mustChangePassword: false })
    .where(eq(users.id, input.userId));
}
