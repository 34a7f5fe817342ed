// Levels 1–2: the strategy and its goals, safety plans, and priority areas with their yearly history.
import { and, asc, type Column, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  measureGoals,
  measures,
  priorityAreas,
  priorityAreaYears,
  safetyPlans,
  strategies,
  strategyGoals,
  type MeasureStatus,
  type PlanStatus,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db, type Tx } from "../platform/db.server";
import { cachedRead } from "../platform/read-cache.server";
import { helsinkiDate } from "./measure-rules";
import { lateSql, publicMeasureCondition } from "./measures.server";
import { clock } from "../platform/clock";
import {
  blankToNull,
  namesOf,
  writtenDescriptions,
  writtenNames,
  columnsOf,
  type WrittenDescriptions,
  type WrittenNames,
} from "../platform/select-names";
import type { Viewer } from "../people/viewer.server";

/** The plan people mean by "the plan": the one in force (else the newest approved, else the newest). */
export function currentPlan(opts: { publicOnly: boolean }) {
  const d = db();
  const base = opts.publicOnly ? eq(safetyPlans.published, true) : undefined;
  return (
    d
      .select()
      .from(safetyPlans)
      .where(and(base, eq(safetyPlans.status, "in_force")))
      .orderBy(desc(safetyPlans.periodStart))
      .get() ??
    d
      .select()
      .from(safetyPlans)
      .where(and(base, eq(safetyPlans.status, "approved")))
      .orderBy(desc(safetyPlans.periodStart))
      .get() ??
    (opts.publicOnly ? undefined : d.select().from(safetyPlans).orderBy(desc(safetyPlans.periodStart)).get()) ??
    null
  );
}

export function listPlans(opts: { publicOnly: boolean }) {
  return db()
    .select({
      id: safetyPlans.id,
      ...namesOf(safetyPlans),
      ...columnsOf(safetyPlans, "periodStart", "periodEnd", "status", "published"),
      measureCount: sql<number>`(select count(*) from ${measures} m where m.plan_id = ${safetyPlans.id})`,
    })
    .from(safetyPlans)
    .where(opts.publicOnly ? eq(safetyPlans.published, true) : undefined)
    .orderBy(desc(safetyPlans.periodStart))
    .all();
}

export function getPlan(id: number, opts: { publicOnly: boolean }) {
  return (
    db()
      .select()
      .from(safetyPlans)
      .where(and(eq(safetyPlans.id, id), opts.publicOnly ? eq(safetyPlans.published, true) : undefined))
      .get() ?? null
  );
}

/** Priority areas of a plan with the years each was in force; `inForceNow` by Helsinki's calendar. */
export function listPriorityAreas(planId: number, now = clock.now()) {
  const thisYear = Number(helsinkiDate(now).slice(0, 4));
  return cachedRead(`priorityAreas:${planId}:${thisYear}`, () => computePriorityAreas(planId, thisYear));
}

