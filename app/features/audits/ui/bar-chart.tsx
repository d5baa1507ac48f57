/**
 * A horizontal bar chart drawn as SVG on the server (no JavaScript, prints). It is an image with
 * a name for screen readers; the figures themselves are in the data table the page puts beside
 * it. To be replaced by the shared charts of app/ui/charts/ when they land.
 */
export function BarChart(props: { label: string; bars: Array<{ label: string; value: number }> }) {
  const { bars } = props;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  const height = bars.length * row + 8;
  return (
    <svg
      className="audit-chart"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 600 ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((bar, i) => {
        const width = Math.max(2, (bar.value / max) * 330);
        const y = i * row + 4;
        return (
          <g key={`${bar.label}-${i}`}>
            <text x="0" y={y + 17} fontSize="13" fill="currentColor">
              {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
            </text>
            <rect x="230" y={y + 4} width={width} height={row - 10} rx="3" fill="#2f6f8f" />
            <text x={236 + width} y={y + 17} fontSize="13" fill="currentColor">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
