import { useId } from "react";
import { formatNumber } from "./format";

export type BarItem = { label: string; value: number; note?: string };

/**
 * A horizontal bar chart drawn on the server: an SVG (role="img", named by its title and
 * description) with each bar's value written beside it, and the same figures as a table for
 * screen readers (visually hidden unless `showTable`). No script; prints as it is.
 */
export function BarChart(props: {
  title: string;
  description?: string;
  locale: string;
  items: readonly BarItem[];
  /** Column headings of the table: what the labels are, what the values are. */
  labelHeading: string;
  valueHeading: string;
  noteHeading?: string;
  format?: Intl.NumberFormatOptions;
  /** The value of a full bar (default: the largest value). */
  max?: number;
  showTable?: boolean;
}) {
  const id = useId();
  const { items, locale } = props;
  const max = props.max ?? Math.max(0, ...items.map((item) => item.value));
  const rowHeight = 28;
  const labelWidth = 220;
  const barArea = 300;
  const valueWidth = 80;
  const width = labelWidth + barArea + valueWidth;
  const height = Math.max(rowHeight, items.length * rowHeight) + 4;
  const show = (value: number) => formatNumber(value, locale, props.format);
  return (
    <figure className="chart chart-bar">
      <figcaption id={`${id}-title`} className="chart-title">
        {props.title}
      </figcaption>
      {props.description ? (
        <p id={`${id}-desc`} className="chart-desc">
          {props.description}
        </p>
      ) : null}
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
        {items.map((item, index) => {
          const y = index * rowHeight + 2;
          const length = max > 0 ? Math.max(0, (item.value / max) * barArea) : 0;
          return (
            <g key={`${item.label}-${index}`}>
              <text
                x={labelWidth - 8}
                y={y + rowHeight / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart-label"
              >
                {truncate(item.label, 30)}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={length}
                height={rowHeight - 8}
                className="chart-bar-fill"
              />
              <text
                x={labelWidth + length + 6}
                y={y + rowHeight / 2}
                dominantBaseline="middle"
                className="chart-value"
              >
                {show(item.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className={props.showTable ? "chart-table-wrap" : "sr-only"}>
        <table className="chart-table">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <th scope="col">{props.valueHeading}</th>
              {props.noteHeading ? <th scope="col">{props.noteHeading}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={`${item.label}-${index}`}>
                <th scope="row">{item.label}</th>
                <td>{show(item.value)}</td>
                {props.noteHeading ? <td>{item.note ?? ""}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
