import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { setupSteps, type SetupStep } from "@/lib/onboarding/draft-schema";
import { saveSetupStep } from "@/lib/onboarding/setup-draft";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** Saves one step of the wizard (JSON body: the step's answers). */
export const PUT = withAdmin<{ step: string }>("admin.manage", async (req, { user, params }) => {
  const { step } = await params;
  if (!(setupSteps as readonly string[]).includes(step))
    throw new AppError({ code: "not_found", messageKey: "setupUnknownStep" });
  const value = await readJson(req);
  if (value === null) throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  const draft = await saveSetupStep({ db: await getDb(), userId: user.id, step: step as SetupStep, value });
  return NextResponse.json({ id: draft.id, data: draft.data, updatedAt: draft.updatedAt.toISOString() });
});
