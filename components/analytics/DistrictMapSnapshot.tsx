import type { DistrictMapDrawing } from "@/lib/analytics/draw-district-map";

const ramp = ["#fff5eb", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"];

/** A printable choropleth: districts shaded by their report count, numbers written on them. */
export function DistrictMapSnapshot({
  drawing,
  counts,
  label,
}: {
  drawing: DistrictMapDrawing;
  counts: Array<{ code: string; name: string; reports: number }>;
  label: string;
}) {
  const max = Math.max(1, ...counts.map((c) => c.reports));
  const width = Number(drawing.viewBox.split(" ")[2] ?? 1);
  return (
    <svg
      viewBox={drawing.viewBox}
      role="img"
      aria-label={label}
      className="district-snapshot"
      preserveAspectRatio="xMidYMid meet"
    >
      {drawing.shapes.map((shape) => {
        const count = counts.find((c) => c.code === shape.code);
        const step = Math.min(ramp.length - 1, Math.floor(((count?.reports ?? 0) / max) * (ramp.length - 1)));
        return (
          <g key={shape.code}>
            <path d={shape.path} fill={ramp[step]} stroke="#5f4b3b" strokeWidth={width / 600} />
            <text x={shape.labelX} y={shape.labelY} fontSize={width / 40} textAnchor="middle" fill="#1b1b1b">
              {count?.reports ?? 0}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
