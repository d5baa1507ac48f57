export { BarChart, type BarItem } from "./bar-chart";
export { formatChartDate, formatNumber } from "./format";
export { HeatMap } from "./heat-map";
export { TrendChart, type TrendPoint, type TrendSeries } from "./trend-chart";
