import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { numberParam } from "@/lib/http";
import { previewRouting } from "@/lib/routing/preview-routing";

export const dynamic = "force-dynamic";

/** Who would handle a report of this category here, and by when: `?service=&lng=&lat=`. */
export const GET = withStaff("reports.intake", async (req, { locale }) => {
  const serviceCode = req.nextUrl.searchParams.get("service") ?? "";
  const position: [number, number] = [numberParam(req, "lng"), numberParam(req, "lat")];
  const preview = await previewRouting({ db: await getDb(), serviceCode, position, locale });
  if (!preview) throw new AppError({ code: "unprocessable", messageKey: "categoryNotOffered" });
  return NextResponse.json(preview, { headers: { "cache-control": "no-store" } });
});
