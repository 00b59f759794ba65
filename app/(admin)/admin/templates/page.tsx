import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";
import { addResponseTemplate, withdrawResponseTemplate } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("title") };
}

/** Response templates of the administrator's municipality: the list, and a form to add one. */
export default async function AdminTemplatesPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const municipalityId = scope.municipalityId;
  if (municipalityId === null) return <Forbidden />;
  const tr = await getTranslations();
  const tt = tr as unknown as (key: string) => string;
  const locale = (await getLocale()) as Locale;
  const [templates, categories] = await Promise.all([
    db
      .select()
      .from(t.responseTemplates)
      .where(
        and(eq(t.responseTemplates.municipalityId, municipalityId), eq(t.responseTemplates.active, true)),
      )
      .orderBy(asc(t.responseTemplates.id)),
    db
      .select({ id: t.serviceCategories.id, name: t.serviceCategories.name })
      .from(t.serviceCategories)
      .where(eq(t.serviceCategories.municipalityId, municipalityId))
      .orderBy(asc(t.serviceCategories.sortOrder)),
  ]);
  const categoryName = (id: number | null) =>
    id === null ? tt("templates.anyCategory") : localized(categories.find((c) => c.id === id)?.name, locale);
  return (
    <main id="main" className="page admin-page">
      <h1>{tt("templates.title")}</h1>
      <p className="hint">{tt("templates.intro")}</p>
      <table data-testid="templates">
        <thead>
          <tr>
            <th>{tt("templates.name")}</th>
            <th>{tt("templates.category")}</th>
            <th>{tt("templates.setsStatus")}</th>
            <th>{tt("templates.text")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {templates.map((tpl) => (
            <tr key={tpl.id}>
              <td>{localized(tpl.title, locale)}</td>
              <td>{categoryName(tpl.categoryId)}</td>
              <td>{tpl.setsStatus ? tt(`status.${tpl.setsStatus}`) : tt("templates.anyStatus")}</td>
              <td>{localized(tpl.body, locale)}</td>
              <td>
                <form action={withdrawResponseTemplate}>
                  <input type="hidden" name="municipalityId" value={municipalityId} />
                  <input type="hidden" name="id" value={tpl.id} />
                  <button type="submit" className="secondary">
                    {tt("templates.withdraw")}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tt("templates.add")}</h2>
      <form action={addResponseTemplate} className="admin-form">
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <label htmlFor="tpl-category">{tt("templates.category")}</label>
        <select id="tpl-category" name="categoryId" defaultValue="">
          <option value="">{tt("templates.anyCategory")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {localized(c.name, locale)}
            </option>
          ))}
        </select>
        <label htmlFor="tpl-status">{tt("templates.setsStatus")}</label>
        <select id="tpl-status" name="setsStatus" defaultValue="">
          <option value="">{tt("templates.anyStatus")}</option>
          {t.reportStatus.enumValues.map((s) => (
            <option key={s} value={s}>
              {tt(`status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="tpl-title-sr">{tt("templates.nameSr")}</label>
        <input id="tpl-title-sr" name="titleSr" required maxLength={120} />
        <label htmlFor="tpl-title-en">{tt("templates.nameEn")}</label>
        <input id="tpl-title-en" name="titleEn" required maxLength={120} />
        <label htmlFor="tpl-body-sr">{tt("templates.textSr")}</label>
        <textarea id="tpl-body-sr" name="bodySr" required maxLength={2000} rows={3} />
        <label htmlFor="tpl-body-en">{tt("templates.textEn")}</label>
        <textarea id="tpl-body-en" name="bodyEn" required maxLength={2000} rows={3} />
        <button type="submit">{tt("templates.save")}</button>
      </form>
    </main>
  );
}
