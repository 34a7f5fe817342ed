// Indicators: what the steering group reads next to the measures. Definitions linked to priority
// areas and measures, values and targets by period ("2025" or "2025-03") and area (null = the
// whole city), the "on track / off track" judgement, and the CSV import a city gets from a safety
// survey or police statistics. An import is all or nothing, like the measure import.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import Papa from "papaparse";
import {
  areas,
  indicatorMeasures,
  indicatorPriorityAreas,
  indicators,
  indicatorValues,
  measures,
  priorityAreas,
  safetyPlans,
  type IndicatorDirection,
  type IndicatorResolution,
  type ValueBound,
} from "../../../db/schema";
import { areaLabel, loadAreaIndex, resolveAreaRef } from "./area-refs.server";
import { audit } from "../platform/audit.server";
import { headerMap, isClearMarker, messageKeys, readCsvTable, summarize, writeAllOrNothing } from "../platform/csv-import.server";
import type * as Csv from "../platform/csv-import.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { nameOptions, namesFrom } from "../../i18n/names";
import { figureProblem, normalizePeriod, parseFigure, type Figure } from "./indicator-figures";
import { currentPlan, listPriorityAreas } from "./plans.server";
import { clock } from "../platform/clock";
import { config } from "../platform/config.server";
import { blankToNull, measureTitles, namesOf, prefixedNamesOf, writtenNames, columnsOf } from "../platform/select-names";
import { areaColumns, areaNameColumns } from "./areas.server";
import type { Viewer } from "../people/viewer.server";

type Reader = Pick<Db, "select">;

export const VALUE_KINDS = ["actual", "target"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** The city-wide figures (those of no single area) of some indicators: the list and a status review show them. */
export const cityWideValues = (r: Reader, ids: number[]) =>
  r
    .select({
      ...columnsOf(indicatorValues, "indicatorId", "kind", "period", "value", "bound", "upper"),
    })
    .from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, ids), isNull(indicatorValues.areaId)));

export const MAX_INDICATOR_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_INDICATOR_IMPORT_ROWS = 5000;

// ---------------------------------------------------------------------------------------------
// Periods and the on-track rule

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const plausibleYear = (y: string) => Number(y) >= 1900 && Number(y) <= 2100;

/** Null when `period` fits the indicator's resolution; otherwise the translation key explaining the form. */
export function periodProblem(period: string, resolution: IndicatorResolution): string | null {
  if (resolution === "year") {
    const m = YEAR.exec(period);
    return m && plausibleYear(m[1]) ? null : "indicators.errors.periodYear";
  }
  const m = MONTH.exec(period);
  return m && plausibleYear(m[1]) ? null : "indicators.errors.periodMonth";
}

/** A value meets its target when it is at least the target (more is better) or at most it (less is better). */
export function meetsTarget(direction: IndicatorDirection, value: number, target: number): boolean {
  return direction === "up" ? value >= target : value <= target;
}

export type Trend = "up" | "down" | "flat";
export type TrackStatus = "onTrack" | "offTrack" | "noTarget" | "noData";

/** A value of a period; `bound`/`upper` say how it was published (see Figure). */
type Point = { period: string; value: number; bound?: ValueBound; upper?: number | null };

/**
 * The target a value is judged against: the one set for the same period, else the nearest later
 * one (the goal the city is heading for). A target only in the past no longer applies.
 */
export function applicableTarget(period: string, targets: Point[]): Point | null {
  const same = targets.find((t) => t.period === period);
  if (same) return same;
  const later = targets.filter((t) => t.period > period).sort((a, b) => (a.period < b.period ? -1 : 1));
  return later[0] ?? null;
}

/** Latest value, its target, the trend against the previous period and the on-track judgement. */
export function summarise(direction: IndicatorDirection, actuals: Point[], targets: Point[]) {
  const sorted = [...actuals].sort((a, b) => (a.period < b.period ? 1 : -1));
  const latest = sorted[0] ?? null;
  const previous = sorted[1] ?? null;
  const target = latest ? applicableTarget(latest.period, targets) : null;
  const trend: Trend | null =
    latest && previous ? (latest.value > previous.value ? "up" : latest.value < previous.value ? "down" : "flat") : null;
  const improving = trend === null || trend === "flat" ? null : (trend === "up") === (direction === "up");
  const status: TrackStatus = !latest
    ? "noData"
    : !target
      ? "noTarget"
      : meetsTarget(direction, latest.value, target.value)
        ? "onTrack"
        : "offTrack";
  return { latest, previous, target, trend, improving, status };
}

// ---------------------------------------------------------------------------------------------
// Reading

