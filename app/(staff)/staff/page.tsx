import { redirect } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The workspace opens on the queue; the permits office, which has no queue, on its register. */
export default async function StaffHome() {
  const user = await staffForPage();
  if (user && !hasPermission(user.roles, "reports.view") && hasPermission(user.roles, "permits.manage")) redirect("/staff/permits");
  redirect("/staff/queue");
}