function computePriorityAreas(planId: number, thisYear: number) {
  const d = db();
  const rows = d
    .select()
    .from(priorityAreas)
    .where(eq(priorityAreas.planId, planId))
    .orderBy(sql`cast(${priorityAreas.code} as integer)`, asc(priorityAreas.code))
    .all();
  const years = rows.length
    ? d
        .select()
        .from(priorityAreaYears)
        .where(
          inArray(
            priorityAreaYears.priorityAreaId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(priorityAreaYears.year))
        .all()
    : [];
  return rows.map((r) => {
    const own = years.filter((y) => y.priorityAreaId === r.id).map((y) => y.year);
    return { ...r, years: own, inForceNow: own.includes(thisYear) };
  });
}

export function getStrategyWithGoals(strategyId: number | null) {
  if (!strategyId) return null;
  const d = db();
  const strategy = d.select().from(strategies).where(eq(strategies.id, strategyId)).get();
  if (!strategy) return null;
  return {
    ...strategy,
    goals: d.select().from(strategyGoals).where(eq(strategyGoals.strategyId, strategyId)).orderBy(asc(strategyGoals.code)).all(),
  };
}

export function listStrategies() {
  return db().select().from(strategies).orderBy(desc(strategies.termStartYear)).all();
}

export function listGoals(strategyId: number | null) {
  if (!strategyId) return [];
  return db().select().from(strategyGoals).where(eq(strategyGoals.strategyId, strategyId)).orderBy(asc(strategyGoals.code)).all();
}

// ---------------------------------------------------------------------------------------------
// Counts for the plan and strategy pages. Each is one aggregate query (not one per row), and the
// public sees exactly what publicMeasureCondition() lets it see in the measure list.

/** Visible measures per plan: the plan list's "measures" column. */
export function planMeasureCounts(opts: { publicOnly: boolean }): Record<number, number> {
  const rows = db()
    .select({ planId: measures.planId, n: sql<number>`count(*)` })
    .from(measures)
    .where(opts.publicOnly ? publicMeasureCondition() : undefined)
    .groupBy(measures.planId)
    .all();
  return Object.fromEntries(rows.map((r) => [r.planId, r.n]));
}

export type PriorityAreaCount = { priorityAreaId: number | null; status: MeasureStatus; count: number; late: number };

/** Measures of a plan by priority area and status, with how many of them are late (lateSql). */
export function priorityAreaMeasureCounts(planId: number, opts: { publicOnly: boolean; now?: Date }): PriorityAreaCount[] {
  const now = opts.now ?? clock.now();
  return db()
    .select({
      ...columnsOf(measures, "priorityAreaId", "status"),
      count: sql<number>`count(*)`,
      late: sql<number>`coalesce(sum(${lateSql(now)}), 0)`,
    })
    .from(measures)
    .where(and(eq(measures.planId, planId), opts.publicOnly ? publicMeasureCondition() : undefined))
    .groupBy(measures.priorityAreaId, measures.status)
    .all();
}

/** Measures of one plan linked to each goal of a strategy: goal id → count. */
export function goalMeasureCounts(strategyId: number, planId: number, opts: { publicOnly: boolean }): Record<number, number> {
  const rows = db()
    .select({ goalId: measureGoals.goalId, n: sql<number>`count(*)` })
    .from(measureGoals)
    .innerJoin(measures, eq(measures.id, measureGoals.measureId))
    .innerJoin(strategyGoals, eq(strategyGoals.id, measureGoals.goalId))
    .where(
      and(eq(strategyGoals.strategyId, strategyId), eq(measures.planId, planId), opts.publicOnly ? publicMeasureCondition() : undefined),
    )
    .groupBy(measureGoals.goalId)
    .all();
  return Object.fromEntries(rows.map((r) => [r.goalId, r.n]));
}

/** Plans that serve a strategy, newest first. */
export function listPlansForStrategy(strategyId: number, opts: { publicOnly: boolean }) {
  return db()
    .select({
      id: safetyPlans.id,
      ...namesOf(safetyPlans),
      ...columnsOf(safetyPlans, "status", "periodStart", "periodEnd"),
    })
    .from(safetyPlans)
    .where(and(eq(safetyPlans.strategyId, strategyId), opts.publicOnly ? eq(safetyPlans.published, true) : undefined))
    .orderBy(desc(safetyPlans.periodStart))
    .all();
}

/** The yearly decisions behind priority_area_years, for the history table and the editor. */
export function priorityAreaYearRecords(planId: number) {
  return db()
    .select({
      ...columnsOf(priorityAreaYears, "priorityAreaId", "year", "decisionNote"),
    })
    .from(priorityAreaYears)
    .innerJoin(priorityAreas, eq(priorityAreas.id, priorityAreaYears.priorityAreaId))
    .where(eq(priorityAreas.planId, planId))
    .orderBy(asc(priorityAreaYears.year))
    .all();
}

/** The calendar years a plan covers, e.g. 2025-01-01…2028-12-31 → [2025, 2026, 2027, 2028]. */
export function planYears(plan: { periodStart: string; periodEnd: string }): number[] {
  const first = Number(plan.periodStart.slice(0, 4));
  const last = Number(plan.periodEnd.slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last && years.length < 50; y++) years.push(y);
  return years;
}

/** The year the plan page shows "in force": this year inside the period, else the nearest end. */
export function displayYear(plan: { periodStart: string; periodEnd: string }, now = clock.now()): number {
  const years = planYears(plan);
  const thisYear = Number(helsinkiDate(now).slice(0, 4));
  if (!years.length) return thisYear;
  return Math.min(Math.max(thisYear, years[0]), years[years.length - 1]);
}

// ---------------------------------------------------------------------------------------------
// Writes (coordinators). Each runs in one transaction and leaves an audit entry in it.

export type PlanInput = WrittenNames &
  WrittenDescriptions & {
    periodStart: string;
    periodEnd: string;
    updateIntervalDays: number;
    strategyId?: number | null;
    decisionDate?: string | null;
    decisionBody?: string | null;
    decisionReference?: string | null;
  };

export type PlanWriteResult =
  | { ok: true; id: number }
  | { ok: false; reason: "notFound" | "strategyNotFound" | "periodOrder" | "yearsOutsidePeriod" | "decisionMissing" };

function planValues(input: PlanInput) {
  return {
    ...writtenNames(input),
    ...writtenDescriptions(input),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    updateIntervalDays: input.updateIntervalDays,
    strategyId: input.strategyId ?? null,
  };
}

function strategyMissing(tx: Tx, strategyId: number | null | undefined) {
  return !!strategyId && !tx.select({ id: strategies.id }).from(strategies).where(eq(strategies.id, strategyId)).get();
}

/** A new plan always starts as an unpublished draft; approval is a separate, recorded step. */
export function createSafetyPlan(viewer: Viewer, input: PlanInput): PlanWriteResult {
  if (input.periodEnd < input.periodStart) return { ok: false, reason: "periodOrder" };
  return db().transaction((tx) => {
    if (strategyMissing(tx, input.strategyId)) return { ok: false as const, reason: "strategyNotFound" as const };
    const id = Number(
      tx
        .insert(safetyPlans)
        .values({
          ...planValues(input),
          status: "draft",
          published: false,
          decisionDate: blankToNull(input.decisionDate),
          decisionBody: blankToNull(input.decisionBody),
          decisionReference: blankToNull(input.decisionReference),
        })
        .run().lastInsertRowid,
    );
    audit({ actorId: viewer.id, action: "plan.created", targetType: "plan", targetId: id, detail: { nameFi: input.nameFi } }, tx);
    return { ok: true as const, id };
  }) as PlanWriteResult;
}

/**
 * Edits a plan's fields. Once approved the decision cannot be blanked out (it is the record of why
 * the plan is valid), and the period cannot shrink past years already recorded for priority areas.
 */
export function updatePlan(viewer: Viewer, id: number, input: PlanInput): PlanWriteResult {
  if (input.periodEnd < input.periodStart) return { ok: false, reason: "periodOrder" };
  return db().transaction((tx) => {
    const plan = tx.select().from(safetyPlans).where(eq(safetyPlans.id, id)).get();
    if (!plan) return { ok: false as const, reason: "notFound" as const };
    if (strategyMissing(tx, input.strategyId)) return { ok: false as const, reason: "strategyNotFound" as const };
    const decision = {
      decisionDate: blankToNull(input.decisionDate),
      decisionBody: blankToNull(input.decisionBody),
      decisionReference: blankToNull(input.decisionReference),
    };
    if (plan.status !== "draft" && (!decision.decisionDate || !decision.decisionBody || !decision.decisionReference)) {
      return { ok: false as const, reason: "decisionMissing" as const };
    }
    const years = planYears(input);
    const outside = tx
      .select({ year: priorityAreaYears.year })
      .from(priorityAreaYears)
      .innerJoin(priorityAreas, eq(priorityAreas.id, priorityAreaYears.priorityAreaId))
      .where(and(eq(priorityAreas.planId, id), sql`${priorityAreaYears.year} not between ${years[0]} and ${years[years.length - 1]}`))
      .get();
    if (outside) return { ok: false as const, reason: "yearsOutsidePeriod" as const };
    tx.update(safetyPlans)
      .set({ ...planValues(input), ...decision })
      .where(eq(safetyPlans.id, id))
      .run();
    audit({ actorId: viewer.id, action: "plan.updated", targetType: "plan", targetId: id }, tx);
    return { ok: true as const, id };
  }) as PlanWriteResult;
}

/** The only forward step from each lifecycle status. */
export const PLAN_NEXT_STATUS: Record<PlanStatus, PlanStatus | null> = {
  draft: "approved",
  approved: "in_force",
  in_force: "closed",
  closed: null,
};

export type PlanDecision = { decisionDate: string; decisionBody: string; decisionReference: string };

export type PlanTransitionResult =
  | { ok: true }
  | { ok: false; reason: "notFound" | "transition" | "decisionMissing" }
  | { ok: false; reason: "otherInForce"; other: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null } };

