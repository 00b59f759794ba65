"use client";

import { useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";

export type ListedReport = {
  code: string;
  categoryName: string;
  status: string;
  createdAt: string;
  address: string | null;
  districtName: string | null;
};

export const REPORT_PAGE_SIZE = 20;

/**
 * The reports in view as a list, newest first, a page at a time, each with its place: beside the
 * map on wide screens, behind the "List" switch on phones, and alone where there is no map.
 */
export function ReportList({
  reports,
  summary,
  hidden = false,
}: {
  /** null while loading. */
  reports: ListedReport[] | null;
  /** A line above the list: how many, where. */
  summary?: ReactNode;
  hidden?: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  // The page belongs to one list: a new list (the map moved) starts at its first page.
  const [paging, setPaging] = useState<{ of: ListedReport[] | null; page: number }>({ of: null, page: 0 });
  const page = paging.of === reports ? paging.page : 0;
  const pages = Math.max(1, Math.ceil((reports?.length ?? 0) / REPORT_PAGE_SIZE));
  const shown = (reports ?? []).slice(page * REPORT_PAGE_SIZE, (page + 1) * REPORT_PAGE_SIZE);
  const go = (next: number) => setPaging({ of: reports, page: next });

  return (
    <section
      className="report-list"
      aria-labelledby="report-list-title"
      role="region"
      hidden={hidden}
      data-testid="report-list"
    >
      <h2 id="report-list-title">{t("list.title")}</h2>
      {summary}
      {reports && reports.length === 0 ? <p>{t("list.empty")}</p> : null}
      <ul>
        {shown.map((r) => (
          <li key={r.code}>
            <a href={`/reports/${r.code}`}>
              {t("list.item", {
                category: r.categoryName,
                status: t(`status.${r.status}` as never),
                date: format.dateTime(new Date(r.createdAt), { dateStyle: "medium" }),
              })}
              {r.address || r.districtName ? (
                <span className="hint"> · {[r.address, r.districtName].filter(Boolean).join(", ")}</span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pager" aria-label={t("noMap.pages")}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => go(page - 1)}>
            {t("noMap.previous")}
          </button>
          <span>{t("noMap.page", { page: page + 1, pages })}</span>
          <button
            type="button"
            className="secondary"
            disabled={page + 1 >= pages}
            onClick={() => go(page + 1)}
          >
            {t("noMap.next")}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
