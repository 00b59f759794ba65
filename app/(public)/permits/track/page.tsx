import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { asPublic } from "@/lib/auth/db-scope";
import { trackPermit } from "@/lib/permits/track-permit";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("permits"))("trackTitle"),
    description: (await getTranslations("meta"))("permitsTrack"),
  };
}

type Props = { searchParams: Promise<{ number?: string; key?: string }> };

/**
 * An application followed by its registry number and the applicant's tracking key: status, decision
 * deadline, steps and the office's reasons. Without the key, a permit of the public record only. A
 * plain GET form.
 */
export default async function TrackPermitPage({ searchParams }: Props) {
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = await getFormatter();
  const { number, key } = await searchParams;
  const permit = number ? await asPublic((db) => trackPermit({ db, reference: number, key })) : null;
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "long");
  const when = (iso: string) => format.dateTime(new Date(iso), "mediumWithTime");
  return (
    <main id="main" className="page narrow">
      <h1>{t("permits.trackTitle")}</h1>
      <form method="get" action="/permits/track" className="track-form">
        <label htmlFor="permit-number">{t("permits.trackLabel")}</label>
        <input
          id="permit-number"
          name="number"
          defaultValue={number ?? ""}
          autoComplete="off"
          maxLength={40}
          required
          aria-invalid={number && !permit ? true : undefined}
          aria-describedby={number && !permit ? "permit-number-error" : "permit-number-hint"}
        />
        <p id="permit-number-hint" className="hint">
          {t("permits.trackHint", { example: "344-12/2026-IV" })}
        </p>
        <label htmlFor="permit-key">{t("permits.trackKeyLabel")}</label>
        <input
          id="permit-key"
          name="key"
          defaultValue={key ?? ""}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          aria-invalid={number && !permit ? true : undefined}
          aria-describedby={number && !permit ? "permit-number-error" : "permit-key-hint"}
        />
        <p id="permit-key-hint" className="hint">
          {t("permits.trackKeyHint", { example: "7F3A-09C2-B41D" })}
        </p>
        {number && !permit ? (
          <p id="permit-number-error" className="form-error" role="alert">
            {t("permits.trackNotFound")}
          </p>
        ) : null}
        <button type="submit" className="primary">
          {t("track.submit")}
        </button>
      </form>
      {permit ? (
        <section aria-labelledby="tracked-title" data-testid="tracked-permit">
          <h2 id="tracked-title">{permit.reference}</h2>
          {permit.withKey ? null : <p className="hint">{t("permits.trackWithoutKey")}</p>}
          <dl className="facts">
            <dt>{t("permits.status")}</dt>
            <dd>{tt(`permitStatus.${permit.status}`)}</dd>
            <dt>{t("permits.kind")}</dt>
            <dd>{tt(`permitKind.${permit.kind}`)}</dd>
            <dt>{t("permits.period")}</dt>
            <dd>
              {day(permit.validFrom)} – {day(permit.validTo)}
            </dd>
            <dt>{t("permits.decisionDue")}</dt>
            <dd>{permit.decisionDueAt ? when(permit.decisionDueAt) : "—"}</dd>
            <dt>{t("permits.worksDescription")}</dt>
            <dd>{permit.works}</dd>
          </dl>
          <ol className="timeline">
            {permit.steps.map((s, i) => (
              <li key={i}>
                <time dateTime={s.at}>{when(s.at)}</time> <strong>{tt(`permitStatus.${s.status}`)}</strong>
                {s.note ? <p>{s.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </main>
  );
}
