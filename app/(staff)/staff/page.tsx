import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isPhoneBrowser, staffLandingPath } from "@/lib/auth/staff-landing";
import { staffForPage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The workspace opens where the user's daily work is: the queue, the field app, permits, analytics. */
export default async function StaffHome() {
  const user = await staffForPage();
  if (!user) redirect("/staff/queue");
  redirect(staffLandingPath({ user, onPhone: isPhoneBrowser(await headers()) }));
}
