// The steering group's live status summary: everything is an aggregate over the same measure
// conditions the measure list uses, so every number equals the list it links to.
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  followUps,
  measures,
  measureTasks,
  organisations,
  priorityAreas,
  users,
  MEASURE_STATUSES,
  type MeasureStatus,
} from "../../../db/schema";
import { db } from "../platform/db.server";
import { addDaysIso, helsinkiDate, parseReasons } from "../city/measure-rules";
import {
  dueSoonSql,
  filterConditions,
  lateReasonSql,
  lateSql,
  staleReasonSql,
  staleSql,
  type MeasureFilters,
} from "../city/measures.server";
import { clock } from "../platform/clock";
import { cachedRead } from "../platform/read-cache.server";
import { measureTitles, prefixedNamesOf, columnsOf } from "../platform/select-names";

/** priorityAreaId "none": the measures without a priority area (the summary's last row). */
export type SummaryFilters = { priorityAreaId?: number | "none"; ownerId?: number; areaId?: number };
export const DEADLINE_HORIZON_DAYS = 90;
/**
 * The summary names the most urgent measures and deadlines; the full lists are one click away in
 * the measure list. A city-sized plan has hundreds of late measures, and a page listing them all
 * was neither readable at a glance nor fast.
 */
export const SUMMARY_LIST_LIMIT = 15;
export const DEADLINE_LIST_LIMIT = 20;

type StatusCounts = Record<MeasureStatus, number>;
const emptyCounts = (): StatusCounts => Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as StatusCounts;

function baseFilters(planId: number, f: SummaryFilters): MeasureFilters {
  return { planId, priorityAreaId: f.priorityAreaId, ownerId: f.ownerId, areaId: f.areaId };
}

/**
 * Measures per priority area (status counts, late, stale, progress) and the plan's overall progress:
 * the steering summary's table, and with `publicOnly` the public front page's figures, counted over
 * the same conditions as the measure list they link to.
 */
export function priorityAreaProgress(planId: number, f: SummaryFilters, now: Date, publicOnly: boolean) {
  const d = db();
  const where = and(...filterConditions(baseFilters(planId, f), now, publicOnly));
  const late = lateSql(now);
  const stale = staleSql(now);

  // One grouped query gives the status counts, late/stale counts and progress per priority area.
  const grouped = d
    .select({
      ...columnsOf(measures, "priorityAreaId", "status"),
      n: sql<number>`count(*)`,
      late: sql<number>`sum(${late})`,
      stale: sql<number>`sum(${stale})`,
      progressSum: sql<number>`sum(${measures.progress})`,
    })
    .from(measures)
    .where(where)
    .groupBy(measures.priorityAreaId, measures.status)
    .all();

  const areaRows = d
    .select()
    .from(priorityAreas)
    .where(eq(priorityAreas.planId, planId))
    .orderBy(sql`cast(${priorityAreas.code} as integer)`, asc(priorityAreas.code))
    .all();
  const byArea = new Map<
    number | null,
    { counts: StatusCounts; late: number; stale: number; progressSum: number; progressN: number; total: number }
  >();
  const bucket = (id: number | null) => {
    if (!byArea.has(id)) byArea.set(id, { counts: emptyCounts(), late: 0, stale: 0, progressSum: 0, progressN: 0, total: 0 });
    return byArea.get(id)!;
  };
  for (const row of grouped) {
    const b = bucket(row.priorityAreaId);
    b.counts[row.status] += row.n;
    b.total += row.n;
    b.late += row.late ?? 0;
    b.stale += row.stale ?? 0;
    // Overall progress counts committed measures only: proposals and discontinued ones would distort it.
    if (row.status !== "proposed" && row.status !== "discontinued") {
      b.progressSum += row.progressSum ?? 0;
      b.progressN += row.n;
    }
  }
  const areas = [...areaRows, ...(byArea.has(null) ? [null] : [])]
    .filter((a) => !f.priorityAreaId || (f.priorityAreaId === "none" ? a === null : a?.id === f.priorityAreaId))
    .map((a) => {
      const b = bucket(a?.id ?? null);
      return {
        id: a?.id ?? null,
        code: a?.code ?? null,
        nameFi: a?.nameFi ?? null,
        nameSv: a?.nameSv ?? null,
        nameEn: a?.nameEn ?? null,
        counts: b.counts,
        total: b.total,
        late: b.late,
        stale: b.stale,
        progress: b.progressN ? Math.round(b.progressSum / b.progressN) : null,
      };
    });
  const totals = areas.reduce(
    (acc, a) => {
      for (const s of MEASURE_STATUSES) acc.counts[s] += a.counts[s];
      acc.total += a.total;
      acc.late += a.late;
      acc.stale += a.stale;
      return acc;
    },
    { counts: emptyCounts(), total: 0, late: 0, stale: 0 },
  );
  const committed = [...byArea.values()].reduce((acc, b) => ({ sum: acc.sum + b.progressSum, n: acc.n + b.progressN }), { sum: 0, n: 0 });
  return { areas, totals, progress: committed.n ? Math.round(committed.sum / committed.n) : null };
}

