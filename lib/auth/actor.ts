import { effectiveMemberships } from "./permissions";
import type { Actor } from "./roles";
import type { SessionUser } from "./staff-user";

/** A signed-in staff member as the procedure sees them: each role in the scope it was granted in. */
export function actorOfUser(user: SessionUser): Actor {
  return {
    kind: "staff",
    userId: user.id,
    memberships: effectiveMemberships(user).map((m) => ({
      role: m.role,
      organisationId: m.organisationId,
      municipalityId: m.municipalityId,
    })),
  };
}
