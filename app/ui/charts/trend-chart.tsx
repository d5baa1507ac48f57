import { useId } from "react";
import { formatChartDate, formatNumber, niceTicks } from "./format";

export type TrendPoint = { date: string; value: number };
export type TrendSeries = { name: string; points: readonly TrendPoint[] };

// Colour, dash and marker differ for each series, so lines are told apart without colour.
const looks = [
  { stroke: "#1d4ed8", dash: "", marker: "circle" },
  { stroke: "#b45309", dash: "6 4", marker: "square" },
  { stroke: "#047857", dash: "2 3", marker: "triangle" },
  { stroke: "#7c3aed", dash: "10 3 2 3", marker: "diamond" },
] as const;

/**
 * A trend over time drawn on the server: one or more series of {date, value} ("YYYY-MM" or
 * "YYYY-MM-DD"), dates and numbers in the reader's language, a legend, and the figures as a
 * table (dates × series) for screen readers.
 */
export function TrendChart(props: {
  title: string;
  description?: string;
  locale: string;
  series: readonly TrendSeries[];
  dateHeading: string;
  format?: Intl.NumberFormatOptions;
  /** Top of the value axis (default: the largest value, rounded up). */
  max?: number;
  showTable?: boolean;
}) {
  const id = useId();
  const { locale, series } = props;
  const show = (value: number) => formatNumber(value, locale, props.format);
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const ticks = niceTicks(
    props.max ?? Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value))),
  );
  const top = ticks[ticks.length - 1] || 1;
  const left = 64;
  const right = 16;
  const plotWidth = 520;
  const plotHeight = 200;
  const topPad = 12;
  const legendHeight = series.length > 1 ? 24 * series.length : 0;
  const width = left + plotWidth + right;
  const height = topPad + plotHeight + 40 + legendHeight;
  const xOf = (date: string) => {
    const index = dates.indexOf(date);
    return dates.length <= 1
      ? left + plotWidth / 2
      : left + (index / (dates.length - 1)) * plotWidth;
  };
  const yOf = (value: number) => topPad + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(dates.length / 6));
  return (
    <figure className="chart chart-trend">
      <figcaption className="chart-title">{props.title}</figcaption>
      {props.description ? <p className="chart-desc">{props.description}</p> : null}
      <svg
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={props.description ? `${id}-svg-desc` : undefined}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        className="chart-svg"
      >
        <title id={`${id}-svg-title`}>{props.title}</title>
        {props.description ? <desc id={`${id}-svg-desc`}>{props.description}</desc> : null}
        {ticks.map((tick) => (
          <g key={`t-${tick}`}>
            <line
              x1={left}
              x2={left + plotWidth}
              y1={yOf(tick)}
              y2={yOf(tick)}
              stroke="#d1d5db"
              strokeWidth="1"
            />
            <text
              x={left - 6}
              y={yOf(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {show(tick)}
            </text>
          </g>
        ))}
        {dates.map((date, index) =>
          index % labelEvery === 0 || index === dates.length - 1 ? (
            <text
              key={`d-${date}`}
              x={xOf(date)}
              y={topPad + plotHeight + 20}
              textAnchor="middle"
              className="chart-label"
            >
              {formatChartDate(date, locale)}
            </text>
          ) : null,
        )}
        {series.map((s, index) => {
          const look = looks[index % looks.length];
          const points = [...s.points].sort((a, b) => a.date.localeCompare(b.date));
          return (
            <g key={`s-${s.name}-${index}`}>
              <polyline
                fill="none"
                stroke={look.stroke}
                strokeWidth="2.5"
                strokeDasharray={look.dash || undefined}
                points={points.map((p) => `${xOf(p.date)},${yOf(p.value)}`).join(" ")}
              />
              {points.map((p) => (
                <Marker
                  key={p.date}
                  kind={look.marker}
                  x={xOf(p.date)}
                  y={yOf(p.value)}
                  colour={look.stroke}
                />
              ))}
            </g>
          );
        })}
        {series.length > 1
          ? series.map((s, index) => {
              const look = looks[index % looks.length];
              const y = topPad + plotHeight + 40 + index * 24;
              return (
                <g key={`l-${s.name}-${index}`}>
                  <line
                    x1={left}
                    x2={left + 32}
                    y1={y}
                    y2={y}
                    stroke={look.stroke}
                    strokeWidth="2.5"
                    strokeDasharray={look.dash || undefined}
                  />
                  <Marker kind={look.marker} x={left + 16} y={y} colour={look.stroke} />
                  <text x={left + 40} y={y} dominantBaseline="middle" className="chart-label">
                    {s.name}
                  </text>
                </g>
              );
            })
          : null}
      </svg>
      <div className={props.showTable ? "chart-table-wrap" : "sr-only"}>
        <table className="chart-table">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.dateHeading}</th>
              {series.map((s, index) => (
                <th scope="col" key={`h-${s.name}-${index}`}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((date) => (
              <tr key={`r-${date}`}>
                <th scope="row">{formatChartDate(date, locale)}</th>
                {series.map((s, index) => {
                  const point = s.points.find((p) => p.date === date);
                  return <td key={`v-${s.name}-${index}`}>{point ? show(point.value) : ""}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Marker(props: { kind: string; x: number; y: number; colour: string }) {
  const { x, y, colour } = props;
  if (props.kind === "square")
    return <rect x={x - 4} y={y - 4} width="8" height="8" fill={colour} />;
  if (props.kind === "triangle")
    return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} fill={colour} />;
  if (props.kind === "diamond")
    return (
      <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} fill={colour} />
    );
  return <circle cx={x} cy={y} r="4" fill={colour} />;
}