export function steeringSummary(planId: number, f: SummaryFilters, now = clock.now()) {
  const d = db();
  const where = and(...filterConditions(baseFilters(planId, f), now, false));
  const late = lateSql(now);
  const stale = staleSql(now);
  const { areas, totals, progress } = priorityAreaProgress(planId, f, now, false);

  const responsible = alias(users, "responsible");
  const listColumns = {
    id: measures.id,
    ...measureTitles,
    ...columnsOf(measures, "status", "progress", "endDate", "lastFollowUpAt"),
    ...prefixedNamesOf("owner", organisations),
    responsibleName: responsible.name,
    lateReason: lateReasonSql(now),
    staleReason: staleReasonSql(now),
  };
  const lateList = d
    .select(listColumns)
    .from(measures)
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, measures.responsibleUserId))
    .where(and(where, sql`${late}`))
    // Past end dates first, oldest first; measures late only by a task (no end date) after them.
    .orderBy(sql`${measures.endDate} is null`, asc(measures.endDate), asc(measures.id))
    .limit(SUMMARY_LIST_LIMIT)
    .all();
  const staleList = d
    .select(listColumns)
    .from(measures)
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, measures.responsibleUserId))
    .where(and(where, sql`${stale}`))
    .orderBy(asc(sql`coalesce(${measures.lastFollowUpAt}, ${measures.approvedAt}, ${measures.createdAt})`), asc(measures.id))
    .limit(SUMMARY_LIST_LIMIT)
    .all();

  // Deadlines in the next 90 days: end dates and open tasks of active measures.
  const today = helsinkiDate(now);
  const horizon = addDaysIso(today, DEADLINE_HORIZON_DAYS);
  const activeWhere = and(where, sql`${measures.status} in ('approved','in_progress','delayed','on_hold')`);
  const endWhere = and(activeWhere, sql`${measures.endDate} between ${today} and ${horizon}`);
  const taskWhere = and(activeWhere, eq(measureTasks.state, "open"), sql`${measureTasks.dueDate} between ${today} and ${horizon}`);
  // The nearest DEADLINE_LIST_LIMIT of each kind are enough to find the nearest of both together.
  const endDeadlines = d
    .select({
      measureId: measures.id,
      ...measureTitles,
      date: sql<string>`${measures.endDate}`,
      taskTitle: sql<string | null>`null`,
      taskTitleSv: sql<string | null>`null`,
      taskTitleEn: sql<string | null>`null`,
    })
    .from(measures)
    .where(endWhere)
    .orderBy(asc(measures.endDate), asc(measures.id))
    .limit(DEADLINE_LIST_LIMIT)
    .all();
  const taskDeadlines = d
    .select({
      measureId: measures.id,
      ...measureTitles,
      date: sql<string>`${measureTasks.dueDate}`,
      taskTitle: measureTasks.title,
      taskTitleSv: measureTasks.titleSv,
      taskTitleEn: measureTasks.titleEn,
    })
    .from(measureTasks)
    .innerJoin(measures, eq(measures.id, measureTasks.measureId))
    .where(taskWhere)
    .orderBy(asc(measureTasks.dueDate), asc(measureTasks.id))
    .limit(DEADLINE_LIST_LIMIT)
    .all();
  const deadlines = [...endDeadlines, ...taskDeadlines].sort((a, b) => a.date.localeCompare(b.date)).slice(0, DEADLINE_LIST_LIMIT);
  const deadlineCount =
    (d.select({ n: sql<number>`count(*)` }).from(measures).where(endWhere).get()?.n ?? 0) +
    (d
      .select({ n: sql<number>`count(*)` })
      .from(measureTasks)
      .innerJoin(measures, eq(measures.id, measureTasks.measureId))
      .where(taskWhere)
      .get()?.n ?? 0);

  // The ten newest entries belong to the (at most) ten measures with the newest follow-up, which
  // the measure row records: looking there first avoids sorting every entry of the plan.
  const recentMeasureIds = d
    .select({ id: measures.id })
    .from(measures)
    .where(and(where, isNotNull(measures.lastFollowUpAt)))
    .orderBy(desc(measures.lastFollowUpAt))
    .limit(10)
    .all()
    .map((r) => r.id);
  const reporter = alias(users, "reporter");
  const newestFollowUps = recentMeasureIds.length
    ? d
        .select({
          id: followUps.id,
          measureId: measures.id,
          ...measureTitles,
          ...columnsOf(followUps, "reportedAt", "status", "progress", "done"),
          reporterName: reporter.name,
        })
        .from(followUps)
        .innerJoin(measures, eq(measures.id, followUps.measureId))
        .leftJoin(reporter, eq(reporter.id, followUps.reportedById))
        .where(inArray(followUps.measureId, recentMeasureIds))
        .orderBy(desc(followUps.reportedAt), desc(followUps.id))
        .limit(10)
        .all()
    : [];

  return {
    /**
     * The minute these figures are as of (the page shows it to the minute). Not the instant: a
     * cached summary must equal a fresh one computed within the same minute (decisions/0014).
     */
    computedAt: Math.floor(now.getTime() / 60_000) * 60_000,
    areas,
    totals,
    progress,
    late: lateList.map((r) => ({ ...r, ...parseReasons(r) })),
    stale: staleList.map((r) => ({ ...r, ...parseReasons(r) })),
    deadlines,
    deadlineCount,
    newestFollowUps,
    dueSoonCount:
      d
        .select({ n: sql<number>`count(*)` })
        .from(measures)
        .where(and(where, sql`${dueSoonSql(now)}`))
        .get()?.n ?? 0,
  };
}

export type SteeringSummary = ReturnType<typeof steeringSummary>;

/**
 * steeringSummary through the read cache, for the steering summary page. Any write makes it stale;
 * late and stale depend on the clock too, so it also turns over every minute. The value is shared
 * by every request: treat it as read-only.
 */
export function cachedSteeringSummary(planId: number, f: SummaryFilters, now = clock.now()): SteeringSummary {
  return cachedRead(
    `summary:${planId}:${f.priorityAreaId}:${f.ownerId}:${f.areaId}`,
    () => steeringSummary(planId, f, now),
    String(Math.floor(now.getTime() / 60_000)),
  );
}

/**
 * The public front page's picture of a plan: the steering summary's per-area figures over public
 * measures only (never proposals or unpublished ones), through the read cache like the summary.
 */
export function publicPlanProgress(planId: number, now = clock.now()) {
  return cachedRead(
    `publicProgress:${planId}`,
    () => priorityAreaProgress(planId, {}, now, true),
    String(Math.floor(now.getTime() / 60_000)),
  );
}
