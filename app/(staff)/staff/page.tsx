import { redirect } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The workspace opens on the queue; the permits office and planners, who have no queue, on their own pages. */
export default async function StaffHome() {
  const user = await staffForPage();
  if (user && !hasPermission(user, "reports.view") && hasPermission(user, "permits.manage"))
    redirect("/staff/permits");
  if (user && !hasPermission(user, "reports.view") && hasPermission(user, "analytics.view"))
    redirect("/staff/analytics");
  redirect("/staff/queue");
}