const indicatorColumns = {
  ...columnsOf(indicators, "id", "key"),
  ...namesOf(indicators),
  ...columnsOf(indicators, "unit", "source", "direction", "resolution", "descriptionFi", "version"),
};

const priorityAreaColumns = {
  ...columnsOf(priorityAreas, "id", "planId", "code"),
  ...namesOf(priorityAreas),
};

export type IndicatorFilter = { ids?: number[]; priorityAreaId?: number; measureId?: number };

/** Indicators with their priority areas and city-wide summary, in name order. */
export function listIndicators(filter: IndicatorFilter = {}, r: Reader = db()) {
  const conditions = [];
  if (filter.ids) conditions.push(filter.ids.length ? inArray(indicators.id, filter.ids) : sql`0`);
  if (filter.priorityAreaId)
    conditions.push(
      sql`exists (select 1 from ${indicatorPriorityAreas} ipa where ipa.indicator_id = ${indicators.id} and ipa.priority_area_id = ${filter.priorityAreaId})`,
    );
  if (filter.measureId)
    conditions.push(
      sql`exists (select 1 from ${indicatorMeasures} im where im.indicator_id = ${indicators.id} and im.measure_id = ${filter.measureId})`,
    );
  const rows = r
    .select(indicatorColumns)
    .from(indicators)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(indicators.nameFi))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((i) => i.id);
  const links = r
    .select({ indicatorId: indicatorPriorityAreas.indicatorId, ...priorityAreaColumns })
    .from(indicatorPriorityAreas)
    .innerJoin(priorityAreas, eq(priorityAreas.id, indicatorPriorityAreas.priorityAreaId))
    .where(inArray(indicatorPriorityAreas.indicatorId, ids))
    .orderBy(sql`cast(${priorityAreas.code} as integer)`, asc(priorityAreas.code))
    .all();
  const values = cityWideValues(r, ids).all();
  return rows.map((i) => {
    const own = values.filter((v) => v.indicatorId === i.id);
    const pick = (kind: ValueKind) =>
      own.filter((v) => v.kind === kind).map((v) => ({ period: v.period, value: v.value, bound: v.bound, upper: v.upper }));
    return {
      ...i,
      priorityAreas: links.filter((l) => l.indicatorId === i.id).map(({ indicatorId: _, ...pa }) => pa),
      ...summarise(i.direction, pick("actual"), pick("target")),
    };
  });
}

export type IndicatorSummary = ReturnType<typeof listIndicators>[number];

/** For the steering summary and the status review: the indicators that follow a priority area. */
export function indicatorsForPriorityArea(priorityAreaId: number, r: Reader = db()): IndicatorSummary[] {
  return listIndicators({ priorityAreaId }, r);
}

/** For a measure's page and the status review: the indicators that show the measure's effect. */
export function indicatorsForMeasure(measureId: number, r: Reader = db()): IndicatorSummary[] {
  return listIndicators({ measureId }, r);
}

export function getIndicatorDefinition(id: number, r: Reader = db()) {
  return r.select(indicatorColumns).from(indicators).where(eq(indicators.id, id)).get() ?? null;
}

type AreaRef = { id: number; level: string; code: string; nameFi: string; nameSv: string | null };

/**
 * One indicator: definition, links, the city-wide series (actual and target side by side per
 * period) and the values by area for one period (the latest one with area values by default).
 */
