import { BarChart } from "@mantine/charts";
import { useEffect, useState } from "react";
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

/**
 * Measures by status per priority area. The chart is decorative for assistive technology
 * (aria-hidden); the table next to it carries the same numbers. Rendered after hydration only,
 * because the chart measures its container in the browser.
 */
export function StatusChart({ rows }: { rows: { label: string; counts: Record<string, number> }[] }) {
  const { t } = useTranslation();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  const data = rows.map((r) => ({ area: r.label, ...Object.fromEntries(MEASURE_STATUSES.map((s) => [s, r.counts[s] ?? 0])) }));
  return (
    <div aria-hidden="true">
      <BarChart
        h={Math.max(220, rows.length * 44)}
        data={data}
        dataKey="area"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 220 }}
        withLegend
        series={MEASURE_STATUSES.filter((s) => s !== "proposed").map((s) => ({
          name: s,
          label: t(`measures.status.${s}`),
          color: SERIES_COLOR[s],
        }))}
      />
    </div>
  );
}
