// The steering summary's numbers and the measure-list URLs they link to, in one place: the page
// renders these links and the integration test follows every one of them to the list it opens.
import { MEASURE_STATUSES, type MeasureStatus } from "../../db/schema";

export type SummaryLinkFilters = { priority?: number | "none"; owner?: number; area?: number };
type Extra = Record<string, string | number | readonly string[] | undefined>;

/** The measure list with the summary's filters and `extra` (which wins over them) in its URL. */
export function summaryListHref(planId: number, filters: SummaryLinkFilters, extra: Extra = {}): string {
  const q = new URLSearchParams({ plan: String(planId) });
  if (filters.priority) q.set("priority", String(filters.priority));
  if (filters.owner) q.set("owner", String(filters.owner));
  if (filters.area) q.set("area", String(filters.area));
  for (const [k, v] of Object.entries(extra)) {
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else if (v !== undefined) q.set(k, String(v));
  }
  return `/measures?${q.toString()}`;
}

type AreaRow = { id: number | null; counts: Record<MeasureStatus, number>; total: number; late: number };
type Totals = { counts: Record<MeasureStatus, number>; total: number; late: number; stale: number };

/** A priority area row's own filter value: its id, or "none" for the measures without one. */
export const rowPriority = (a: { id: number | null }) => a.id ?? "none";

/** Every number on the summary that links to the measure list, with the URL it links to. */
export function summaryNumberLinks(planId: number, filters: SummaryLinkFilters, summary: { totals: Totals; areas: AreaRow[] }) {
  const href = (extra: Extra) => summaryListHref(planId, filters, extra);
  const links: { what: string; value: number; href: string }[] = [
    { what: "measures", value: summary.totals.total, href: href({}) },
    { what: "late", value: summary.totals.late, href: href({ late: 1 }) },
    { what: "stale", value: summary.totals.stale, href: href({ stale: 1 }) },
    { what: "completed", value: summary.totals.counts.completed, href: href({ status: "completed" }) },
  ];
  for (const a of summary.areas) {
    const priority = rowPriority(a);
    for (const s of MEASURE_STATUSES)
      if (a.counts[s]) links.push({ what: `${priority}:${s}`, value: a.counts[s], href: href({ priority, status: s }) });
    links.push({ what: `${priority}:total`, value: a.total, href: href({ priority }) });
    if (a.late) links.push({ what: `${priority}:late`, value: a.late, href: href({ priority, late: 1 }) });
  }
  return links;
}
