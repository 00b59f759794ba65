import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission } from "@/lib/auth/session";
import { verifyRegistry } from "@/lib/registry/verify-registry";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry"))("title") };
}

/**
 * The registry check on demand: every report's and permit's event chain verified now, and the first
 * broken link of each broken chain named (the same check as `npm run registry:verify`).
 */
export default async function AdminRegistryPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("registry");
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const check = await verifyRegistry({ db: await getDb() });
  const ms = check.durationMs;
  return (
    <main id="main" className="page admin-page">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <p role="status" data-testid="registry-result">
        {check.broken.length === 0
          ? t("intact", { chains: check.chains, events: check.events, ms })
          : t("broken", { count: check.broken.length, chains: check.chains, events: check.events, ms })}
      </p>
      {check.broken.length > 0 ? (
        <ul data-testid="registry-broken">
          {check.broken.map((b) => (
            <li key={`${b.table}-${b.subjectId}`}>
              {tt(`brokenLink_${b.table}`, { subject: b.subjectId, event: b.eventId })} ·{" "}
              {tt(`problem_${b.problem}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
