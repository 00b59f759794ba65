import "server-only";
import type { Database } from "@/db/client";
import { rolesGrantableByOrgAdmin, type AdminScope } from "@/lib/admin/admin-scope";
import { listAdminOrganisations } from "@/lib/admin/list-admin-organisations";
import { staffRoles } from "@/lib/auth/roles";
import { localized, type Locale } from "@/lib/i18n/config";

/** The roles and organisations the user form offers: an org_admin only their organisations and the staff roles. */
export async function userFormChoices(input: { db: Database; scope: AdminScope; locale: Locale }) {
  const organisations = await listAdminOrganisations({ db: input.db, scope: input.scope });
  return {
    roles: input.scope.all ? [...staffRoles] : [...rolesGrantableByOrgAdmin],
    organisations: organisations.map((o) => ({ id: o.id, name: localized(o.name, input.locale) })),
  };
}