export function getIndicator(id: number, opts: { areaPeriod?: string | null } = {}) {
  const d = db();
  const indicator = getIndicatorDefinition(id, d);
  if (!indicator) return null;
  const summary = listIndicators({ ids: [id] }, d)[0]!;
  const linkedMeasures = d
    .select({
      id: measures.id,
      ...measureTitles,
      ...columnsOf(measures, "status", "planId"),
      ...prefixedNamesOf("plan", safetyPlans),
    })
    .from(indicatorMeasures)
    .innerJoin(measures, eq(measures.id, indicatorMeasures.measureId))
    .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
    .where(eq(indicatorMeasures.indicatorId, id))
    .orderBy(
      asc(measures.planId),
      sql`cast(${measures.code} as integer)`,
      sql`cast(substr(${measures.code}, instr(${measures.code}, '.') + 1) as integer)`,
    )
    .all();
  const rows = d
    .select({
      ...columnsOf(indicatorValues, "id", "kind", "period", "value", "bound", "upper", "updatedAt"),
      areaId: areas.id,
      areaLevel: areas.level,
      areaCode: areas.code,
      ...areaNameColumns,
    })
    .from(indicatorValues)
    .leftJoin(areas, eq(areas.id, indicatorValues.areaId))
    .where(eq(indicatorValues.indicatorId, id))
    .orderBy(asc(indicatorValues.period))
    .all();

  const city = rows.filter((v) => v.areaId === null);
  const cityPeriods = [...new Set(city.map((v) => v.period))].sort();
  const figureOf = (v: { value: number; bound: ValueBound; upper: number | null } | undefined): Figure | null =>
    v ? { value: v.value, bound: v.bound, upper: v.upper } : null;
  const cityTrend = cityPeriods.map((period) => {
    const actual = city.find((v) => v.period === period && v.kind === "actual");
    const target = city.find((v) => v.period === period && v.kind === "target");
    return {
      period,
      actual: actual?.value ?? null,
      target: target?.value ?? null,
      actualFigure: figureOf(actual),
      targetFigure: figureOf(target),
    };
  });

  const local = rows.filter((v) => v.areaId !== null);
  const areaPeriods = [...new Set(local.map((v) => v.period))].sort().reverse();
  const latestWithActuals = [...new Set(local.filter((v) => v.kind === "actual").map((v) => v.period))].sort().reverse()[0];
  const areaPeriod =
    opts.areaPeriod && areaPeriods.includes(opts.areaPeriod) ? opts.areaPeriod : (latestWithActuals ?? areaPeriods[0] ?? null);
  type AreaEntry = {
    area: AreaRef;
    actual: number | null;
    target: number | null;
    actualFigure: Figure | null;
    targetFigure: Figure | null;
  };
  const byAreaMap = new Map<number, AreaEntry>();
  for (const v of local.filter((x) => x.period === areaPeriod)) {
    const entry = byAreaMap.get(v.areaId!) ?? {
      area: { id: v.areaId!, level: v.areaLevel!, code: v.areaCode!, nameFi: v.areaNameFi!, nameSv: v.areaNameSv },
      actual: null,
      target: null,
      actualFigure: null,
      targetFigure: null,
    };
    entry[v.kind] = v.value;
    entry[v.kind === "actual" ? "actualFigure" : "targetFigure"] = figureOf(v);
    byAreaMap.set(v.areaId!, entry);
  }
  // Major districts first, then districts; each by code.
  const levelOrder = (l: string) => (l === "major_district" ? 0 : l === "district" ? 1 : l === "sub_area" ? 2 : 3);
  const byArea = [...byAreaMap.values()].sort(
    (a, b) => levelOrder(a.area.level) - levelOrder(b.area.level) || a.area.code.localeCompare(b.area.code, "fi", { numeric: true }),
  );
  const cityAtAreaPeriod = areaPeriod ? (cityTrend.find((p) => p.period === areaPeriod) ?? null) : null;

  return {
    indicator,
    summary,
    priorityAreas: summary.priorityAreas,
    measures: linkedMeasures,
    cityTrend,
    areaPeriods,
    areaPeriod,
    byArea: byArea.map((b) => ({
      ...b,
      status:
        b.actual !== null && b.target !== null ? (meetsTarget(indicator.direction, b.actual, b.target) ? "onTrack" : "offTrack") : null,
    })),
    cityAtAreaPeriod,
  };
}

export type IndicatorDetail = NonNullable<ReturnType<typeof getIndicator>>;

/** Areas a value can be entered for: major districts and districts, by code. */
export function indicatorAreaOptions() {
  return db()
    .select(areaColumns)
    .from(areas)
    .where(inArray(areas.level, ["major_district", "district"]))
    .orderBy(asc(areas.code))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Writing

export type ValueInput = {
  indicatorId: number;
  kind: ValueKind;
  areaId: number | null;
  period: string;
  value: number;
  bound?: ValueBound;
  upper?: number | null;
};

const sameFigure = (
  a: { value: number; bound: ValueBound; upper: number | null },
  b: { value: number; bound?: ValueBound; upper?: number | null },
) => a.value === b.value && a.bound === (b.bound ?? "exact") && (a.upper ?? null) === (b.upper ?? null);

export type UpsertResult =
  | { ok: true; id: number; created: boolean; changed: boolean }
  | { ok: false; reason: "notFound" | "area" | "value"; error: string }
  | { ok: false; reason: "period"; error: string };

/** The existing row for indicator + kind + area (null = city) + period: the key of the unique index. */
function findValue(r: Reader, input: Omit<ValueInput, "value">) {
  return (
    r
      .select({ id: indicatorValues.id, value: indicatorValues.value, bound: indicatorValues.bound, upper: indicatorValues.upper })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, input.indicatorId),
          eq(indicatorValues.kind, input.kind),
          sql`coalesce(${indicatorValues.areaId}, 0) = ${input.areaId ?? 0}`,
          eq(indicatorValues.period, input.period),
        ),
      )
      .get() ?? null
  );
}

