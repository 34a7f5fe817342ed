// The bars of StatusChart, in a chunk of their own: the chart library (recharts through
// @mantine/charts) is the largest part of the steering page's JavaScript, and the page is
// readable without it (the table carries the same numbers), so it loads after the page.
import { BarChart } from "@mantine/charts";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "../../db/schema";

const SERIES_COLOR: Record<string, string> = {
  proposed: "gray.5",
  approved: "city.3",
  in_progress: "city.6",
  delayed: "orange.5",
  on_hold: "gray.7",
  completed: "green.6",
  discontinued: "red.6",
};

export type StatusChartRow = { label: string; counts: Record<string, number> };

export default function StatusChartBars({ rows }: { rows: StatusChartRow[] }) {
  const { t } = useTranslation();
  // On a phone the area's code stands for its name (the table under the chart names it), so the
  // chart fits the screen; every area keeps its label (interval 0: recharts drops labels otherwise).
  const narrow = useMediaQuery("(max-width: 36em)") ?? false;
  const data = rows.map((r) => ({ area: r.label, ...Object.fromEntries(MEASURE_STATUSES.map((s) => [s, r.counts[s] ?? 0])) }));
  return (
    <BarChart
      h={Math.max(220, rows.length * 44)}
      data={data}
      dataKey="area"
      type="stacked"
      orientation="vertical"
      yAxisProps={{
        width: narrow ? 48 : 220,
        interval: 0,
        tickFormatter: (label: string) => (narrow ? (label.split(" ")[0] ?? label) : label),
      }}
      withLegend
      series={MEASURE_STATUSES.filter((s) => s !== "proposed").map((s) => ({
        name: s,
        label: t(`measures.status.${s}`),
        color: SERIES_COLOR[s],
      }))}
    />
  );
}
