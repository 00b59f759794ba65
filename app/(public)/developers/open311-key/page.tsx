import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Open311KeyForm } from "@/components/forms/Open311KeyForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developers"))("title") };
}

/** Open311's `key_service`: where an application's developer asks for a key to post requests. */
export default async function Open311KeyPage() {
  const t = await getTranslations("developers");
  return (
    <main id="main" className="page narrow developers">
      <h1>{t("title")}</h1>
      <p>{t("intro", { standard: "Open311 GeoReport v2" })}</p>
      <p className="hint">
        {t("reading")} <a href="/open311/v2/discovery.json">discovery.json</a> ·{" "}
        <a href="/api/ogc">OGC API – Features</a> · <a href="/api/map/style.json">style.json</a>
      </p>
      <Open311KeyForm />
    </main>
  );
}
