import { getTranslations } from "next-intl/server";

/** What a staff page shows to someone whose role does not open it. */
export async function Forbidden() {
  const t = await getTranslations("staff");
  return (
    <main id="main" className="page narrow">
      <p role="alert">{t("forbidden")}</p>
    </main>
  );
}
