import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { listPermits, permitFiltersSchema } from "@/lib/permits/list-permits";
import { registerPermit } from "@/lib/permits/register-permit";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** The permit register with its filters: `?status=&kind=&q=&on=`. */
export const GET = withStaff("permits.manage", async (req, { user }) => {
  const filters = permitFiltersSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const permits = await listPermits({ db: await getDb(), municipalityIds: user.municipalityIds, filters });
  return NextResponse.json({ permits });
});

/** The permits office registers a permit (drawn or imported site): 201 with its number and the conflicts found. */
export const POST = withStaff("permits.manage", async (req, { user, locale }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const registered = await registerPermit({
    db: await getDb(),
    application: { locale, ...body } as never,
    channel: "office",
    actorUserId: user.id,
    municipalityIds: user.municipalityIds,
  });
  return NextResponse.json(registered, { status: registered.created ? 201 : 200 });
});
