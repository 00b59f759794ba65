import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { generateOpenData } from "@/lib/open-data/datasets";

export const dynamic = "force-dynamic";

/** Regenerates the open-data files now (they are also regenerated daily). */
export const POST = withStaff("admin.manage", async () => {
  const at = await generateOpenData(await getDb());
  return NextResponse.json({ generatedAt: at.toISOString() });
});
