import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listModerationHistory } from "@/lib/moderation/list-moderation-history";
import { moderateReport } from "@/lib/moderation/moderate-report";
import { moderationStepSchema } from "@/lib/moderation/moderation-schema";

export const dynamic = "force-dynamic";

/**
 * One moderation step on a report (`{ type, reason, note?, … }`, see moderation-schema): 200 with
 * the report's moderation history; 403 when the user does not moderate its municipality.
 */
export const POST = withStaff<{ id: string }>("staff.workspace", async (req, { params, user }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id)) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  const step = moderationStepSchema.parse(await req.json().catch(() => null));
  const db = await getDb();
  await moderateReport({ db, moderator: user, reportId: id, step });
  return NextResponse.json({ history: await listModerationHistory({ db, reportId: id }) });
});
