import type { Permission } from "../auth/permissions";

/**
 * The administration's sections, in menu order: add an entry here and it appears in the menu for
 * the roles holding its permission (the page itself checks the same permission on the server).
 */
export const adminSections: ReadonlyArray<{ href: string; labelKey: string; permission: Permission }> = [
  { href: "/admin/organisations", labelKey: "admin.nav.organisations", permission: "organisation.manage" },
  { href: "/admin/categories", labelKey: "admin.nav.categories", permission: "admin.manage" },
  { href: "/admin/users", labelKey: "admin.nav.users", permission: "organisation.manage" },
  { href: "/admin/calendar", labelKey: "admin.nav.calendar", permission: "admin.manage" },
  { href: "/admin/open311", labelKey: "admin.nav.open311", permission: "admin.manage" },
  { href: "/admin/setup", labelKey: "admin.nav.setup", permission: "admin.manage" },
  { href: "/admin/import", labelKey: "admin.nav.import", permission: "admin.manage" },
  { href: "/admin/templates", labelKey: "admin.nav.templates", permission: "admin.manage" },
  { href: "/admin/registry", labelKey: "admin.nav.registry", permission: "admin.manage" },
  { href: "/admin/privacy", labelKey: "admin.nav.privacy", permission: "admin.manage" },
];
