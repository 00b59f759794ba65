import type { MunicipalityOverview as Overview } from "@/lib/map/get-overview";

/**
 * The municipality's outline, local communities and reports as a small server-drawn picture (no
 * tiles, no script): what a phone shows above the list until the reader asks for the map.
 */
export function MunicipalityOverview({ overview }: { overview: Overview }) {
  return (
    <svg
      className="overview-map"
      viewBox={overview.viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
      data-testid="overview-map"
      data-reports={overview.reports}
    >
      <g fill="none" stroke="#7b8794" strokeWidth={1} vectorEffect="non-scaling-stroke">
        {overview.districts.map((d, i) => (
          <path key={i} d={d} vectorEffect="non-scaling-stroke" />
        ))}
      </g>
      <path
        d={overview.boundary}
        fill="rgba(26, 61, 109, 0.06)"
        stroke="#1a3d6d"
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
      <path
        d={overview.dots}
        fill="none"
        stroke="#c5221f"
        strokeWidth={5}
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
