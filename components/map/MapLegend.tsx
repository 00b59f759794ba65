import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consultationColour, permitColour, statusGroupColours } from "@/lib/map/style";
import { clusterColour, clusterOpenRing } from "@/lib/map/report-layers";
import { STATUS_SHAPE_BOX, statusShapePaths } from "@/lib/map/status-shapes";
import { statusGroups } from "@/lib/workflow/states";

export async function MapLegend({ approximate }: { approximate: boolean }) {
  const t = await getTranslations();
  return (
    <aside className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t("legend.title")}</h2>
      <h3>{t("legend.reports")}</h3>
      <ul>
        {statusGroups.map((group) => (
          <li key={group}>
            <svg
              className={`swatch shape status-${group}`}
              viewBox={`-1 -1 ${STATUS_SHAPE_BOX + 2} ${STATUS_SHAPE_BOX + 2}`}
              aria-hidden
              focusable="false"
            >
              <path
                d={statusShapePaths[group]}
                fill={statusGroupColours[group]}
                stroke="#ffffff"
                strokeWidth={1}
              />
            </svg>
            {t(`statusGroup.${group}`)}
          </li>
        ))}
      </ul>
      <h3>{t("legend.clusters")}</h3>
      <ul className="legend-clusters">
        <li>
          <svg className="swatch cluster" viewBox="0 0 28 28" aria-hidden focusable="false">
            <circle cx="14" cy="14" r="12" fill={clusterColour} stroke="#ffffff" strokeWidth="1.5" />
            <text x="14" y="18.5" textAnchor="middle" fill="#ffffff" fontSize="12" fontWeight="700">
              12
            </text>
          </svg>
          <span>{t("legend.cluster")}</span>
        </li>
        <li>
          <svg className="swatch cluster" viewBox="0 0 28 28" aria-hidden focusable="false">
            <circle cx="14" cy="14" r="11.5" fill={clusterColour} stroke={clusterOpenRing} strokeWidth="3" />
            <text x="14" y="18.5" textAnchor="middle" fill="#ffffff" fontSize="12" fontWeight="700">
              5
            </text>
          </svg>
          <span>{t("legend.clusterOpen")}</span>
        </li>
      </ul>
      <ul>
        <li>
          <span
            className="swatch area"
            style={{ background: `${permitColour}55`, borderColor: permitColour }}
            aria-hidden
          />
          {t("legend.permits")}
        </li>
        <li data-testid="legend-consultations">
          <span
            className="swatch area"
            style={{
              background: `${consultationColour}40`,
              borderColor: consultationColour,
              borderStyle: "dashed",
            }}
            aria-hidden
          />
          <span>
            {t("legend.consultations")} · <Link href="/consultations">{t("legend.consultationsLink")}</Link>
          </span>
        </li>
        <li>
          <span className="swatch line boundary" aria-hidden />
          {t("legend.boundary")}
        </li>
        <li>
          <span className="swatch line district" aria-hidden />
          {t("legend.districts")}
        </li>
      </ul>
      {approximate ? <p className="note">{t("legend.approximate")}</p> : null}
    </aside>
  );
}