/** Inserts or updates one row inside the caller's transaction; the input is already validated. */
function writeValue(tx: Tx, input: ValueInput, now: Date): { id: number; created: boolean; changed: boolean } {
  const existing = findValue(tx, input);
  const figure = { value: input.value, bound: input.bound ?? "exact", upper: input.bound === "range" ? (input.upper ?? null) : null };
  if (existing) {
    if (sameFigure(existing, figure)) return { id: existing.id, created: false, changed: false };
    tx.update(indicatorValues)
      .set({ ...figure, updatedAt: now })
      .where(eq(indicatorValues.id, existing.id))
      .run();
    return { id: existing.id, created: false, changed: true };
  }
  const id = Number(
    tx
      .insert(indicatorValues)
      .values({ ...input, ...figure, updatedAt: now })
      .run().lastInsertRowid,
  );
  return { id, created: true, changed: true };
}

/**
 * Adds or corrects one value or target. The period must match the indicator's resolution; a
 * second save for the same indicator, kind, area and period replaces the value (no duplicates).
 */
export function upsertIndicatorValue(viewer: Viewer | null, raw: ValueInput, now = clock.now()): UpsertResult {
  const input = { ...raw, period: normalizePeriod(raw.period) };
  return db().transaction((tx) => {
    const indicator = tx
      .select({ id: indicators.id, resolution: indicators.resolution, unit: indicators.unit })
      .from(indicators)
      .where(eq(indicators.id, input.indicatorId))
      .get();
    if (!indicator) return { ok: false as const, reason: "notFound" as const, error: "indicators.errors.notFound" };
    const problem = periodProblem(input.period, indicator.resolution);
    if (problem) return { ok: false as const, reason: "period" as const, error: problem };
    if (input.areaId !== null && !tx.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId)).get()) {
      return { ok: false as const, reason: "area" as const, error: "indicators.errors.area" };
    }
    const rangeError = figureProblem(indicator.unit, {
      value: input.value,
      bound: input.bound ?? "exact",
      upper: input.bound === "range" ? (input.upper ?? null) : null,
    });
    if (rangeError) return { ok: false as const, reason: "value" as const, error: rangeError };
    const result = writeValue(tx, input, now);
    if (result.changed) {
      audit(
        {
          actorId: viewer?.id ?? null,
          action: "indicator.valueSaved",
          targetType: "indicator",
          targetId: input.indicatorId,
          detail: {
            kind: input.kind,
            areaId: input.areaId,
            period: input.period,
            value: input.value,
            bound: input.bound ?? "exact",
            upper: input.upper ?? null,
          },
        },
        tx,
      );
    }
    return { ok: true as const, ...result };
  }) as UpsertResult;
}

/** Replaces the priority areas an indicator follows. */
export function linkIndicatorToPriorityAreas(viewer: Viewer | null, indicatorId: number, priorityAreaIds: number[]): boolean {
  return db().transaction((tx) => {
    if (!tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, indicatorId)).get()) return false;
    tx.delete(indicatorPriorityAreas).where(eq(indicatorPriorityAreas.indicatorId, indicatorId)).run();
    for (const priorityAreaId of new Set(priorityAreaIds)) tx.insert(indicatorPriorityAreas).values({ indicatorId, priorityAreaId }).run();
    audit(
      {
        actorId: viewer?.id ?? null,
        action: "indicator.linked",
        targetType: "indicator",
        targetId: indicatorId,
        detail: { priorityAreaIds },
      },
      tx,
    );
    return true;
  });
}

