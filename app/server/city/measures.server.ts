// Measures of the city safety plan: finding them, reading one, and changing them safely.
// "Late", "stale" and "due soon" are defined once here, in SQL, and used by every list and count.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { alias, type SelectedFields, type SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  areas,
  followUpRevisions,
  followUps,
  measureAreas,
  measureCostShares,
  measureGoals,
  measurePartners,
  measures,
  measureTasks,
  organisations,
  priorityAreas,
  safetyPlans,
  strategyGoals,
  users,
  type MeasureStatus,
  type TaskState,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { pageWindow } from "../platform/paging";
import {
  ACTIVE_STATUSES,
  addDaysIso,
  canTransition,
  DUE_SOON_DAYS,
  helsinkiDate,
  parseReasons,
  taskOverdue,
  type MeasureSort,
} from "./measure-rules";
import { cachedRead } from "../platform/read-cache.server";
import { clock } from "../platform/clock";
import { measureTitles, namesOf, prefixedNamesOf, columnsOf } from "../platform/select-names";
import { areaRefColumns } from "./areas.server";
import { measureTexts } from "./measure-input";
import type { Viewer } from "../people/viewer.server";

// ---------------------------------------------------------------------------------------------
// Computed flags

const activeList = sql.raw(ACTIVE_STATUSES.map((s) => `'${s}'`).join(", "));

const activeSql = () => sql`${measures.status} in (${activeList})`;
/** The end date has passed (one of the two ways to be late). */
const pastEndSql = (today: string) => sql`(${measures.endDate} is not null and ${measures.endDate} < ${today})`;
/** An open task of the measure (alias t) whose due date has passed (the other way). */
const overdueTaskSql = (today: string) => sql`t.measure_id = ${measures.id} and t.state = 'open' and t.due_date < ${today}`;
/** When the measure was last reported on (before the first report: approved, or created). */
const lastReportSql = () => sql`coalesce(${measures.lastFollowUpAt}, ${measures.approvedAt}, ${measures.createdAt})`;
const intervalDaysSql = () => sql`(select p.update_interval_days from ${safetyPlans} p where p.id = ${measures.planId})`;

/** Late: an active measure whose end date, or an open task's due date, has passed. */
export function lateSql(now: Date): SQL<number> {
  const today = helsinkiDate(now);
  return sql<number>`(${activeSql()} and (
    ${pastEndSql(today)}
    or exists (select 1 from ${measureTasks} t where ${overdueTaskSql(today)})
  ))`;
}

/** Stale: an active measure with no follow-up (or, before the first, no approval) within the plan's interval. */
export function staleSql(now: Date): SQL<number> {
  return sql<number>`(${activeSql()} and ${lastReportSql()} < ${now.getTime()} - 86400000 * ${intervalDaysSql()})`;
}

/**
 * Why lateSql holds, built from the same parts (so the reason exists exactly when the flag does):
 * the passed end date, or else the earliest overdue open task. JSON text, read by parseLateReason.
 */
export function lateReasonSql(now: Date): SQL<string | null> {
  const today = helsinkiDate(now);
  return sql<string | null>`(case when ${activeSql()} then
    case when ${pastEndSql(today)} then json_object('kind', 'end', 'date', ${measures.endDate})
    else (select json_object('kind', 'task', 'title', t.title, 'date', t.due_date) from ${measureTasks} t
          where ${overdueTaskSql(today)} order by t.due_date, t.id limit 1) end
  end)`;
}

/** Why staleSql holds: the last follow-up (null: never reported) and the plan's interval. JSON text. */
export function staleReasonSql(now: Date): SQL<string | null> {
  return sql<string | null>`(case when ${staleSql(now)} then
    json_object('lastReportAt', ${measures.lastFollowUpAt}, 'everyDays', ${intervalDaysSql()}) end)`;
}

/** Due soon: an active measure with its end date or an open task due within the next 30 days. */
export function dueSoonSql(now: Date): SQL<number> {
  const today = helsinkiDate(now);
  const horizon = addDaysIso(today, DUE_SOON_DAYS);
  return sql<number>`(${measures.status} in (${activeList}) and (
    (${measures.endDate} between ${today} and ${horizon})
    or exists (select 1 from ${measureTasks} t where t.measure_id = ${measures.id} and t.state = 'open' and t.due_date between ${today} and ${horizon})
  ))`;
}

/** The three computed flags as select columns (0/1 in SQL). */
function flagColumns(now: Date) {
  return {
    late: lateSql(now),
    stale: staleSql(now),
    dueSoon: dueSoonSql(now),
    lateReason: lateReasonSql(now),
    staleReason: staleReasonSql(now),
  };
}

/** The nearest open deadline (end date or open task), for sorting "my measures". */
function nextDeadlineSql(now: Date): SQL<string | null> {
  const today = helsinkiDate(now);
  return sql<string | null>`(select min(d) from (
    select ${measures.endDate} as d where ${measures.endDate} >= ${today}
    union all select t.due_date from ${measureTasks} t where t.measure_id = ${measures.id} and t.state = 'open' and t.due_date >= ${today}
  ))`;
}

