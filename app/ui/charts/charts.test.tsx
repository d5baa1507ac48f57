import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";
import { formatChartDate, niceTicks } from "./format";
import { HeatMap, shade } from "./heat-map";
import { TrendChart } from "./trend-chart";

function cellsOf(html: string, tag: "td" | "th"): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);
}

describe("BarChart", () => {
  const html = renderToStaticMarkup(
    <BarChart
      title="Top topics"
      description="Weight of open needs"
      locale="de"
      labelHeading="Topic"
      valueHeading="Weight"
      items={[
        { label: "Cash flow", value: 12345 },
        { label: "=HYPERLINK()", value: 7 },
      ]}
    />,
  );

  it("names the image and describes it", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/);
    const id = html.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(`<title id="${id}">Top topics</title>`);
    expect(html).toContain("<desc");
    expect(html).toContain("Weight of open needs");
  });

  it("writes numbers in the reader's language, in the bars and the table", () => {
    expect(html).toContain("12.345");
    expect(cellsOf(html, "td")).toEqual(["12.345", "7"]);
    expect(cellsOf(html, "th")).toEqual(["Topic", "Weight", "Cash flow", "=HYPERLINK()"]);
  });

  it("hides the table visually unless asked to show it", () => {
    expect(html).toContain('<div class="sr-only"><table class="chart-table">');
    const shown = renderToStaticMarkup(
      <BarChart title="t" locale="en" labelHeading="a" valueHeading="b" items={[]} showTable />,
    );
    expect(shown).toContain('<div class="chart-table-wrap"><table class="chart-table">');
  });

  it("draws the largest bar full and the others in proportion", () => {
    const bars = [...html.matchAll(/class="chart-bar-fill"/g)];
    expect(bars).toHaveLength(2);
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"[^>]*class="chart-bar-fill"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths[0]).toBe(300);
    expect(widths[1]).toBeCloseTo((7 / 12345) * 300, 5);
  });
});

describe("HeatMap", () => {
  const html = renderToStaticMarkup(
    <HeatMap
      title="Topic by country"
      locale="el"
      rows={["Cash flow", "Marketing"]}
      columns={["GR", "DE"]}
      values={[
        [1500, null],
        [3, 0],
      ]}
      rowHeading="Topic"
      suppressedMark="<3"
      suppressedLabel="fewer than 3"
    />,
  );

  it("shows every cell's number and spells out suppressed ones", () => {
    expect(cellsOf(html, "td")).toEqual(["1.500", "fewer than 3", "3", "0"]);
    expect(html).toContain("&lt;3");
    expect(cellsOf(html, "th")).toEqual(["Topic", "GR", "DE", "Cash flow", "Marketing"]);
  });

  it("is an image named by its title", () => {
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toMatch(/<title[^>]*>Topic by country<\/title>/);
  });

  it("shades from light to dark", () => {
    expect(shade(0)).toBe("#eff6ff");
    expect(shade(1)).toBe("#1e3a8a");
  });
});

describe("TrendChart", () => {
  const html = renderToStaticMarkup(
    <TrendChart
      title="Distance index"
      locale="en-GB"
      dateHeading="Month"
      format={{ style: "percent" }}
      max={1}
      series={[
        {
          name: "All",
          points: [
            { date: "2026-01", value: 0.5 },
            { date: "2026-02", value: 0.25 },
          ],
        },
        { name: "Greece", points: [{ date: "2026-02", value: 1 }] },
      ]}
    />,
  );

  it("tabulates dates by series, with gaps left empty", () => {
    expect(cellsOf(html, "th")).toEqual(["Month", "All", "Greece", "Jan 2026", "Feb 2026"]);
    expect(cellsOf(html, "td")).toEqual(["50%", "", "25%", "100%"]);
  });

  it("draws one line per series with a legend", () => {
    expect([...html.matchAll(/<polyline/g)]).toHaveLength(2);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toMatch(/<text[^>]*>Greece<\/text>/);
  });
});

describe("format", () => {
  it("names months in the reader's language", () => {
    expect(formatChartDate("2026-03", "de")).toBe("März 2026");
    expect(formatChartDate("2026-03-14", "en-GB")).toBe("14 Mar 2026");
  });

  it("makes round ticks reaching the maximum", () => {
    expect(niceTicks(10)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0]);
    const ticks = niceTicks(37);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(37);
  });
});
