import { lazy, Suspense, useEffect, useState } from "react";
import type { StatusChartRow } from "./StatusChartBars";

const StatusChartBars = lazy(() => import("./StatusChartBars"));

/**
 * Measures by status per priority area. The chart is decorative for assistive technology
 * (aria-hidden); the table next to it carries the same numbers. Rendered after hydration only,
 * because the chart measures its container in the browser, and loaded then too (StatusChartBars).
 */
export function StatusChart({ rows }: { rows: StatusChartRow[] }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return (
    // Clipped at the card: a tooltip near the edge must not widen a phone's page.
    <div aria-hidden="true" style={{ overflow: "clip" }}>
      <Suspense fallback={null}>
        <StatusChartBars rows={rows} />
      </Suspense>
    </div>
  );
}
