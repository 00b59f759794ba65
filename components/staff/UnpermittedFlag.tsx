import Link from "next/link";
import { getTranslations } from "next-intl/server";
import "./unpermitted-flag.css";

/** In a queue row: works reported where no active permit covers the spot. */
export async function UnpermittedBadge() {
  const t = await getTranslations("staff");
  return (
    <span className="badge unpermitted-badge" data-testid="unpermitted-badge">
      {t("unpermittedBadge")}
    </span>
  );
}

/** The queue's filter: only works reports without a covering permit, or everything again. */
export async function UnpermittedFilter({ scope, active }: { scope: string; active: boolean }) {
  const t = await getTranslations("staff");
  return (
    <p className="queue-filter">
      <Link
        href={active ? `/staff/queue?scope=${scope}` : `/staff/queue?scope=${scope}&unpermitted=1`}
        aria-pressed={active}
        role="button"
        className="secondary"
      >
        {t("unpermittedFilter")}
      </Link>
    </p>
  );
}
