"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

export type ConflictItem = {
  id: number;
  reference: string;
  kind: string;
  status: string;
  validFrom: string;
  validTo: string;
  overlapSquareMetres: number;
};

/** The permits a site conflicts with (same place, overlapping period, kinds that cannot share a site). */
export function ConflictList({ conflicts }: { conflicts: ConflictItem[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "medium");
  if (conflicts.length === 0) {
    return (
      <p className="banner success" role="status" data-testid="permit-conflicts">
        {t("permits.noConflicts")}
      </p>
    );
  }
  return (
    <section
      className="banner warning"
      role="status"
      aria-labelledby="conflicts-title"
      data-testid="permit-conflicts"
    >
      <h2 id="conflicts-title">{t("permits.conflictsTitle", { count: conflicts.length })}</h2>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id}>
            <Link href={`/staff/permits/${c.id}`}>{c.reference}</Link>{" "}
            {t("permits.conflictLine", {
              kind: t(`permitKind.${c.kind}` as never),
              status: t(`permitStatus.${c.status}` as never),
              from: day(c.validFrom),
              to: day(c.validTo),
              area: c.overlapSquareMetres,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