/**
 * Moves a plan one step along draft → approved → in force → closed. Approval records the decision
 * (date, body, reference) and is refused without it. Only one plan may be in force: putting a
 * second one in force is refused (close the old one first), so "the plan" is never ambiguous.
 * BEGIN IMMEDIATE so two coordinators cannot both put a plan in force at the same moment.
 */
export function transitionPlan(viewer: Viewer, id: number, to: PlanStatus, decision?: Partial<PlanDecision>): PlanTransitionResult {
  return db().transaction((tx) => {
    const plan = tx.select().from(safetyPlans).where(eq(safetyPlans.id, id)).get();
    if (!plan) return { ok: false as const, reason: "notFound" as const };
    if (PLAN_NEXT_STATUS[plan.status] !== to) return { ok: false as const, reason: "transition" as const };
    const patch: Partial<typeof safetyPlans.$inferInsert> = { status: to };
    if (to === "approved") {
      const decisionDate = blankToNull(decision?.decisionDate) ?? plan.decisionDate;
      const decisionBody = blankToNull(decision?.decisionBody) ?? plan.decisionBody;
      const decisionReference = blankToNull(decision?.decisionReference) ?? plan.decisionReference;
      if (!decisionDate || !decisionBody || !decisionReference) return { ok: false as const, reason: "decisionMissing" as const };
      Object.assign(patch, { decisionDate, decisionBody, decisionReference });
    }
    if (to === "in_force") {
      const other = tx
        .select({ id: safetyPlans.id, ...namesOf(safetyPlans) })
        .from(safetyPlans)
        .where(and(eq(safetyPlans.status, "in_force"), ne(safetyPlans.id, id)))
        .get();
      if (other) return { ok: false as const, reason: "otherInForce" as const, other };
    }
    tx.update(safetyPlans).set(patch).where(eq(safetyPlans.id, id)).run();
    audit({ actorId: viewer.id, action: `plan.${to}`, targetType: "plan", targetId: id, detail: { from: plan.status, to } }, tx);
    return { ok: true as const };
  }) as PlanTransitionResult;
}

