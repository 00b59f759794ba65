import { getTranslations } from "next-intl/server";
import { permitColour, statusGroupColours } from "@/lib/map/style";
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
      <ul>
        <li>
          <span
            className="swatch area"
            style={{ background: `${permitColour}55`, borderColor: permitColour }}
            aria-hidden
          />
          {t("legend.permits")}
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
