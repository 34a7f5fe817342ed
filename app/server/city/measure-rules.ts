// The rules of a measure's life that do not need the database: status lifecycle, cost shares,
// and the calendar day in Helsinki. "Late" and "stale" are computed in SQL (measures.server.ts)
// so that lists, filters, counts and pages all use one definition.
import type { MeasureStatus } from "../../../db/schema";
import { clock } from "../platform/clock";

export const CLOSED_STATUSES: MeasureStatus[] = ["completed", "discontinued"];
/** Statuses in which a measure is expected to be followed up. */
export const ACTIVE_STATUSES: MeasureStatus[] = ["approved", "in_progress", "delayed", "on_hold"];
export const DUE_SOON_DAYS = 30;

/** Orders of the measure list; "relevance" (whole words first) applies to a search, else the identifier order. */
export const MEASURE_SORTS = ["relevance", "code", "title", "status", "end", "updated", "progress"] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];

/**
 * What the steering summary, the status review and the measure list count, the same way: every
 * measure of the plan within the filter, proposals included, and each page says how many of them
 * are proposals. Where statuses are grouped into columns (the status review and its PDF), the
 * groups are these, so they add up to the total and "in progress" is in progress only.
 */
export const STATUS_COLUMNS = {
  proposed: ["proposed"],
  approved: ["approved"],
  ongoing: ["in_progress"],
  delayedOrOnHold: ["delayed", "on_hold"],
  completed: ["completed"],
  discontinued: ["discontinued"],
} as const satisfies Record<string, readonly MeasureStatus[]>;
export type StatusColumn = keyof typeof STATUS_COLUMNS;
export const STATUS_COLUMN_KEYS = Object.keys(STATUS_COLUMNS) as StatusColumn[];

/** A row's count per status column. */
export function columnCount(counts: Record<MeasureStatus, number>, column: StatusColumn): number {
  return (STATUS_COLUMNS[column] as readonly MeasureStatus[]).reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

/**
 * Which status may follow which. Approval (proposed → approved) is a decision of a coordinator or
 * the steering group; everything else can be reported in a follow-up by the measure's owners.
 */
const TRANSITIONS: Record<MeasureStatus, MeasureStatus[]> = {
  proposed: ["approved", "discontinued"],
  approved: ["in_progress", "delayed", "on_hold", "completed", "discontinued"],
  in_progress: ["delayed", "on_hold", "completed", "discontinued"],
  delayed: ["in_progress", "on_hold", "completed", "discontinued"],
  on_hold: ["in_progress", "delayed", "discontinued"],
  completed: ["in_progress"],
  discontinued: [],
};

export function canTransition(from: MeasureStatus, to: MeasureStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Statuses a follow-up report may set from `current` (approval is not a follow-up). */
export function followUpStatuses(current: MeasureStatus): MeasureStatus[] {
  if (current === "proposed") return [];
  return [current, ...TRANSITIONS[current]];
}

export function requiresApproval(from: MeasureStatus, to: MeasureStatus): boolean {
  return from === "proposed" && to === "approved";
}

/** Cost shares must name each organisation once and total exactly 100 % (to 0.01). */
export function costSharesProblem(shares: { organisationId: number; percent: number }[]): null | "duplicate" | "range" | "total" {
  if (shares.length === 0) return null;
  if (new Set(shares.map((s) => s.organisationId)).size !== shares.length) return "duplicate";
  if (shares.some((s) => !(s.percent > 0 && s.percent <= 100))) return "range";
  const total = Math.round(shares.reduce((sum, s) => sum + s.percent, 0) * 100);
  return total === 10000 ? null : "total";
}

// Swedish formatting gives ISO order; made once, since building a formatter is slow.
const helsinkiDateFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Helsinki as "YYYY-MM-DD" (deadlines are calendar days there). */
export function helsinkiDate(now: Date = clock.now()): string {
  return helsinkiDateFormat.format(now);
}

export function addDaysIso(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Why a measure is late: its end date has passed, or an open task's due date has (lateReasonSql). */
export type LateReason = { kind: "end"; date: string } | { kind: "task"; title: string; date: string };
/** Why a measure is stale: when it was last reported on (null: never) and how often reports are due. */
export type StaleReason = { lastReportAt: number | null; everyDays: number };

/** The reasons as the page shows them, from the JSON columns of lateReasonSql / staleReasonSql. */
export function parseReasons(row: { lateReason: string | null; staleReason: string | null }): {
  lateReason: LateReason | null;
  staleReason: StaleReason | null;
} {
  return {
    lateReason: row.lateReason ? (JSON.parse(row.lateReason) as LateReason) : null,
    staleReason: row.staleReason ? (JSON.parse(row.staleReason) as StaleReason) : null,
  };
}

/** An open task whose due date has passed (by the Helsinki calendar): it makes the measure late. */
export function taskOverdue(task: { state: string; dueDate: string | null }, today: string): boolean {
  return task.state === "open" && task.dueDate !== null && task.dueDate < today;
}