/** Replaces the measures whose effect an indicator shows. */
export function linkIndicatorToMeasures(viewer: Viewer | null, indicatorId: number, measureIds: number[]): boolean {
  return db().transaction((tx) => {
    if (!tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, indicatorId)).get()) return false;
    tx.delete(indicatorMeasures).where(eq(indicatorMeasures.indicatorId, indicatorId)).run();
    for (const measureId of new Set(measureIds)) tx.insert(indicatorMeasures).values({ indicatorId, measureId }).run();
    audit(
      { actorId: viewer?.id ?? null, action: "indicator.linked", targetType: "indicator", targetId: indicatorId, detail: { measureIds } },
      tx,
    );
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Definitions (coordinators)

export type IndicatorDefinitionInput = {
  key: string;
  nameFi: string;
  nameSv?: string;
  nameEn?: string;
  unit: string;
  source?: string;
  direction: IndicatorDirection;
  resolution: IndicatorResolution;
  descriptionFi?: string;
  /** The priority areas chosen, out of the scope's (those the form offered). */
  priorityAreaIds: number[];
  /** Identifiers of the plan in force's measures whose effect the indicator shows. */
  measureCodes: string[];
};

/** What a definition form works on: the priority areas it offered and the plan whose measures it names. */
export type DefinitionScope = { priorityAreaIds: number[]; planId: number | null };

export type DefinitionResult =
  | { ok: true; id: number }
  | { ok: false; reason: "notFound" | "keyTaken" | "resolutionLocked" | "priorityArea" }
  | { ok: false; reason: "measureCodes"; unknown: string[] }
  | { ok: false; reason: "conflict"; current: NonNullable<ReturnType<typeof getIndicatorDefinition>> };

function definitionValues(input: IndicatorDefinitionInput) {
  return {
    key: input.key.trim(),
    ...writtenNames(input),
    unit: input.unit.trim(),
    source: input.source?.trim() ?? "",
    direction: input.direction,
    resolution: input.resolution,
    descriptionFi: blankToNull(input.descriptionFi),
  };
}

function keyTaken(tx: Tx, key: string, exceptId?: number): boolean {
  const row = tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key.trim())).get();
  return !!row && row.id !== exceptId;
}

/** Links the chosen priority areas; links to areas outside the scope (older plans) are kept. */
function setPriorityAreaLinks(tx: Tx, indicatorId: number, chosen: number[], scope: number[]) {
  if (scope.length)
    tx.delete(indicatorPriorityAreas)
      .where(and(eq(indicatorPriorityAreas.indicatorId, indicatorId), inArray(indicatorPriorityAreas.priorityAreaId, scope)))
      .run();
  for (const priorityAreaId of new Set(chosen))
    tx.insert(indicatorPriorityAreas).values({ indicatorId, priorityAreaId }).onConflictDoNothing().run();
}

/** The plan's measures with these identifiers, and the identifiers that name none. */
function measuresByCode(tx: Tx, planId: number | null, codes: string[]): { ids: number[]; unknown: string[] } {
  if (!codes.length) return { ids: [], unknown: [] };
  const found =
    planId == null
      ? []
      : tx
          .select({ id: measures.id, code: measures.code })
          .from(measures)
          .where(and(eq(measures.planId, planId), inArray(measures.code, codes)))
          .all();
  const known = new Set(found.map((m) => m.code));
  return { ids: found.map((m) => m.id), unknown: codes.filter((c) => !known.has(c)) };
}

/** Links the named measures of the scope's plan; links to other plans' measures are kept. */
function setMeasureLinks(tx: Tx, indicatorId: number, measureIds: number[], planId: number | null) {
  if (planId != null) {
    tx.delete(indicatorMeasures)
      .where(
        and(
          eq(indicatorMeasures.indicatorId, indicatorId),
          sql`${indicatorMeasures.measureId} in (select id from ${measures} where plan_id = ${planId})`,
        ),
      )
      .run();
  }
  for (const measureId of new Set(measureIds)) tx.insert(indicatorMeasures).values({ indicatorId, measureId }).onConflictDoNothing().run();
}

/** A new indicator; its key must be free (CSV imports name indicators by it). */
export function createIndicator(viewer: Viewer, input: IndicatorDefinitionInput, scope: DefinitionScope): DefinitionResult {
  if (input.priorityAreaIds.some((id) => !scope.priorityAreaIds.includes(id))) return { ok: false, reason: "priorityArea" };
  return db().transaction((tx) => {
    if (keyTaken(tx, input.key)) return { ok: false as const, reason: "keyTaken" as const };
    const named = measuresByCode(tx, scope.planId, input.measureCodes);
    if (named.unknown.length) return { ok: false as const, reason: "measureCodes" as const, unknown: named.unknown };
    const id = Number(tx.insert(indicators).values(definitionValues(input)).run().lastInsertRowid);
    setPriorityAreaLinks(tx, id, input.priorityAreaIds, scope.priorityAreaIds);
    setMeasureLinks(tx, id, named.ids, scope.planId);
    audit({ actorId: viewer.id, action: "indicator.created", targetType: "indicator", targetId: id }, tx);
    return { ok: true as const, id };
  }) as DefinitionResult;
}

/**
 * Saves a definition edited on `expectedVersion`; someone else's newer save is not overwritten (the
 * answer carries the definition as it now is). The resolution cannot change once values exist:
 * their periods are written for it.
 */
