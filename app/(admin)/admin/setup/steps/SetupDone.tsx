"use client";

import { useTranslations } from "next-intl";

export type Finished = {
  municipalityCode: string;
  invitations: Array<{ email: string; link: string | null; existingUser: boolean }>;
};

/** The finished wizard: the new municipality's map and the invitations (links when no mail was sent). */
export function SetupDone({ finished }: { finished: Finished }) {
  const t = useTranslations("setup");
  return (
    <section aria-labelledby="setup-done" className="setup-done">
      <h2 id="setup-done">{t("done.title")}</h2>
      <p>{t("done.intro")}</p>
      <p>
        <a href={`/?municipality=${encodeURIComponent(finished.municipalityCode)}`}>{t("done.openMap")}</a>
      </p>
      {finished.invitations.length > 0 ? (
        <table>
          <caption>{t("done.invitations")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.email")}</th>
              <th scope="col">{t("done.invitation")}</th>
            </tr>
          </thead>
          <tbody>
            {finished.invitations.map((i) => (
              <tr key={i.email}>
                <td>{i.email}</td>
                <td>
                  {i.existingUser ? (
                    t("done.existingUser")
                  ) : i.link ? (
                    <code>{i.link}</code>
                  ) : (
                    t("done.emailed")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
