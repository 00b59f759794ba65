import { redirect } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";

/** The workspace opens on the work queue; planners, who have no queue, open on analytics. */
export default async function StaffHome() {
  const user = await staffForPage();
  if (user && !hasPermission(user.roles, "reports.view") && hasPermission(user.roles, "analytics.view")) redirect("/staff/analytics");
  redirect("/staff/queue");
}