export function updateIndicator(
  viewer: Viewer,
  id: number,
  expectedVersion: number,
  input: IndicatorDefinitionInput,
  scope: DefinitionScope,
): DefinitionResult {
  if (input.priorityAreaIds.some((areaId) => !scope.priorityAreaIds.includes(areaId))) return { ok: false, reason: "priorityArea" };
  return db().transaction((tx) => {
    const current = getIndicatorDefinition(id, tx);
    if (!current) return { ok: false as const, reason: "notFound" as const };
    if (current.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const, current };
    if (keyTaken(tx, input.key, id)) return { ok: false as const, reason: "keyTaken" as const };
    if (
      input.resolution !== current.resolution &&
      tx.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.indicatorId, id)).get()
    ) {
      return { ok: false as const, reason: "resolutionLocked" as const };
    }
    const named = measuresByCode(tx, scope.planId, input.measureCodes);
    if (named.unknown.length) return { ok: false as const, reason: "measureCodes" as const, unknown: named.unknown };
    tx.update(indicators)
      .set({ ...definitionValues(input), version: current.version + 1 })
      .where(eq(indicators.id, id))
      .run();
    setPriorityAreaLinks(tx, id, input.priorityAreaIds, scope.priorityAreaIds);
    setMeasureLinks(tx, id, named.ids, scope.planId);
    audit({ actorId: viewer.id, action: "indicator.updated", targetType: "indicator", targetId: id }, tx);
    return { ok: true as const, id };
  }) as DefinitionResult;
}

/** What the definition form offers: the priority areas of the plan in force, in the reader's language. */
export function definitionFormOptions(lang: string) {
  const plan = currentPlan({ publicOnly: false });
  const areas = plan ? listPriorityAreas(plan.id) : [];
  return {
    priorityAreas: nameOptions(areas, lang, { withCode: true }),
    scope: { priorityAreaIds: areas.map((a) => a.id), planId: plan?.id ?? null } satisfies DefinitionScope,
  };
}

/** The identifiers of the plan's measures an indicator is linked to (for the edit form). */
export function indicatorMeasureCodes(id: number, planId: number | null): string[] {
  if (planId == null) return [];
  return db()
    .select({ code: measures.code })
    .from(indicatorMeasures)
    .innerJoin(measures, eq(measures.id, indicatorMeasures.measureId))
    .where(and(eq(indicatorMeasures.indicatorId, id), eq(measures.planId, planId)))
    .all()
    .map((m) => m.code);
}

