import { getLocale, getTranslations } from "next-intl/server";
import { chooseAdminMunicipalityFromMenu } from "@/app/(admin)/admin/actions";
import { localized, type Locale, type LocalizedText } from "@/lib/i18n/config";

/**
 * The administration's municipality switcher, for an administrator of several municipalities: a
 * plain form (works without JavaScript) posting to a server action that remembers the choice.
 */
export async function AdminMunicipalitySwitcher(props: {
  municipalities: Array<{ id: number; name: LocalizedText }>;
  currentId: number | null;
}) {
  const t = await getTranslations("admin.municipalitySwitcher");
  const locale = (await getLocale()) as Locale;
  return (
    <form action={chooseAdminMunicipalityFromMenu} className="admin-municipality">
      <label htmlFor="admin-municipality">{t("label")}</label>
      <select id="admin-municipality" name="municipalityId" defaultValue={props.currentId ?? undefined}>
        {props.municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {localized(m.name, locale)}
          </option>
        ))}
      </select>
      <button type="submit">{t("choose")}</button>
    </form>
  );
}
