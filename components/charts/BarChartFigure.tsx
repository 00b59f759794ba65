"use client";

import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string; color: string };

/**
 * A bar chart (grouped or stacked) drawn as SVG at a fixed size that scales with the page, so it
 * renders the same on the server, in the browser and in print. The chart is a picture for sighted
 * readers; the figure's data table beside it carries the same numbers for everyone else.
 */
export function BarChartFigure({
  data,
  xKey,
  series,
  label,
  stacked = false,
  percent = false,
  downloadLabel,
  fileName,
  height = 260,
}: {
  data: Array<Record<string, string | number | null>>;
  xKey: string;
  series: ChartSeries[];
  label: string;
  stacked?: boolean;
  percent?: boolean;
  downloadLabel?: string;
  fileName?: string;
  height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const format = (value: unknown) =>
    percent && typeof value === "number" ? `${Math.round(value * 100)} %` : String(value ?? "");
  return (
    <div className="chart">
      <div ref={holder} role="img" aria-label={label} className="chart-picture">
        <BarChart
          width={640}
          height={height}
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={format}
            domain={percent ? [0, 1] : [0, "auto"]}
            allowDecimals={!percent}
          />
          <Tooltip formatter={(value) => format(value)} isAnimationActive={false} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={stacked ? "stack" : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      {downloadLabel && fileName ? (
        <button
          type="button"
          className="link-button no-print"
          onClick={() => downloadSvg(holder.current, fileName)}
        >
          {downloadLabel}
        </button>
      ) : null}
    </div>
  );
}

/** Saves the chart's SVG as a file (vector, prints and scales cleanly in council documents). */
function downloadSvg(holder: HTMLElement | null, fileName: string): void {
  const svg = holder?.querySelector("svg");
  if (!svg) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const blob = new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
