import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { setConsultationStatus } from "@/lib/consultations/set-consultation-status";

export const dynamic = "force-dynamic";

/** `{ status: "open" | "closed" }`: opens a draft or closes an open consultation; 409 otherwise. */
export const POST = withStaff<{ id: string }>("permits.manage", async (req, { params }) => {
  const id = Number((await params).id);
  const body = (await req.json().catch(() => null)) as { status?: unknown } | null;
  const result = await setConsultationStatus({ db: await getDb(), consultationId: id, status: body?.status });
  return NextResponse.json(result);
});