/** Publishing shows the plan (and its published measures) to the public; unpublishing hides it again. */
export function setPlanPublished(viewer: Viewer, id: number, published: boolean): boolean {
  return db().transaction((tx) => {
    const changed = tx.update(safetyPlans).set({ published }).where(eq(safetyPlans.id, id)).run().changes > 0;
    if (changed)
      audit({ actorId: viewer.id, action: published ? "plan.published" : "plan.unpublished", targetType: "plan", targetId: id }, tx);
    return changed;
  });
}

export type PriorityAreaInput = WrittenNames &
  WrittenDescriptions & {
    code: string;
    /** When given, exactly these years are recorded as in force (see setPriorityAreaYears). */
    years?: number[];
    decisionNote?: string | null;
  };

export type PriorityAreaResult = { ok: true; id: number } | { ok: false; reason: "notFound" | "codeTaken" | "yearOutsidePeriod" };

type YearsResult = { ok: true; added: number[]; removed: number[] } | { ok: false; reason: "notFound" | "yearOutsidePeriod" };

function writeYears(tx: Tx, priorityAreaId: number, years: number[], decisionNote: string | null): YearsResult {
  const area = tx.select({ planId: priorityAreas.planId }).from(priorityAreas).where(eq(priorityAreas.id, priorityAreaId)).get();
  if (!area) return { ok: false, reason: "notFound" };
  const plan = tx
    .select({ periodStart: safetyPlans.periodStart, periodEnd: safetyPlans.periodEnd })
    .from(safetyPlans)
    .where(eq(safetyPlans.id, area.planId))
    .get()!;
  const allowed = planYears(plan);
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  if (wanted.some((y) => !allowed.includes(y))) return { ok: false, reason: "yearOutsidePeriod" };
  const existing = tx
    .select({ year: priorityAreaYears.year })
    .from(priorityAreaYears)
    .where(eq(priorityAreaYears.priorityAreaId, priorityAreaId))
    .all()
    .map((r) => r.year);
  const added = wanted.filter((y) => !existing.includes(y));
  const removed = existing.filter((y) => !wanted.includes(y));
  if (removed.length)
    tx.delete(priorityAreaYears)
      .where(and(eq(priorityAreaYears.priorityAreaId, priorityAreaId), inArray(priorityAreaYears.year, removed)))
      .run();
  // Years already recorded keep their own decision note: the note belongs to the decision that added them.
  for (const year of added) tx.insert(priorityAreaYears).values({ priorityAreaId, year, decisionNote }).run();
  return { ok: true, added, removed };
}

