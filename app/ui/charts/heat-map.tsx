import { useId } from "react";
import { truncate } from "./bar-chart";
import { formatNumber } from "./format";

/**
 * A heat map drawn on the server: rows × columns, each cell shaded by its value and showing the
 * number itself (so no meaning rests on colour alone); null is a suppressed cell (a group too
 * small to show), drawn hatched with `suppressedMark` and spelt out in the table.
 */
export function HeatMap(props: {
  title: string;
  description?: string;
  locale: string;
  rows: readonly string[];
  columns: readonly string[];
  /** values[row][column]; null: suppressed. */
  values: ReadonlyArray<ReadonlyArray<number | null>>;
  rowHeading: string;
  /** Shown in a suppressed cell (short, e.g. "<3"). */
  suppressedMark: string;
  /** Said for a suppressed cell in the table (e.g. "fewer than 3"). */
  suppressedLabel: string;
  format?: Intl.NumberFormatOptions;
  showTable?: boolean;
}) {
  const id = useId();
  const { rows, columns, values, locale } = props;
  const show = (value: number) => formatNumber(value, locale, props.format);
  const all = values.flat().filter((v): v is number => v !== null);
  const max = Math.max(0, ...all);
  const labelWidth = 200;
  const cell = 56;
  const headHeight = 90;
  // Room on the right for the last column's slanted heading, which rises to the right.
  const width = labelWidth + columns.length * cell + 64;
  const height = headHeight + rows.length * cell + 4;
  return (
    <figure className="chart chart-heat">
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
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#f3f4f6" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" strokeWidth="2" />
          </pattern>
        </defs>
        {columns.map((column, c) => (
          <text
            key={`c-${column}-${c}`}
            x={labelWidth + c * cell + cell / 2}
            y={headHeight - 6}
            transform={`rotate(-45 ${labelWidth + c * cell + cell / 2} ${headHeight - 6})`}
            className="chart-label"
          >
            {truncate(column, 14)}
          </text>
        ))}
        {rows.map((row, r) => (
          <g key={`r-${row}-${r}`}>
            <text
              x={labelWidth - 8}
              y={headHeight + r * cell + cell / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {truncate(row, 25)}
            </text>
            {columns.map((column, c) => {
              const value = values[r]?.[c] ?? null;
              const x = labelWidth + c * cell;
              const y = headHeight + r * cell;
              const share = value === null || max === 0 ? 0 : value / max;
              return (
                <g key={`v-${column}-${c}`}>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={cell - 2}
                    height={cell - 2}
                    fill={value === null ? `url(#${id}-hatch)` : shade(share)}
                    stroke="#6b7280"
                    strokeWidth="0.5"
                  />
                  <text
                    x={x + cell / 2}
                    y={y + cell / 2}
                    textAnchor="middle"
                    dominantBaseline="middle"
                    fill={value !== null && share > 0.5 ? "#ffffff" : "#111827"}
                    className="chart-cell"
                  >
                    {value === null ? props.suppressedMark : show(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <div className={props.showTable ? "chart-table-wrap" : "sr-only"}>
        <table className="chart-table">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.rowHeading}</th>
              {columns.map((column, c) => (
                <th scope="col" key={`h-${column}-${c}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={`t-${row}-${r}`}>
                <th scope="row">{row}</th>
                {columns.map((column, c) => {
                  const value = values[r]?.[c] ?? null;
                  return (
                    <td key={`d-${column}-${c}`}>
                      {value === null ? props.suppressedLabel : show(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/**
 * One blue from very light to dark by share (0–1). Up to 0.5 the text on it is near-black
 * (contrast ≥ 7:1 on the lightest, ≥ 4.5:1 at 0.5); above it white (≥ 4.5:1).
 */
export function shade(share: number): string {
  const stops = ["#eff6ff", "#bfdbfe", "#93c5fd", "#1d4ed8", "#1e3a8a"];
  if (share <= 0) return stops[0];
  if (share <= 0.2) return stops[1];
  if (share <= 0.5) return stops[2];
  if (share <= 0.8) return stops[3];
  return stops[4];
}