// ---------------------------------------------------------------------------------------------
// Visibility

/** Public (and residents) see published measures of published plans, never mere proposals. */
export function publicMeasureCondition(): SQL {
  return sql`(${measures.published} = 1 and ${measures.status} != 'proposed' and exists (select 1 from ${safetyPlans} p where p.id = ${measures.planId} and p.published = 1))`;
}

// ---------------------------------------------------------------------------------------------
// Listing

export { MEASURE_SORTS, type MeasureSort } from "./measure-rules";

export type MeasureFilters = {
  planId: number;
  q?: string;
  /** A priority area, or "none" for the measures without one (the summary's "no priority area" row). */
  priorityAreaId?: number | "none";
  status?: MeasureStatus[];
  late?: boolean;
  stale?: boolean;
  ownerId?: number;
  areaId?: number;
  /** Aimed at any of these areas (or above or below one): a district network's areas. Empty matches nothing. */
  areaIds?: number[];
  goalId?: number;
  responsibleUserId?: string;
  sort?: MeasureSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

/** The words of what a person typed (at most 12), without FTS5 syntax characters. */
export function searchTerms(input: string): string[] {
  return input
    .normalize("NFC")
    .split(/[\s"'()*:^+-]+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 12);
}

/** Turns what a person typed into a safe FTS5 query: every word must match as a prefix. */
export function ftsQuery(input: string): string | null {
  const words = searchTerms(input);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

/** The trigram index matches substrings of three characters or more; shorter words use the word index only. */
export const TRIGRAM_MIN_LENGTH = 3;

/**
 * Search: every word typed must match, either as the start of a word (word index, `measures_fts`)
 * or, from three characters on, anywhere inside one (trigram index, `measures_trigram`), so
 * "kävely" finds "Turvallisuuskävelyt". Both indexes fold case and diacritics.
 */
function searchCondition(q: string): SQL | null {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  return and(
    ...terms.map((w) => {
      const word = sql`${measures.id} in (select rowid from measures_fts where measures_fts match ${`"${w}"*`})`;
      if ([...w].length < TRIGRAM_MIN_LENGTH) return word;
      return sql`(${word} or ${measures.id} in (select rowid from measures_trigram where measures_trigram match ${`"${w}"`}))`;
    }),
  )!;
}

/**
 * Relevance of a search hit: per word, 2 for a whole word ("kävely" in "Kävely illalla"), 1 for the
 * start of a word ("Kävelyreitit"), 0 for a part inside a compound ("Turvallisuuskävelyt").
 */
function relevanceSql(q: string): SQL<number> {
  const terms = searchTerms(q);
  if (!terms.length) return sql<number>`0`;
  return sql<number>`(${sql.join(
    terms.map(
      (w) => sql`(case when ${measures.id} in (select rowid from measures_fts where measures_fts match ${`"${w}"`}) then 2
        when ${measures.id} in (select rowid from measures_fts where measures_fts match ${`"${w}"*`}) then 1 else 0 end)`,
    ),
    sql` + `,
  )})`;
}

/** An area filter matches measures aimed at the area itself, at an area above it, or at one below it. */
function areaCondition(areaId: number): SQL {
  return sql`exists (
    with recursive up(id) as (select ${areaId} union select a.parent_id from ${areas} a join up on a.id = up.id where a.parent_id is not null),
    down(id) as (select ${areaId} union select a.id from ${areas} a join down on a.parent_id = down.id)
    select 1 from ${measureAreas} ma where ma.measure_id = ${measures.id} and (ma.area_id in (select id from up) or ma.area_id in (select id from down))
  )`;
}

/** The WHERE conditions of a measure filter; the list, exports and the steering summary share them. */
export function filterConditions(f: MeasureFilters, now: Date, publicOnly: boolean): SQL[] {
  const conditions: SQL[] = [eq(measures.planId, f.planId)];
  if (publicOnly) conditions.push(publicMeasureCondition());
  const match = f.q ? searchCondition(f.q) : null;
  if (match) conditions.push(match);
  if (f.priorityAreaId === "none") conditions.push(isNull(measures.priorityAreaId));
  else if (f.priorityAreaId) conditions.push(eq(measures.priorityAreaId, f.priorityAreaId));
  if (f.status?.length) conditions.push(inArray(measures.status, f.status));
  if (f.late) conditions.push(sql`${lateSql(now)}`);
  if (f.stale) conditions.push(sql`${staleSql(now)}`);
  if (f.ownerId) conditions.push(eq(measures.ownerOrganisationId, f.ownerId));
  if (f.responsibleUserId) conditions.push(eq(measures.responsibleUserId, f.responsibleUserId));
  if (f.areaId) conditions.push(areaCondition(f.areaId));
  if (f.areaIds) conditions.push(f.areaIds.length ? or(...f.areaIds.map(areaCondition))! : sql`0`);
  if (f.goalId)
    conditions.push(sql`exists (select 1 from ${measureGoals} mg where mg.measure_id = ${measures.id} and mg.goal_id = ${f.goalId})`);
  return conditions;
}

/** "2.10" sorts after "2.9": numeric parts first, the text as the tie-breaker. */
const codeOrder = [
  sql`cast(${measures.code} as integer)`,
  sql`cast(substr(${measures.code}, instr(${measures.code}, '.') + 1) as integer)`,
  asc(measures.code),
];

export const DEFAULT_PAGE_SIZE = 25;

/** The ids of every measure within a filter (to narrow something else, say the summary's changes, to it). */
export function measureIdsMatching(f: MeasureFilters, opts: { publicOnly: boolean; now?: Date }): number[] {
  const now = opts.now ?? clock.now();
  return cachedRead(
    `measureIdsMatching:${JSON.stringify(f)}:${opts.publicOnly}`,
    () =>
      db()
        .select({ id: measures.id })
        .from(measures)
        .where(and(...filterConditions(f, now, opts.publicOnly)))
        .all()
        .map((r) => r.id),
    String(Math.floor(now.getTime() / 60_000)),
  );
}

/** Whether one measure is within a filter (say, aimed at a network's areas), without listing the rest. */
export function measureMatchesFilter(measureId: number, f: MeasureFilters, opts: { publicOnly: boolean; now?: Date }): boolean {
  const where = and(eq(measures.id, measureId), ...filterConditions(f, opts.now ?? clock.now(), opts.publicOnly));
  return !!db().select({ id: measures.id }).from(measures).where(where).get();
}

export function listMeasures(f: MeasureFilters, opts: { publicOnly: boolean; now?: Date }) {
  const now = opts.now ?? clock.now();
  // Late and stale depend on the clock as well as the records: cached per minute, like the summary.
  const minute = Math.floor(now.getTime() / 60_000);
  return cachedRead(
    `listMeasures:${JSON.stringify(f)}:${opts.publicOnly}`,
    () => computeMeasureList(f, opts.publicOnly, now),
    String(minute),
  );
}

function computeMeasureList(f: MeasureFilters, publicOnly: boolean, now: Date) {
  const d = db();
  const where = and(...filterConditions(f, now, publicOnly));
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const direction = f.dir === "desc" ? desc : asc;
  // A search is ordered by relevance unless another order is asked for.
  const sort: MeasureSort = f.sort ?? (f.q && searchTerms(f.q).length ? "relevance" : "code");
  const order: SQL[] = (() => {
    switch (sort) {
      case "title":
        return [direction(measures.title)];
      case "status":
        return [direction(measures.status), ...codeOrder];
      case "end":
        return [sql`${measures.endDate} is null`, direction(measures.endDate), ...codeOrder];
      case "updated":
        return [sql`${measures.lastFollowUpAt} is null`, direction(measures.lastFollowUpAt), ...codeOrder];
      case "progress":
        return [direction(measures.progress), ...codeOrder];
      case "relevance":
        if (f.q && searchTerms(f.q).length) return [desc(relevanceSql(f.q)), ...codeOrder];
        return codeOrder;
      default:
        return f.dir === "desc" ? codeOrder.map((o) => sql`${o} desc`) : codeOrder;
    }
  })();
  // One pass finds and orders the matching ids (the full-text match runs once and gives the
  // total); the joins and the computed flags are then worked out for the shown page only.
  const found = d
    .select({ id: measures.id, status: measures.status })
    .from(measures)
    .where(where)
    .orderBy(...order)
    .all();
  const ids = found.map((r) => r.id);
  const total = ids.length;
  // The page says what it counts: how many of the measures found are proposals (see STATUS_COLUMNS).
  const proposed = found.filter((r) => r.status === "proposed").length;
  const { page, pageCount, offset } = pageWindow(total, f.page, pageSize);
  const pageIds = ids.slice(offset, offset + pageSize);
  const responsible = alias(users, "responsible");
  const details = pageIds.length
    ? d
        .select({
          id: measures.id,
          ...measureTitles,
          ...columnsOf(measures, "status", "progress", "startDate", "endDate", "continuous", "lastFollowUpAt"),
          priorityAreaId: priorityAreas.id,
          priorityAreaCode: priorityAreas.code,
          ...prefixedNamesOf("priorityArea", priorityAreas),
          ownerId: organisations.id,
          ...prefixedNamesOf("owner", organisations),
          responsibleName: responsible.name,
          ...flagColumns(now),
        })
        .from(measures)
        .leftJoin(priorityAreas, eq(priorityAreas.id, measures.priorityAreaId))
        .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
        .leftJoin(responsible, eq(responsible.id, measures.responsibleUserId))
        .where(inArray(measures.id, pageIds))
        .all()
    : [];
  const byId = new Map(details.map((r) => [r.id, { ...r, late: !!r.late, stale: !!r.stale, dueSoon: !!r.dueSoon, ...parseReasons(r) }]));
  const rows = pageIds.map((id) => byId.get(id)!);
  return { rows, total, proposed, page, pageCount, pageSize };
}

export type MeasureListRow = ReturnType<typeof listMeasures>["rows"][number];

/**
 * "My measures": what the person is responsible for or their organisation owns, most urgent
 * first (late, then stale, then due soon, then the nearest deadline).
 */
export function listMyMeasures(userId: string, organisationIds: number[], now = clock.now()) {
  const late = lateSql(now);
  const stale = staleSql(now);
  const dueSoon = dueSoonSql(now);
  const mine = organisationIds.length
    ? sql`(${measures.responsibleUserId} = ${userId} or ${inArray(measures.ownerOrganisationId, organisationIds)})`
    : sql`${measures.responsibleUserId} = ${userId}`;
  return db()
    .select({
      id: measures.id,
      ...measureTitles,
      ...columnsOf(measures, "status", "progress", "endDate", "continuous", "lastFollowUpAt"),
      planNameFi: safetyPlans.nameFi,
      ...prefixedNamesOf("owner", organisations),
      isResponsible: sql<number>`${measures.responsibleUserId} = ${userId}`,
      nextDeadline: nextDeadlineSql(now),
      late,
      stale,
      dueSoon,
      lateReason: lateReasonSql(now),
      staleReason: staleReasonSql(now),
    })
    .from(measures)
    .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .where(and(mine, inArray(safetyPlans.status, ["approved", "in_force"])))
    .orderBy(desc(late), desc(stale), desc(dueSoon), sql`${nextDeadlineSql(now)} is null`, asc(nextDeadlineSql(now)), ...codeOrder)
    .all()
    .map((r) => ({ ...r, late: !!r.late, stale: !!r.stale, dueSoon: !!r.dueSoon, isResponsible: !!r.isResponsible, ...parseReasons(r) }));
}

// ---------------------------------------------------------------------------------------------
// One measure

export function getMeasure(id: number, opts: { publicOnly: boolean; now?: Date }) {
  const now = opts.now ?? clock.now();
  // A measure page is a dozen queries; it is read far more often than the measure changes.
  return cachedRead(
    `getMeasure:${id}:${opts.publicOnly}`,
    () => computeMeasure(id, opts.publicOnly, now),
    String(Math.floor(now.getTime() / 60_000)),
  );
}

/**
 * What the measure page shows of a measure (and so all its loader sends): the responsible person
 * by name and job title only, and none of the people ids the row carries (who proposed, approved
 * or is responsible). Permission checks use the full measure before this is made.
 */
export function measureForPage<M extends NonNullable<ReturnType<typeof getMeasure>>>(m: M) {
  const { responsibleUserId: _responsible, proposedById: _proposed, approvedById: _approved, ...measure } = m.measure;
  return { ...m, measure, responsible: m.responsible ? { name: m.responsible.name, title: m.responsible.title } : null };
}

function computeMeasure(id: number, publicOnly: boolean, now: Date) {
  const d = db();
  const responsible = alias(users, "responsible");
  const conditions = [eq(measures.id, id)];
  if (publicOnly) conditions.push(publicMeasureCondition());
  const row = d
    .select({
      measure: measures,
      plan: {
        id: safetyPlans.id,
        ...namesOf(safetyPlans),
        ...columnsOf(safetyPlans, "updateIntervalDays", "status"),
      },
      priorityArea: {
        ...columnsOf(priorityAreas, "id", "code"),
        ...namesOf(priorityAreas),
      },
      owner: { id: organisations.id, ...namesOf(organisations) },
      responsible: { id: responsible.id, name: responsible.name, email: responsible.email, title: responsible.title },
      ...flagColumns(now),
    })
    .from(measures)
    .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
    .leftJoin(priorityAreas, eq(priorityAreas.id, measures.priorityAreaId))
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, measures.responsibleUserId))
    .where(and(...conditions))
    .get();
  if (!row) return null;
  // What the measure names through its link tables, each in the order the page lists it.
  // (drizzle cannot type a select over a table chosen at run time, so the rows are typed from the columns asked for.)
  const linked = <S extends SelectedFields>(columns: S, link: MeasureLink, target: SQLiteTable, on: SQL, ...order: SQL[]) =>
    d
      .select(columns as SelectedFields)
      .from(link as typeof measurePartners)
      .innerJoin(target as typeof organisations, on)
      .where(eq(link.measureId, id))
      .orderBy(...order)
      .all() as SelectResultFields<S>[];
  const partners = linked(
    { id: organisations.id, ...namesOf(organisations) },
    measurePartners,
    organisations,
    eq(organisations.id, measurePartners.organisationId),
    asc(organisations.nameFi),
  );
  const targetAreas = linked(areaRefColumns, measureAreas, areas, eq(areas.id, measureAreas.areaId), asc(areas.code));
  const goals = linked(
    { id: strategyGoals.id, code: strategyGoals.code, ...namesOf(strategyGoals) },
    measureGoals,
    strategyGoals,
    eq(strategyGoals.id, measureGoals.goalId),
    asc(strategyGoals.code),
  );
  const costShares = linked(
    { organisationId: organisations.id, ...namesOf(organisations), percent: measureCostShares.percent },
    measureCostShares,
    organisations,
    eq(organisations.id, measureCostShares.organisationId),
    desc(measureCostShares.percent),
  );
  const tasks = d
    .select()
    .from(measureTasks)
    .where(eq(measureTasks.measureId, id))
    .orderBy(asc(measureTasks.position), asc(measureTasks.id))
    .all();
  const reporter = alias(users, "reporter");
  const history = d
    .select({
      ...columnsOf(followUps, "id", "reportedAt", "status", "progress", "done", "next", "obstacles", "publicText", "publicTextSv"),
      ...columnsOf(followUps, "publicTextEn", "revision", "editedAt"),
      reporterName: reporter.name,
    })
    .from(followUps)
    .leftJoin(reporter, eq(reporter.id, followUps.reportedById))
    .where(eq(followUps.measureId, id))
    .orderBy(desc(followUps.reportedAt), desc(followUps.id))
    .all();
  return {
    ...row,
    priorityArea: row.priorityArea?.id ? row.priorityArea : null,
    responsible: row.responsible?.id ? row.responsible : null,
    late: !!row.late,
    stale: !!row.stale,
    dueSoon: !!row.dueSoon,
    ...parseReasons(row),
    partners,
    targetAreas,
    goals,
    costShares,
    tasks,
    // The public sees only entries with a public text, and only that text.
    followUps: publicOnly
      ? history.filter((h) => h.publicText.trim()).map((h) => ({ ...h, done: "", next: "", obstacles: "", reporterName: null }))
      : history,
  };
}

export type MeasureDetail = NonNullable<ReturnType<typeof getMeasure>>;

/** A table that links measures to what they name (partners, target areas, goals, cost shares). */
type MeasureLink = typeof measurePartners | typeof measureAreas | typeof measureGoals | typeof measureCostShares;

/** Earlier versions of follow-up entries of a measure (staff only). */
export function listFollowUpRevisions(measureId: number) {
  return cachedRead(`followUpRevisions:${measureId}`, () => computeFollowUpRevisions(measureId));
}

function computeFollowUpRevisions(measureId: number) {
  const editor = alias(users, "editor");
  return db()
    .select({
      ...columnsOf(followUpRevisions, "id", "followUpId", "revision", "status", "progress", "done", "next", "obstacles", "publicText"),
      ...columnsOf(followUpRevisions, "replacedAt"),
      editorName: editor.name,
    })
    .from(followUpRevisions)
    .innerJoin(followUps, eq(followUps.id, followUpRevisions.followUpId))
    .leftJoin(editor, eq(editor.id, followUpRevisions.editedById))
    .where(eq(followUps.measureId, measureId))
    .orderBy(asc(followUpRevisions.followUpId), asc(followUpRevisions.revision))
    .all();
}

/** Just what permission checks need, without loading the whole measure. */
export function getMeasureAccessInfo(id: number) {
  return (
    db()
      .select({
        ...columnsOf(measures, "id", "planId", "ownerOrganisationId", "responsibleUserId", "status", "version"),
      })
      .from(measures)
      .where(eq(measures.id, id))
      .get() ?? null
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Swedish and English texts are optional everywhere: null (or left out) falls back to Finnish. */
export type TaskInput = {
  id?: number;
  title: string;
  titleSv?: string | null;
  titleEn?: string | null;
  dueDate?: string | null;
  state: TaskState;
};

export type MeasureInput = {
  code: string;
  title: string;
  description: string;
  titleSv?: string | null;
  titleEn?: string | null;
  descriptionSv?: string | null;
  descriptionEn?: string | null;
  priorityAreaId: number | null;
  ownerOrganisationId: number;
  responsibleUserId: string | null;
  partnerIds: number[];
  startDate: string | null;
  endDate: string | null;
  continuous: boolean;
  cityWide: boolean;
  areaIds: number[];
  budgetEur: number | null;
  goalIds: number[];
  costShares: { organisationId: number; percent: number }[];
  tasks: TaskInput[];
  published: boolean;
};

type SnapshotTask = { title: string; titleSv: string | null; titleEn: string | null; dueDate: string | null; state: TaskState };

/** A task as the conflict check compares it. */
export const snapshotTask = (t: TaskInput): SnapshotTask => ({
  title: t.title,
  titleSv: t.titleSv ?? null,
  titleEn: t.titleEn ?? null,
  dueDate: t.dueDate ?? null,
  state: t.state,
});

/** Field values compared when two people edit the same measure at once. */
export type MeasureSnapshot = Omit<MeasureInput, "tasks"> & {
  tasks: SnapshotTask[];
  status: MeasureStatus;
};

export function snapshotOf(id: number): MeasureSnapshot | null {
  const d = db();
  const m = d.select().from(measures).where(eq(measures.id, id)).get();
  if (!m) return null;
  const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return {
    code: m.code,
    title: m.title,
    description: m.description,
    titleSv: m.titleSv,
    titleEn: m.titleEn,
    descriptionSv: m.descriptionSv,
    descriptionEn: m.descriptionEn,
    priorityAreaId: m.priorityAreaId,
    ownerOrganisationId: m.ownerOrganisationId,
    responsibleUserId: m.responsibleUserId,
    partnerIds: ids(d.select({ id: measurePartners.organisationId }).from(measurePartners).where(eq(measurePartners.measureId, id)).all()),
    startDate: m.startDate,
    endDate: m.endDate,
    continuous: m.continuous,
    cityWide: m.cityWide,
    areaIds: ids(d.select({ id: measureAreas.areaId }).from(measureAreas).where(eq(measureAreas.measureId, id)).all()),
    budgetEur: m.budgetEur,
    goalIds: ids(d.select({ id: measureGoals.goalId }).from(measureGoals).where(eq(measureGoals.measureId, id)).all()),
    costShares: d
      .select({ organisationId: measureCostShares.organisationId, percent: measureCostShares.percent })
      .from(measureCostShares)
      .where(eq(measureCostShares.measureId, id))
      .orderBy(asc(measureCostShares.organisationId))
      .all(),
    tasks: d
      .select({
        ...columnsOf(measureTasks, "title", "titleSv", "titleEn", "dueDate", "state"),
      })
      .from(measureTasks)
      .where(eq(measureTasks.measureId, id))
      .orderBy(asc(measureTasks.position), asc(measureTasks.id))
      .all(),
    published: m.published,
    status: m.status,
  };
}

/** The names of fields whose values differ between two snapshots. */
export function changedFields(before: Partial<MeasureSnapshot>, after: Partial<MeasureSnapshot>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof MeasureSnapshot>;
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/** Replaces a measure's fields and relation rows inside the caller's transaction. */
export function writeMeasureRows(tx: Tx, measureId: number, input: MeasureInput) {
  tx.update(measures)
    .set({
      ...measureTexts(input),
      priorityAreaId: input.priorityAreaId,
      ownerOrganisationId: input.ownerOrganisationId,
      responsibleUserId: input.responsibleUserId,
      startDate: input.startDate,
      endDate: input.continuous ? null : input.endDate,
      continuous: input.continuous,
      cityWide: input.cityWide,
      budgetEur: input.budgetEur,
      published: input.published,
      updatedAt: clock.now(),
    })
    .where(eq(measures.id, measureId))
    .run();
  tx.delete(measurePartners).where(eq(measurePartners.measureId, measureId)).run();
  for (const organisationId of new Set(input.partnerIds)) tx.insert(measurePartners).values({ measureId, organisationId }).run();
  tx.delete(measureAreas).where(eq(measureAreas.measureId, measureId)).run();
  if (!input.cityWide) for (const areaId of new Set(input.areaIds)) tx.insert(measureAreas).values({ measureId, areaId }).run();
  tx.delete(measureGoals).where(eq(measureGoals.measureId, measureId)).run();
  for (const goalId of new Set(input.goalIds)) tx.insert(measureGoals).values({ measureId, goalId }).run();
  tx.delete(measureCostShares).where(eq(measureCostShares.measureId, measureId)).run();
  for (const share of input.costShares)
    tx.insert(measureCostShares)
      .values({ measureId, ...share })
      .run();
  tx.delete(measureTasks).where(eq(measureTasks.measureId, measureId)).run();
  input.tasks.forEach((task, position) =>
    tx
      .insert(measureTasks)
      .values({
        measureId,
        title: task.title,
        titleSv: task.titleSv || null,
        titleEn: task.titleEn || null,
        dueDate: task.dueDate || null,
        state: task.state,
        position,
      })
      .run(),
  );
}

export function codeTaken(tx: Pick<Db, "select">, planId: number, code: string, exceptId?: number): boolean {
  const row = tx
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.code, code), exceptId ? ne(measures.id, exceptId) : undefined))
    .get();
  return !!row;
}

export type SaveResult =
  | { ok: true; id: number; version: number }
  | { ok: false; reason: "codeTaken" | "notFound" }
  | { ok: false; reason: "conflict"; current: MeasureSnapshot; currentVersion: number; changed: string[] };

/** A new measure starts as a proposal; a coordinator or the steering group approves it. */
export function proposeMeasure(viewer: Viewer, planId: number, input: MeasureInput): SaveResult {
  return db().transaction((tx) => {
    if (codeTaken(tx, planId, input.code)) return { ok: false as const, reason: "codeTaken" as const };
    const id = Number(
      tx
        .insert(measures)
        .values({
          planId,
          code: input.code,
          title: input.title,
          ownerOrganisationId: input.ownerOrganisationId,
          status: "proposed",
          proposedById: viewer.id,
        })
        .run().lastInsertRowid,
    );
    writeMeasureRows(tx, id, input);
    audit({ actorId: viewer.id, action: "measure.proposed", targetType: "measure", targetId: id }, tx);
    return { ok: true as const, id, version: 1 };
  }) as SaveResult;
}

/**
 * Saves an edit made on top of `expectedVersion`. If someone saved in between, nothing is written
 * and the caller gets the current values and which fields differ, so nobody's work is overwritten.
 */
export function updateMeasure(viewer: Viewer, id: number, expectedVersion: number, input: MeasureInput): SaveResult {
  const run = db().transaction((tx) => {
    const current = tx.select({ version: measures.version, planId: measures.planId }).from(measures).where(eq(measures.id, id)).get();
    if (!current) return { ok: false as const, reason: "notFound" as const };
    if (current.version !== expectedVersion) {
      const snapshot = snapshotOf(id)!;
      return {
        ok: false as const,
        reason: "conflict" as const,
        current: snapshot,
        currentVersion: current.version,
        changed: changedFields(snapshot, {
          ...input,
          tasks: input.tasks.map(snapshotTask),
          status: snapshot.status,
        }),
      };
    }
    if (codeTaken(tx, current.planId, input.code, id)) return { ok: false as const, reason: "codeTaken" as const };
    writeMeasureRows(tx, id, input);
    tx.update(measures)
      .set({ version: sql`${measures.version} + 1` })
      .where(eq(measures.id, id))
      .run();
    audit({ actorId: viewer.id, action: "measure.updated", targetType: "measure", targetId: id }, tx);
    return { ok: true as const, id, version: expectedVersion + 1 };
  });
  return run as SaveResult;
}

export type DecisionResult = { ok: true } | { ok: false; reason: "notFound" | "conflict" | "transition" };

/** Approval, or discontinuing a proposal: a decision, recorded with who and when. */
export function decideMeasure(
  viewer: Viewer,
  id: number,
  expectedVersion: number,
  to: "approved" | "discontinued",
  now = clock.now(),
): DecisionResult {
  return db().transaction((tx) => {
    const m = tx.select().from(measures).where(eq(measures.id, id)).get();
    if (!m) return { ok: false as const, reason: "notFound" as const };
    if (m.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
    if (m.status !== "proposed" || !canTransition(m.status, to)) return { ok: false as const, reason: "transition" as const };
    tx.update(measures)
      .set({
        status: to,
        approvedById: to === "approved" ? viewer.id : null,
        approvedAt: to === "approved" ? now : null,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(measures.id, id))
      .run();
    audit({ actorId: viewer.id, action: `measure.${to}`, targetType: "measure", targetId: id }, tx);
    return { ok: true as const };
  }) as DecisionResult;
}

// ---------------------------------------------------------------------------------------------
// Follow-up

export type FollowUpInput = {
  status: MeasureStatus;
  progress: number;
  done: string;
  next: string;
  obstacles: string;
  publicText: string;
  publicTextSv?: string | null;
  publicTextEn?: string | null;
  taskStates?: { id: number; state: TaskState }[];
  /** The reporter has seen that the measure is not finished (progress below 100 % or open tasks) and completes it anyway. */
  confirmCompletion?: boolean;
};

/** What completing a measure would leave unfinished: asked about before a completion is saved. */
export type CompletionQuestion = {
  progress: number;
  openTasks: { id: number; title: string; dueDate: string | null; overdue: boolean }[];
};

export type FollowUpResult =
  | { ok: true; followUpId: number }
  | { ok: false; reason: "notFound" | "transition" }
  | ({ ok: false; reason: "confirmCompletion" } & CompletionQuestion)
  | {
      ok: false;
      reason: "conflict";
      currentVersion: number;
      latest: { reportedAt: Date; status: MeasureStatus; progress: number; reporterName: string | null; done: string } | null;
    };

/**
 * Adds a dated follow-up entry and moves the measure's status and progress with it, in one
 * transaction. Taken with BEGIN IMMEDIATE so concurrent reporters queue instead of failing.
 */
export function addFollowUp(
  viewer: Viewer,
  measureId: number,
  expectedVersion: number,
  input: FollowUpInput,
  now = clock.now(),
): FollowUpResult {
  const d = db();
  return d.transaction((tx) => {
    // Only what the checks below need (the write path: no row-wide read).
    const m = tx.select({ version: measures.version, status: measures.status }).from(measures).where(eq(measures.id, measureId)).get();
    if (!m) return { ok: false as const, reason: "notFound" as const };
    if (m.version !== expectedVersion) {
      const latest = tx
        .select({
          ...columnsOf(followUps, "reportedAt", "status", "progress", "done"),
          reporterName: users.name,
        })
        .from(followUps)
        .leftJoin(users, eq(users.id, followUps.reportedById))
        .where(eq(followUps.measureId, measureId))
        .orderBy(desc(followUps.reportedAt), desc(followUps.id))
        .get();
      return { ok: false as const, reason: "conflict" as const, currentVersion: m.version, latest: latest ?? null };
    }
    if (m.status === "proposed" || !canTransition(m.status, input.status)) return { ok: false as const, reason: "transition" as const };
    if (input.status === "completed" && m.status !== "completed" && !input.confirmCompletion) {
      // Completing sets progress to 100 % and ends "late"; with work still open that needs a yes
      // from the reporter, whichever path the report comes by.
      const question = completionQuestion(tx, measureId, input, now);
      if (question) return { ok: false as const, reason: "confirmCompletion" as const, ...question };
    }
    const progress = input.status === "completed" ? 100 : input.progress;
    const followUpId = Number(
      tx
        .insert(followUps)
        .values({
          measureId,
          reportedById: viewer.id,
          reportedAt: now,
          status: input.status,
          progress,
          done: input.done,
          next: input.next,
          obstacles: input.obstacles,
          publicText: input.publicText,
          publicTextSv: input.publicTextSv || null,
          publicTextEn: input.publicTextEn || null,
        })
        .run().lastInsertRowid,
    );
    for (const task of input.taskStates ?? []) {
      tx.update(measureTasks)
        .set({ state: task.state })
        .where(and(eq(measureTasks.id, task.id), eq(measureTasks.measureId, measureId)))
        .run();
    }
    // The status is written only when it changes: the caches key on the columns a write sets, and
    // the pages that show only whether a measure is public (a published plan) then keep theirs.
    tx.update(measures)
      .set({
        ...(input.status !== m.status ? { status: input.status } : {}),
        progress,
        lastFollowUpAt: now,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(measures.id, measureId))
      .run();
    audit({ actorId: viewer.id, action: "measure.followUp", targetType: "measure", targetId: measureId }, tx);
    return { ok: true as const, followUpId };
  }) as FollowUpResult;
}

/** The tasks that stay open after this report (its task states applied) and the progress, or null when nothing is left. */
function completionQuestion(tx: Tx, measureId: number, input: FollowUpInput, now: Date): CompletionQuestion | null {
  const reported = new Map((input.taskStates ?? []).map((t) => [t.id, t.state]));
  const today = helsinkiDate(now);
  const openTasks = tx
    .select({ id: measureTasks.id, title: measureTasks.title, dueDate: measureTasks.dueDate, state: measureTasks.state })
    .from(measureTasks)
    .where(eq(measureTasks.measureId, measureId))
    .orderBy(asc(measureTasks.position), asc(measureTasks.id))
    .all()
    .map((t) => ({ ...t, state: reported.get(t.id) ?? t.state }))
    .filter((t) => t.state === "open")
    .map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate, overdue: taskOverdue(t, today) }));
  if (input.progress >= 100 && openTasks.length === 0) return null;
  return { progress: input.progress, openTasks };
}

/** Corrects an entry's texts; the previous wording is kept as a revision (never silently rewritten). */
export function editFollowUp(
  viewer: Viewer,
  followUpId: number,
  expectedRevision: number,
  input: Pick<FollowUpInput, "done" | "next" | "obstacles" | "publicText" | "publicTextSv" | "publicTextEn">,
  now = clock.now(),
): { ok: true } | { ok: false; reason: "notFound" | "conflict" } {
  return db().transaction((tx) => {
    const entry = tx.select().from(followUps).where(eq(followUps.id, followUpId)).get();
    if (!entry) return { ok: false as const, reason: "notFound" as const };
    if (entry.revision !== expectedRevision) return { ok: false as const, reason: "conflict" as const };
    tx.insert(followUpRevisions)
      .values({
        followUpId,
        revision: entry.revision,
        status: entry.status,
        progress: entry.progress,
        done: entry.done,
        next: entry.next,
        obstacles: entry.obstacles,
        publicText: entry.publicText,
        publicTextSv: entry.publicTextSv,
        publicTextEn: entry.publicTextEn,
        editedById: viewer.id,
        replacedAt: now,
      })
      .run();
    tx.update(followUps)
      .set({
        ...input,
        publicTextSv: input.publicTextSv || null,
        publicTextEn: input.publicTextEn || null,
        revision: entry.revision + 1,
        editedAt: now,
      })
      .where(eq(followUps.id, followUpId))
      .run();
    audit({ actorId: viewer.id, action: "followUp.edited", targetType: "followUp", targetId: followUpId }, tx);
    return { ok: true as const };
  }) as { ok: true } | { ok: false; reason: "notFound" | "conflict" };
}

export function getFollowUp(id: number) {
  return db().select().from(followUps).where(eq(followUps.id, id)).get() ?? null;
}

// ---------------------------------------------------------------------------------------------
// Facets for filter menus

export function measureFilterOptions(planId: number, publicOnly: boolean) {
  // Distinct owners and target areas scan the whole plan; the answer changes only with a write.
  return cachedRead(`measureFilterOptions:${planId}:${publicOnly}`, () => computeFilterOptions(planId, publicOnly));
}

function computeFilterOptions(planId: number, publicOnly: boolean) {
  const d = db();
  const visible = publicOnly ? and(eq(measures.planId, planId), publicMeasureCondition()) : eq(measures.planId, planId);
  const owners = d
    .selectDistinct({ id: organisations.id, ...namesOf(organisations) })
    .from(measures)
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .where(visible)
    .orderBy(asc(organisations.nameFi))
    .all();
  const areaList = d
    .select(areaRefColumns)
    .from(areas)
    .where(inArray(areas.level, ["major_district", "district"]))
    .orderBy(asc(areas.code))
    .all();
  // The area filter offers the major districts and districts: it also matches measures aimed at
  // the areas above and below the one chosen.
  return { owners, areas: areaList };
}