/** The priority areas an indicator follows, as ids (for the edit form). */
export function indicatorPriorityAreaIds(id: number): number[] {
  return db()
    .select({ id: indicatorPriorityAreas.priorityAreaId })
    .from(indicatorPriorityAreas)
    .where(eq(indicatorPriorityAreas.indicatorId, id))
    .all()
    .map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// CSV import: reading

export const IMPORT_COLUMNS = ["indicator", "area", "year", "period", "value", "type"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header names (normalised: no diacritics, lower case, "_" for separators) for each column. */
const HEADER_NAMES: Record<ImportColumn, string[]> = {
  indicator: ["indikaattori", "indicator", "indikaattorin_tunnus", "indicator_key", "key", "tunnus"],
  area: ["alue", "area", "aluekoodi", "area_code", "omrade"],
  year: ["vuosi", "year", "ar"],
  period: ["kausi", "period", "kuukausi", "month", "manad"],
  value: ["arvo", "value", "varde"],
  type: ["tyyppi", "type", "kind", "laji", "typ"],
};

export type IndicatorCsv = Csv.ImportTable<ImportColumn>;

/** The columns that must be there: an indicator, a year or a period (month), and a value. */
const TABLE: Csv.TableSpec<ImportColumn> & { maxBytes: number } = {
  errors: "indicators.import.errors",
  headers: headerMap(HEADER_NAMES),
  missing: (columns) =>
    [
      columns.indicator === undefined ? "indikaattori" : null,
      columns.year === undefined && columns.period === undefined ? "vuosi / kausi" : null,
      columns.value === undefined ? "arvo" : null,
    ].filter((c): c is string => c !== null),
  maxRows: MAX_INDICATOR_IMPORT_ROWS,
  maxBytes: MAX_INDICATOR_IMPORT_BYTES,
};
const importError = messageKeys(TABLE.errors);

/** Indicator files for the shared import flow; uploads wait in DATA_DIR/indicator-imports. */
export const INDICATOR_IMPORT_FILES: Csv.ImportFiles = { errors: TABLE.errors, maxBytes: TABLE.maxBytes, folder: "indicator-imports" };

/** Reads an uploaded CSV into rows keyed by column. File-level problems come back as translation keys. */
export function parseIndicatorCsv(bytes: Uint8Array, filename = ""): Csv.TableResult<ImportColumn> {
  return readCsvTable(bytes, filename, TABLE);
}

/**
 * A template to start from: the Finnish column names and a few example rows for the first yearly
 * and monthly indicators. Semicolons, a BOM and CRLF, so Finnish Excel opens it as it is.
 */
export function indicatorTemplateCsv(r: Reader = db()): string {
  const all = r.select({ key: indicators.key, resolution: indicators.resolution }).from(indicators).orderBy(asc(indicators.id)).all();
  const yearly = all.find((i) => i.resolution === "year")?.key ?? "indikaattorin-tunnus";
  const monthly = all.find((i) => i.resolution === "month")?.key;
  const district =
    r.select({ code: areas.code }).from(areas).where(eq(areas.level, "district")).orderBy(asc(areas.code)).get()?.code ?? "101";
  const rows = [
    ["indikaattori", "alue", "vuosi", "kausi", "arvo", "tyyppi"],
    [yearly, "", "2025", "", "62,5", "toteuma"],
    [yearly, district, "2025", "", "58,0", "toteuma"],
    [yearly, "", "2028", "", "70", "tavoite"],
    ...(monthly ? [[monthly, "", "", "2026-03", "74", "toteuma"]] : []),
  ];
  return "\uFEFF" + Papa.unparse(rows, { delimiter: ";", newline: "\r\n" }) + "\r\n";
}

// ---------------------------------------------------------------------------------------------
// CSV import: validating and applying

const looseKey = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");
const CITY_WIDE = new Set([
  "",
  "0",
  "00",
  "000",
  "koko kaupunki",
  "kaupunki",
  "hela staden",
  "staden",
  "whole city",
  "city",
  "city-wide",
  "kaikki",
  "all",
]);
/** The city's own names (the CITY_NAMES setting), also as "koko Helsinki": a row for the city is the whole city. */
const cityNames = () => new Set(config().cityNames.flatMap((n) => [looseKey(n), looseKey(`koko ${n}`)]));
const TARGET_WORDS = new Set(["tavoite", "tavoitearvo", "target", "goal", "mal", "malvarde"]);
const ACTUAL_WORDS = new Set(["", "toteuma", "toteutunut", "arvo", "mittaus", "actual", "value", "utfall", "varde"]);

export type ValidatedIndicatorRow = {
  rowNumber: number;
  indicator: { id: number; key: string; nameFi: string; nameSv: string | null; nameEn: string | null; unit: string } | null;
  indicatorKey: string;
  area: { id: number; code: string; nameFi: string; nameSv: string | null; label: string } | null;
  areaText: string;
  period: string;
  kind: ValueKind | null;
  value: number | null;
  /** The value as read (a number, bound or range), and the stored one an update replaces. */
  figure: Figure | null;
  previous: Figure | null;
  /** The cell held the clear marker: the stored value (if any) is removed. */
  clear: boolean;
  valueText: string;
  action: Csv.ImportAction;
  /** Translation keys, possibly "key|{json params}". */
  errors: string[];
};

export type IndicatorImportValidation = Csv.ImportValidation<ValidatedIndicatorRow>;

function loadImportLookups(r: Reader) {
  const byKey = new Map(
    r
      .select({
        ...columnsOf(indicators, "id", "key"),
        ...namesOf(indicators),
        ...columnsOf(indicators, "unit", "resolution"),
      })
      .from(indicators)
      .all()
      .map((i) => [looseKey(i.key), i]),
  );
  return { byKey, areas: loadAreaIndex(r) };
}

/** Checks every row against the indicators and areas; `r` lets the apply step run it inside its transaction. */
export function validateIndicatorImport(file: IndicatorCsv, r: Reader = db()): IndicatorImportValidation {
  const l = loadImportLookups(r);
  const cityWideNames = cityNames();
  const seen = new Map<string, number>();
  const col = (c: ImportColumn) => file.columns[c] ?? HEADER_NAMES[c][0];
  const rows = file.rows.map((row): ValidatedIndicatorRow => {
    const errors: string[] = [];
    const err = (key: string, column: ImportColumn | null, params: Record<string, unknown> = {}) =>
      errors.push(importError(key, column ? { column: col(column), ...params } : params));
    const v = (c: ImportColumn) => (row.values[c] ?? "").trim();

    const indicatorKey = v("indicator");
    const indicator = indicatorKey ? (l.byKey.get(looseKey(indicatorKey)) ?? null) : null;
    if (!indicatorKey) err("required", "indicator");
    else if (!indicator) err("unknownIndicator", "indicator", { value: indicatorKey });

    const areaText = v("area");
    let area: ValidatedIndicatorRow["area"] = null;
    // Any level (values may be given per sub-area); the city's own name means the whole city.
    if (!CITY_WIDE.has(looseKey(areaText)) && !cityWideNames.has(looseKey(areaText))) {
      const found = resolveAreaRef(l.areas, areaText);
      if (found.ok)
        area = {
          id: found.area.id,
          code: found.area.code,
          nameFi: found.area.nameFi,
          nameSv: found.area.nameSv,
          label: areaLabel(found.area),
        };
      else if (found.problem === "ambiguous") err("ambiguousArea", "area", { value: areaText, candidates: found.candidates.join(", ") });
      else if (found.problem === "leadingZeros")
        err("areaLeadingZeros", "area", { value: areaText, candidates: found.candidates.join(", ") });
      else err("unknownArea", "area", { value: areaText });
    }

    // A "kausi" column wins over "vuosi" where both are filled in.
    const periodColumn: ImportColumn = v("period") ? "period" : "year";
    const periodText = v(periodColumn);
    const period = normalizePeriod(periodText);
    if (!periodText) err("required", file.columns.period !== undefined && file.columns.year === undefined ? "period" : "year");
    else if (indicator) {
      const problem = periodProblem(period, indicator.resolution);
      if (problem) err(indicator.resolution === "year" ? "periodYear" : "periodMonth", periodColumn, { value: periodText });
    }

    const valueText = v("value");
    let value: number | null = null;
    let figure: Figure | null = null;
    // "#TYHJÄ" removes the stored value; an empty cell is an error, never an erasure.
    const clear = isClearMarker(valueText);
    if (!valueText) err("required", "value");
    else if (!clear) {
      figure = parseFigure(valueText);
      value = figure?.value ?? null;
      if (!figure) err("number", "value", { value: valueText });
      else if (indicator && figureProblem(indicator.unit, figure)) err("percentRange", "value", { value: valueText });
    }

    const typeText = looseKey(v("type"))
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    const kind: ValueKind | null = TARGET_WORDS.has(typeText) ? "target" : ACTUAL_WORDS.has(typeText) ? "actual" : null;
    if (!kind) err("type", "type", { value: v("type") });

    let action: Csv.ImportAction = "create";
    let previous: Figure | null = null;
    if (indicator && kind && !errors.length) {
      const key = `${indicator.id}|${kind}|${area?.id ?? 0}|${period}`;
      const first = seen.get(key);
      if (first) err("duplicateRow", null, { row: first });
      else seen.set(key, row.rowNumber);
      const existing = findValue(r, { indicatorId: indicator.id, kind, areaId: area?.id ?? null, period });
      if (clear) action = existing ? "update" : "unchanged";
      else action = !existing ? "create" : sameFigure(existing, figure!) ? "unchanged" : "update";
      if (existing && action === "update") previous = { value: existing.value, bound: existing.bound, upper: existing.upper };
    }
    return {
      rowNumber: row.rowNumber,
      indicator: indicator
        ? {
            id: indicator.id,
            key: indicator.key,
            ...namesFrom(indicator),
            unit: indicator.unit,
          }
        : null,
      indicatorKey,
      area,
      areaText,
      period,
      kind,
      value,
      figure,
      previous,
      clear,
      valueText,
      action,
      errors,
    };
  });
  return summarize(rows);
}

export type IndicatorImportResult = Csv.ImportResult<IndicatorImportValidation>;

/**
 * Writes the whole file in one transaction or nothing. The rows are validated again inside it, so
 * a change between preview and confirm cannot slip through; re-importing a file updates in place.
 */
export function applyIndicatorImport(
  viewer: Viewer | null,
  file: IndicatorCsv,
  meta: { filename?: string } = {},
  now = clock.now(),
): IndicatorImportResult {
  return writeAllOrNothing(
    (tx) => validateIndicatorImport(file, tx),
    (tx, validation) => {
      let created = 0;
      let updated = 0;
      for (const row of validation.rows) {
        if (row.action === "unchanged") continue;
        if (row.clear) {
          const existing = findValue(tx, {
            indicatorId: row.indicator!.id,
            kind: row.kind!,
            areaId: row.area?.id ?? null,
            period: row.period,
          });
          if (existing) {
            tx.delete(indicatorValues).where(eq(indicatorValues.id, existing.id)).run();
            updated++;
          }
          continue;
        }
        const f = row.figure!;
        const result = writeValue(
          tx,
          {
            indicatorId: row.indicator!.id,
            kind: row.kind!,
            areaId: row.area?.id ?? null,
            period: row.period,
            value: f.value,
            bound: f.bound,
            upper: f.upper,
          },
          now,
        );
        if (result.created) created++;
        else if (result.changed) updated++;
      }
      return { created, updated };
    },
    { actorId: viewer?.id ?? null, action: "indicator.import", targetType: "indicator", filename: meta.filename },
  );
}