/**
 * Records the years a priority area is in force (the steering group's yearly review). Removing a
 * year deletes its row; the audit entry keeps what was added and removed, and with which note.
 */
export function setPriorityAreaYears(viewer: Viewer, priorityAreaId: number, years: number[], decisionNote?: string | null): YearsResult {
  return db().transaction((tx) => {
    const res = writeYears(tx, priorityAreaId, years, blankToNull(decisionNote));
    if (res.ok && (res.added.length || res.removed.length)) {
      audit(
        {
          actorId: viewer.id,
          action: "priorityArea.years",
          targetType: "priorityArea",
          targetId: priorityAreaId,
          detail: { added: res.added, removed: res.removed, decisionNote: blankToNull(decisionNote) },
        },
        tx,
      );
    }
    return res;
  }) as YearsResult;
}

/**
 * Before a priority area or a strategy goal is saved: "notFound" when the edited one (`id`) is not
 * the parent's own, "codeTaken" when another of the parent's has the code; null when it may go on.
 */
function checkCodedChild(
  tx: Tx,
  table: typeof priorityAreas | typeof strategyGoals,
  parentColumn: Column,
  parentId: number,
  id: number | null,
  code: string,
): "notFound" | "codeTaken" | null {
  if (
    id != null &&
    !tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(parentColumn, parentId)))
      .get()
  )
    return "notFound";
  const taken = tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(parentColumn, parentId), eq(table.code, code), id != null ? ne(table.id, id) : undefined))
    .get();
  return taken ? "codeTaken" : null;
}

