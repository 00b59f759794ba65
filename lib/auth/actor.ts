import { effectiveRoles, primaryRole } from "./permissions";
import type { Actor } from "./roles";
import type { SessionUser } from "./staff-user";

/** A signed-in staff member as the procedure sees them. */
export function actorOfUser(user: SessionUser): Actor {
  return {
    kind: "staff",
    userId: user.id,
    role: primaryRole(effectiveRoles(user)),
    organisationIds: user.organisationIds,
  };
}
