import { NextResponse } from "next/server";
import { asPublic } from "@/lib/auth/db-scope";
import { withApi } from "@/lib/http";
import { findPlannedWorks } from "@/lib/permits/find-planned-works";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** "What is planned here?": `{ where: Point | Polygon }` → active and upcoming works, public fields only. */
export const POST = withApi(async (req) => {
  const body = (await readJson(req)) as { where?: unknown } | null;
  const permits = await asPublic((db) => findPlannedWorks({ db, where: body?.where ?? null }));
  return NextResponse.json({ permits });
});
