import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withApi } from "@/lib/http";
import { findPlannedWorks } from "@/lib/permits/find-planned-works";

export const dynamic = "force-dynamic";

/** "What is planned here?": `{ where: Point | Polygon }` → active and upcoming works, public fields only. */
export const POST = withApi(async (req) => {
  const body = (await req.json().catch(() => null)) as { where?: unknown } | null;
  const permits = await findPlannedWorks({ db: await getDb(), where: body?.where ?? null });
  return NextResponse.json({ permits });
});