/** Adds (id null) or edits a priority area of a plan, and its years when given, in one transaction. */
export function savePriorityArea(viewer: Viewer, planId: number, id: number | null, input: PriorityAreaInput): PriorityAreaResult {
  return db().transaction((tx) => {
    const plan = tx
      .select({ periodStart: safetyPlans.periodStart, periodEnd: safetyPlans.periodEnd })
      .from(safetyPlans)
      .where(eq(safetyPlans.id, planId))
      .get();
    if (!plan) return { ok: false as const, reason: "notFound" as const };
    // Checked before anything is written, so a refused save changes nothing.
    if (input.years?.some((y) => !planYears(plan).includes(y))) return { ok: false as const, reason: "yearOutsidePeriod" as const };
    const code = input.code.trim();
    const refused = checkCodedChild(tx, priorityAreas, priorityAreas.planId, planId, id, code);
    if (refused) return { ok: false as const, reason: refused };
    const values = {
      code,
      ...writtenNames(input),
      ...writtenDescriptions(input),
    };
    let areaId: number;
    if (id == null) {
      areaId = Number(
        tx
          .insert(priorityAreas)
          .values({ planId, ...values })
          .run().lastInsertRowid,
      );
    } else {
      areaId = id;
      tx.update(priorityAreas).set(values).where(eq(priorityAreas.id, id)).run();
    }
    let years: YearsResult | null = null;
    if (input.years) years = writeYears(tx, areaId, input.years, blankToNull(input.decisionNote));
    audit(
      {
        actorId: viewer.id,
        action: id == null ? "priorityArea.created" : "priorityArea.updated",
        targetType: "priorityArea",
        targetId: areaId,
        detail: {
          planId,
          code,
          ...(years?.ok ? { added: years.added, removed: years.removed, decisionNote: blankToNull(input.decisionNote) } : {}),
        },
      },
      tx,
    );
    return { ok: true as const, id: areaId };
  }) as PriorityAreaResult;
}

export type StrategyInput = {
  nameFi: string;
  nameSv?: string | null;
  nameEn?: string | null;
  termStartYear: number;
  termEndYear: number;
  descriptionFi?: string | null;
  descriptionSv?: string | null;
  descriptionEn?: string | null;
};

export type StrategyResult = { ok: true; id: number } | { ok: false; reason: "notFound" | "termOrder" };

/** Adds (id null) or edits the council's strategy programme for a term. */
export function saveStrategy(viewer: Viewer, id: number | null, input: StrategyInput): StrategyResult {
  if (input.termEndYear < input.termStartYear) return { ok: false, reason: "termOrder" };
  const values = {
    ...writtenNames(input),
    termStartYear: input.termStartYear,
    termEndYear: input.termEndYear,
    ...writtenDescriptions(input),
  };
  return db().transaction((tx) => {
    if (id == null) {
      const newId = Number(tx.insert(strategies).values(values).run().lastInsertRowid);
      audit({ actorId: viewer.id, action: "strategy.created", targetType: "strategy", targetId: newId }, tx);
      return { ok: true as const, id: newId };
    }
    if (tx.update(strategies).set(values).where(eq(strategies.id, id)).run().changes === 0)
      return { ok: false as const, reason: "notFound" as const };
    audit({ actorId: viewer.id, action: "strategy.updated", targetType: "strategy", targetId: id }, tx);
    return { ok: true as const, id };
  }) as StrategyResult;
}

export type GoalInput = { code: string; nameFi: string; nameSv?: string | null; nameEn?: string | null; descriptionFi?: string | null };
export type GoalResult = { ok: true; id: number } | { ok: false; reason: "notFound" | "codeTaken" };

/** Adds (id null) or edits a goal of a strategy; codes are unique within the strategy. */
export function saveStrategyGoal(viewer: Viewer, strategyId: number, id: number | null, input: GoalInput): GoalResult {
  return db().transaction((tx) => {
    if (!tx.select({ id: strategies.id }).from(strategies).where(eq(strategies.id, strategyId)).get())
      return { ok: false as const, reason: "notFound" as const };
    const code = input.code.trim();
    const refused = checkCodedChild(tx, strategyGoals, strategyGoals.strategyId, strategyId, id, code);
    if (refused) return { ok: false as const, reason: refused };
    const values = {
      code,
      ...writtenNames(input),
      descriptionFi: blankToNull(input.descriptionFi),
    };
    let goalId = id;
    if (goalId == null)
      goalId = Number(
        tx
          .insert(strategyGoals)
          .values({ strategyId, ...values })
          .run().lastInsertRowid,
      );
    else tx.update(strategyGoals).set(values).where(eq(strategyGoals.id, goalId)).run();
    audit(
      {
        actorId: viewer.id,
        action: id == null ? "strategyGoal.created" : "strategyGoal.updated",
        targetType: "strategyGoal",
        targetId: goalId,
        detail: { strategyId, code },
      },
      tx,
    );
    return { ok: true as const, id: goalId };
  }) as GoalResult;
}
