import { redirect } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";
import { adminSections } from "@/lib/admin/admin-sections";

export const dynamic = "force-dynamic";

/** The administration opens on the first section the user may use (the layout refuses everyone else). */
export default async function AdminHome() {
  const user = await staffForPage();
  const first = user ? adminSections.find((s) => hasPermission(user, s.permission)) : undefined;
  redirect(first?.href ?? "/staff");
}
