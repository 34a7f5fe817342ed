// The status review (tilannekatsaus): compiled from the records while a draft, frozen as JSON when
// sent, so later changes to measures never change what the steering group was given.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  followUps,
  indicatorPriorityAreas,
  indicators,
  indicatorValues,
  measures,
  organisations,
  priorityAreas,
  priorityAreaYears,
  reviewAssessments,
  reviewDecisions,
  safetyPlans,
  statusReviews,
  users,
  type MeasureStatus,
  type ReviewStatus,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db, type Tx } from "../platform/db.server";
import type { FigureLike } from "../city/indicator-figures";
import { cityWideValues } from "../city/indicators.server";
import { cachedRead } from "../platform/read-cache.server";
import { type LateReason, parseReasons, type StaleReason } from "../city/measure-rules";
import { lateReasonSql, lateSql, staleReasonSql, staleSql } from "../city/measures.server";
import { notifyMany, scheduleMailDelivery } from "../mail/notifications.server";
import { listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { steeringSummary } from "./summary.server";
import { clock } from "../platform/clock";
import type { ReviewChanges } from "./changes";
import { measureTitles, prefixedNamesOf, columnsOf } from "../platform/select-names";
import type { Viewer } from "../people/viewer.server";
import { citeConsultation, getConsultationRecord } from "../consultations/consultations.server";
import { consultationsClosedBetween, type ReviewConsultation } from "../consultations/results.server";
import { listCategories, observationTotals } from "../observations/observations.server";
import { namesFrom } from "../../i18n/names";

/** The map observations of a review's period (its first day to its last, inclusive). */
function reviewObservations(reviewId: number): ReviewContent["observations"] {
  const review = db()
    .select({ periodStart: statusReviews.periodStart, periodEnd: statusReviews.periodEnd })
    .from(statusReviews)
    .where(eq(statusReviews.id, reviewId))
    .get();
  if (!review) return undefined;
  const to = new Date(`${review.periodEnd}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  const totals = observationTotals({ from: new Date(`${review.periodStart}T00:00:00Z`), to });
  const categories = listCategories({ includeRetired: true });
  return {
    total: totals.total,
    byCategory: totals.byCategory.map((c) => {
      const named = categories.find((x) => x.id === c.categoryId);
      return { nameFi: named?.nameFi ?? "–", nameSv: named?.nameSv ?? "–", nameEn: named?.nameEn ?? "–", count: c.count };
    }),
  };
}

export type { ReviewChanges };

export type ReviewMeasure = {
  id: number;
  code: string;
  title: string;
  /** Absent in reviews sent before measures had Swedish and English titles. */
  titleSv?: string | null;
  titleEn?: string | null;
  priorityAreaId: number | null;
  status: MeasureStatus;
  progress: number;
  ownerNameFi: string;
  ownerNameSv: string | null;
  ownerNameEn: string | null;
  responsibleName: string | null;
  endDate: string | null;
  continuous: boolean;
  late: boolean;
  stale: boolean;
  /** Why late / stale when the review was compiled (absent in reviews compiled before reasons were kept). */
  lateReason?: LateReason | null;
  staleReason?: StaleReason | null;
  latest: { reportedAt: number; done: string; next: string; obstacles: string } | null;
};

export type ReviewIndicator = {
  id: number;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  unit: string;
  direction: "up" | "down";
  /** A figure with how it was published (FigureLike: a bound or range; absent in older snapshots). */
  latest: ({ period: string } & FigureLike) | null;
  previous: ({ period: string } & FigureLike) | null;
  target: ({ period: string } & FigureLike) | null;
  priorityAreaIds: number[];
};

export type ReviewContent = {
  compiledAt: number;
  plan: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null; periodStart: string; periodEnd: string };
  priorityAreas: ReturnType<typeof steeringSummary>["areas"];
  totals: ReturnType<typeof steeringSummary>["totals"];
  progress: number | null;
  measures: ReviewMeasure[];
  indicators: ReviewIndicator[];
  changes: ReviewChanges | null;
  assessments: { priorityAreaId: number | null; assessment: string; proposals: string; updatedByName: string | null; version: number }[];
  /** Residents' consultations closed during the review's period, with their main figures (absent in reviews sent before issue 16). */
  consultations?: ReviewConsultation[];
  /** Published map observations in the review's period, by category (names frozen with it); absent in older snapshots. */
  observations?: { total: number; byCategory: { nameFi: string; nameSv: string; nameEn: string; count: number }[] };
};

/**
 * Every measure of the plan, proposals included: the review counts and lists what the steering
 * summary and the measure list count (STATUS_COLUMNS in measure-rules.ts), and says how many are
 * proposals. The changes since the previous review still concern committed measures only.
 */
function compileMeasures(planId: number, now: Date): ReviewMeasure[] {
  const d = db();
  const responsible = alias(users, "responsible");
  const rows = d
    .select({
      id: measures.id,
      ...measureTitles,
      ...columnsOf(measures, "priorityAreaId", "status", "progress"),
      ...prefixedNamesOf("owner", organisations),
      responsibleName: responsible.name,
      ...columnsOf(measures, "endDate", "continuous"),
      late: lateSql(now),
      stale: staleSql(now),
      lateReason: lateReasonSql(now),
      staleReason: staleReasonSql(now),
    })
    .from(measures)
    .innerJoin(organisations, eq(organisations.id, measures.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, measures.responsibleUserId))
    .where(eq(measures.planId, planId))
    .orderBy(
      sql`cast(${measures.code} as integer)`,
      sql`cast(substr(${measures.code}, instr(${measures.code}, '.') + 1) as integer)`,
      asc(measures.code),
    )
    .all();
  // The latest entry per measure in one query: an index lookup per measure on (measure_id, reported_at).
  const latest = d.all<{ measure_id: number; reported_at: number; done: string; next: string; obstacles: string }>(sql`
    select f.measure_id, f.reported_at, f.done, f.next, f.obstacles
    from ${measures} m join ${followUps} f on f.id = (
      select f2.id from ${followUps} f2 where f2.measure_id = m.id order by f2.reported_at desc, f2.id desc limit 1)
    where m.plan_id = ${planId}`);
  const latestBy = new Map(latest.map((l) => [l.measure_id, l]));
  return rows.map((r) => {
    const l = latestBy.get(r.id);
    return {
      ...r,
      late: !!r.late,
      stale: !!r.stale,
      ...parseReasons(r),
      latest: l ? { reportedAt: l.reported_at, done: l.done, next: l.next, obstacles: l.obstacles } : null,
    };
  });
}

const pointOf = (v: { period: string } & FigureLike) => ({ period: v.period, value: v.value, bound: v.bound, upper: v.upper });

function compileIndicators(planId: number): ReviewIndicator[] {
  const d = db();
  const areaIds = d
    .select({ id: priorityAreas.id })
    .from(priorityAreas)
    .where(eq(priorityAreas.planId, planId))
    .all()
    .map((a) => a.id);
  if (!areaIds.length) return [];
  const links = d.select().from(indicatorPriorityAreas).where(inArray(indicatorPriorityAreas.priorityAreaId, areaIds)).all();
  const ids = [...new Set(links.map((l) => l.indicatorId))];
  if (!ids.length) return [];
  const defs = d.select().from(indicators).where(inArray(indicators.id, ids)).orderBy(asc(indicators.nameFi)).all();
  const values = cityWideValues(d, ids).orderBy(desc(indicatorValues.period)).all();
  return defs.map((def) => {
    const actual = values.filter((v) => v.indicatorId === def.id && v.kind === "actual");
    const target = values.find((v) => v.indicatorId === def.id && v.kind === "target");
    return {
      id: def.id,
      ...namesFrom(def),
      unit: def.unit,
      direction: def.direction,
      latest: actual[0] ? pointOf(actual[0]) : null,
      previous: actual[1] ? pointOf(actual[1]) : null,
      target: target ? pointOf(target) : null,
      priorityAreaIds: links.filter((l) => l.indicatorId === def.id).map((l) => l.priorityAreaId),
    };
  });
}

/** What changed between two compiled reviews, measure by measure. */
/** What a diff needs of a measure. */
type DiffMeasure = Pick<ReviewMeasure, "id" | "code" | "title" | "titleSv" | "titleEn" | "status" | "late">;

export function diffReviews(
  previous: { measures: DiffMeasure[] },
  current: { measures: DiffMeasure[] },
): Omit<ReviewChanges, "previousReviewId" | "previousTitle"> {
  // Changes concern committed measures: a proposal becomes "new" when it is approved. (Reviews sent
  // before proposals were listed in them have none, so old and new snapshots compare alike.)
  const committed = (list: DiffMeasure[]) => list.filter((m) => m.status !== "proposed");
  const before = new Map(committed(previous.measures).map((m) => [m.id, m]));
  const pick = (m: DiffMeasure) => ({ id: m.id, code: m.code, title: m.title, titleSv: m.titleSv ?? null, titleEn: m.titleEn ?? null });
  const changes = {
    newMeasures: [] as ReturnType<typeof pick>[],
    completed: [] as ReturnType<typeof pick>[],
    newlyLate: [] as ReturnType<typeof pick>[],
    statusChanged: [] as ReviewChanges["statusChanged"],
  };
  for (const m of committed(current.measures)) {
    const old = before.get(m.id);
    if (!old) {
      changes.newMeasures.push(pick(m));
      continue;
    }
    if (m.status === "completed" && old.status !== "completed") changes.completed.push(pick(m));
    if (m.late && !old.late) changes.newlyLate.push(pick(m));
    if (m.status !== old.status) changes.statusChanged.push({ ...pick(m), from: old.status, to: m.status });
  }
  return changes;
}

function latestSentReview(planId: number, exceptId?: number) {
  return (
    db()
      .select()
      .from(statusReviews)
      .where(
        and(
          eq(statusReviews.planId, planId),
          isNotNull(statusReviews.sentAt),
          exceptId ? sql`${statusReviews.id} != ${exceptId}` : undefined,
        ),
      )
      .orderBy(desc(statusReviews.sentAt))
      .get() ?? null
  );
}

function loadAssessments(reviewId: number) {
  return db()
    .select({
      ...columnsOf(reviewAssessments, "priorityAreaId", "assessment", "proposals"),
      updatedByName: users.name,
      version: reviewAssessments.version,
    })
    .from(reviewAssessments)
    .leftJoin(users, eq(users.id, reviewAssessments.updatedById))
    .where(eq(reviewAssessments.reviewId, reviewId))
    .all();
}

/** The consultations that closed during a review's period. */
function reviewConsultations(reviewId: number, now: Date): ReviewConsultation[] {
  const review = db()
    .select({ periodStart: statusReviews.periodStart, periodEnd: statusReviews.periodEnd })
    .from(statusReviews)
    .where(eq(statusReviews.id, reviewId))
    .get();
  return review ? consultationsClosedBetween(review.periodStart, review.periodEnd, now) : [];
}

/** Compiles a review from the records as they are now. */
export function compileReview(
  planId: number,
  opts: { reviewId?: number; previousReviewId?: number | null; now?: Date } = {},
): ReviewContent {
  const now = opts.now ?? clock.now();
  const plan = db().select().from(safetyPlans).where(eq(safetyPlans.id, planId)).get();
  if (!plan) throw new Error(`no plan ${planId}`);
  const summary = steeringSummary(planId, {}, now);
  const content: ReviewContent = {
    // To the minute, as it is shown: a draft is compiled on every view, and a cached view must
    // equal a fresh one within the minute (decisions/0014).
    compiledAt: Math.floor(now.getTime() / 60_000) * 60_000,
    plan: {
      id: plan.id,
      ...namesFrom(plan),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
    },
    // The same counts as the steering summary, proposals included (the page says how many).
    priorityAreas: summary.areas,
    totals: summary.totals,
    progress: summary.progress,
    measures: compileMeasures(planId, now),
    indicators: compileIndicators(planId),
    changes: null,
    assessments: opts.reviewId ? loadAssessments(opts.reviewId) : [],
    consultations: opts.reviewId ? reviewConsultations(opts.reviewId, now) : [],
    observations: opts.reviewId ? reviewObservations(opts.reviewId) : undefined,
  };
  const previousId = opts.previousReviewId;
  if (previousId) {
    const previous = db().select().from(statusReviews).where(eq(statusReviews.id, previousId)).get();
    if (previous?.snapshot) {
      const prevContent = JSON.parse(previous.snapshot) as ReviewContent;
      content.changes = { previousReviewId: previous.id, previousTitle: previous.title, ...diffReviews(prevContent, content) };
    }
  }
  return content;
}

/**
 * A sent review's measures as the diff needs them. A sent snapshot never changes, so it is parsed
 * once (keyed by id and send time) rather than on every page that shows the changes since it.
 */
const sentMeasures = new Map<string, DiffMeasure[]>();
function snapshotMeasures(review: { id: number; sentAt: Date | null; snapshot: string }): DiffMeasure[] {
  const key = `${review.id}:${review.sentAt?.getTime() ?? ""}`;
  let list = sentMeasures.get(key);
  if (!list) {
    list = (JSON.parse(review.snapshot) as ReviewContent).measures.map((m) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      status: m.status,
      late: m.late,
    }));
    sentMeasures.set(key, list);
    if (sentMeasures.size > 20) sentMeasures.delete(sentMeasures.keys().next().value as string);
  }
  return list;
}

/**
 * What changed since a sent review: the same answer as a full compileReview's `changes`, but only
 * the measures' identity, status and lateness are read (no summary, latest entries or indicators).
 * The steering summary shows it on every view, and after every write it is computed afresh.
 */
export function changesSinceReview(planId: number, previousReviewId: number, now = clock.now()): ReviewChanges | null {
  const previous = db()
    .select({ id: statusReviews.id, title: statusReviews.title, sentAt: statusReviews.sentAt, snapshot: statusReviews.snapshot })
    .from(statusReviews)
    .where(eq(statusReviews.id, previousReviewId))
    .get();
  if (!previous?.snapshot) return null;
  const current = db()
    .select({
      id: measures.id,
      ...measureTitles,
      status: measures.status,
      late: lateSql(now),
    })
    .from(measures)
    .where(and(eq(measures.planId, planId), sql`${measures.status} != 'proposed'`))
    .orderBy(
      sql`cast(${measures.code} as integer)`,
      sql`cast(substr(${measures.code}, instr(${measures.code}, '.') + 1) as integer)`,
      asc(measures.code),
    )
    .all()
    .map((m) => ({ ...m, late: !!m.late }));
  return {
    previousReviewId: previous.id,
    previousTitle: previous.title,
    ...diffReviews({ measures: snapshotMeasures({ ...previous, snapshot: previous.snapshot }) }, { measures: current }),
  };
}

/**
 * changesSinceReview through the read cache, for the steering summary (shown on every view). Any
 * write makes it stale; lateness depends on the clock too, so it also turns over every minute.
 * The value is shared by every request: treat it as read-only.
 */
export function cachedChangesSinceReview(planId: number, previousReviewId: number, now = clock.now()): ReviewChanges | null {
  return cachedRead(
    `changes:${planId}:${previousReviewId}`,
    () => changesSinceReview(planId, previousReviewId, now),
    String(Math.floor(now.getTime() / 60_000)),
  );
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

export function listReviews() {
  return db()
    .select({
      ...columnsOf(statusReviews, "id", "title", "titleSv", "titleEn", "status", "periodStart", "periodEnd", "sentAt", "closedAt"),
      ...columnsOf(statusReviews, "planId"),
      ...prefixedNamesOf("plan", safetyPlans),
    })
    .from(statusReviews)
    .innerJoin(safetyPlans, eq(safetyPlans.id, statusReviews.planId))
    .orderBy(desc(statusReviews.periodEnd), desc(statusReviews.id))
    .all();
}

export function latestReview(opts: { sentOnly: boolean }) {
  // Reviews carry large frozen snapshots in their rows, so even this small query reads a lot.
  return cachedRead(
    `latestReview:${opts.sentOnly}`,
    () =>
      db()
        .select({
          ...columnsOf(statusReviews, "id", "title", "titleSv", "titleEn", "status", "sentAt"),
        })
        .from(statusReviews)
        .where(opts.sentOnly ? isNotNull(statusReviews.sentAt) : undefined)
        .orderBy(desc(statusReviews.sentAt), desc(statusReviews.id))
        .get() ?? null,
  );
}

export type ReviewTitleInput = { title: string; titleSv?: string | null; titleEn?: string | null };
export type ReviewInput = ReviewTitleInput & { planId: number; periodStart: string; periodEnd: string };
/** Which of the titles another review of the plan already has. */
export type TitleField = "title" | "titleSv" | "titleEn";
const TITLE_COLUMNS = { title: statusReviews.title, titleSv: statusReviews.titleSv, titleEn: statusReviews.titleEn } as const;

/** Whether a review of the plan already has this title (two reviews of one plan never share one). */
export function reviewTitleTaken(planId: number, title: string, field: TitleField = "title", exceptId?: number): boolean {
  const conditions = [eq(statusReviews.planId, planId), eq(TITLE_COLUMNS[field], title)];
  if (exceptId !== undefined) conditions.push(sql`${statusReviews.id} <> ${exceptId}`);
  return !!db()
    .select({ id: statusReviews.id })
    .from(statusReviews)
    .where(and(...conditions))
    .get();
}

/** The first title (Finnish, Swedish, English) that another review of the plan has in the same language. */
function takenTitleField(planId: number, titles: ReviewTitleInput, exceptId?: number): TitleField | null {
  for (const field of ["title", "titleSv", "titleEn"] as const) {
    const value = titles[field];
    if (value && reviewTitleTaken(planId, value, field, exceptId)) return field;
  }
  return null;
}

/** The title a unique index refused, read from SQLite's message (its columns). */
const violatedTitleField = (e: unknown): TitleField => {
  const text = String((e as { message?: string }).message ?? "") + String((e as { cause?: { message?: string } }).cause?.message ?? "");
  return text.includes("title_sv") ? "titleSv" : text.includes("title_en") ? "titleEn" : "title";
};

/** Empty translations are stored as null, so they never collide with one another. */
const titleColumns = (titles: ReviewTitleInput) => ({
  title: titles.title,
  titleSv: titles.titleSv || null,
  titleEn: titles.titleEn || null,
});

/** `base`, or `base (2)`, `base (3)` … whichever is free in the plan: for titles the app makes up itself. */
export function uniqueReviewTitle(planId: number, base: string): string {
  let title = base;
  for (let n = 2; reviewTitleTaken(planId, title); n++) title = `${base} (${n})`;
  return title;
}

/** SQLite's unique-constraint error, also when drizzle wraps it (in `cause`). */
const isUniqueViolation = (e: unknown): boolean =>
  (e as { code?: string } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
  (!!(e as { cause?: unknown } | null)?.cause && isUniqueViolation((e as { cause: unknown }).cause));

export type TitleRefusal = { ok: false; reason: "titleTaken"; field: TitleField };

/** Starts a draft review; a title another review of the plan has in the same language is refused (unique indexes back it). */
export function startReview(viewer: Viewer, input: ReviewInput): { ok: true; id: number } | TitleRefusal {
  try {
    return db().transaction((tx) => {
      const taken = takenTitleField(input.planId, input);
      if (taken) return { ok: false as const, reason: "titleTaken" as const, field: taken };
      const previous = latestSentReview(input.planId);
      const id = Number(
        tx
          .insert(statusReviews)
          .values({
            ...input,
            ...titleColumns(input),
            status: "draft",
            previousReviewId: previous?.id ?? null,
            createdById: viewer.id,
          })
          .run().lastInsertRowid,
      );
      audit({ actorId: viewer.id, action: "review.created", targetType: "review", targetId: id }, tx);
      return { ok: true as const, id };
    }) as { ok: true; id: number } | TitleRefusal;
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: "titleTaken", field: violatedTitleField(e) };
    throw e;
  }
}

/** Renames a draft in any of its languages; a sent review is a record and keeps its titles. */
export function updateReviewTitles(
  viewer: Viewer,
  reviewId: number,
  expectedVersion: number,
  titles: ReviewTitleInput,
): { ok: true } | TitleRefusal | Refusal {
  try {
    return db().transaction((tx) => {
      const review = tx.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get();
      if (!review) return { ok: false as const, reason: "notFound" as const };
      if (review.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
      if (review.status !== "draft") return { ok: false as const, reason: "notDraft" as const };
      const taken = takenTitleField(review.planId, titles, reviewId);
      if (taken) return { ok: false as const, reason: "titleTaken" as const, field: taken };
      tx.update(statusReviews)
        .set({ ...titleColumns(titles), version: review.version + 1 })
        .where(eq(statusReviews.id, reviewId))
        .run();
      audit({ actorId: viewer.id, action: "review.renamed", targetType: "review", targetId: reviewId }, tx);
      return { ok: true as const };
    }) as { ok: true } | TitleRefusal | Refusal;
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: "titleTaken", field: violatedTitleField(e) };
    throw e;
  }
}

/** startReview for callers that choose the title themselves (seed, tests): a taken title is an error. */
export function createReview(viewer: Viewer, input: ReviewInput): number {
  const result = startReview(viewer, input);
  if (!result.ok) throw new Error(`a review of plan ${input.planId} is already titled "${input.title}"`);
  return result.id;
}

export function getReviewRecord(id: number) {
  return db().select().from(statusReviews).where(eq(statusReviews.id, id)).get() ?? null;
}

/** A draft shows the records live; anything sent shows only its frozen snapshot. */
export function getReview(id: number, now = clock.now()) {
  const review = getReviewRecord(id);
  if (!review) return null;
  const content: ReviewContent = review.snapshot
    ? (JSON.parse(review.snapshot) as ReviewContent)
    : compileReview(review.planId, { reviewId: review.id, previousReviewId: review.previousReviewId, now });
  const decisions = db().select().from(reviewDecisions).where(eq(reviewDecisions.reviewId, id)).orderBy(asc(reviewDecisions.id)).all();
  const { snapshot: _snapshot, ...meta } = review;
  return { review: meta, content, decisions };
}

export type ReviewView = NonNullable<ReturnType<typeof getReview>>;

type Refusal = { ok: false; reason: "notFound" | "notDraft" | "conflict" | "wrongStatus" };

export function saveAssessment(
  viewer: Viewer,
  reviewId: number,
  priorityAreaId: number | null,
  text: { assessment: string; proposals: string },
  expectedVersion: number | null,
  now = clock.now(),
): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const review = tx.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get();
    if (!review) return { ok: false as const, reason: "notFound" as const };
    if (review.status !== "draft") return { ok: false as const, reason: "notDraft" as const };
    const existing = tx
      .select()
      .from(reviewAssessments)
      .where(
        and(
          eq(reviewAssessments.reviewId, reviewId),
          priorityAreaId ? eq(reviewAssessments.priorityAreaId, priorityAreaId) : isNull(reviewAssessments.priorityAreaId),
        ),
      )
      .get();
    if (existing) {
      if (existing.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
      tx.update(reviewAssessments)
        .set({ ...text, updatedById: viewer.id, updatedAt: now, version: existing.version + 1 })
        .where(eq(reviewAssessments.id, existing.id))
        .run();
    } else {
      if (expectedVersion) return { ok: false as const, reason: "conflict" as const };
      tx.insert(reviewAssessments)
        .values({ reviewId, priorityAreaId, ...text, updatedById: viewer.id, updatedAt: now })
        .run();
    }
    audit({ actorId: viewer.id, action: "review.assessed", targetType: "review", targetId: reviewId, detail: { priorityAreaId } }, tx);
    return { ok: true as const };
  }) as { ok: true } | Refusal;
}

/** Sending freezes the review: the compiled content, assessments included, becomes the record. */
export function sendReview(viewer: Viewer, reviewId: number, expectedVersion: number, now = clock.now()): { ok: true } | Refusal {
  const result = sendReviewRecord(viewer, reviewId, expectedVersion, now);
  // The steering group is told at once; reminders.server.ts keeps it to one notice per person.
  if (result.ok) {
    announceReviewSent(reviewId, now);
    scheduleMailDelivery();
  }
  return result;
}

function sendReviewRecord(viewer: Viewer, reviewId: number, expectedVersion: number, now: Date): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const review = tx.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get();
    if (!review) return { ok: false as const, reason: "notFound" as const };
    if (review.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
    if (review.status !== "draft") return { ok: false as const, reason: "notDraft" as const };
    // The comparison point is the latest review sent before this one, fixed at sending time.
    const previous = latestSentReview(review.planId, review.id);
    const content = compileReview(review.planId, { reviewId, previousReviewId: previous?.id ?? null, now });
    tx.update(statusReviews)
      .set({
        status: "sent",
        snapshot: JSON.stringify(content),
        sentAt: now,
        sentById: viewer.id,
        previousReviewId: previous?.id ?? null,
        version: review.version + 1,
      })
      .where(eq(statusReviews.id, reviewId))
      .run();
    audit({ actorId: viewer.id, action: "review.sent", targetType: "review", targetId: reviewId }, tx);
    return { ok: true as const };
  }) as { ok: true } | Refusal;
}

export function markDiscussed(viewer: Viewer, reviewId: number, expectedVersion: number, now = clock.now()): { ok: true } | Refusal {
  return moveReview(viewer, reviewId, expectedVersion, "sent", "discussed", { discussedAt: now });
}

function moveReview(
  viewer: Viewer,
  reviewId: number,
  expectedVersion: number,
  from: ReviewStatus,
  to: ReviewStatus,
  extra: Partial<typeof statusReviews.$inferInsert>,
) {
  return db().transaction((tx) => {
    const review = tx.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get();
    if (!review) return { ok: false as const, reason: "notFound" as const };
    if (review.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
    if (review.status !== from) return { ok: false as const, reason: "wrongStatus" as const };
    tx.update(statusReviews)
      .set({ status: to, version: review.version + 1, ...extra })
      .where(eq(statusReviews.id, reviewId))
      .run();
    audit({ actorId: viewer.id, action: `review.${to}`, targetType: "review", targetId: reviewId }, tx);
    return { ok: true as const };
  }) as { ok: true } | Refusal;
}

export type DecisionInput = {
  decidedOn: string;
  kind: "priority_areas" | "other";
  text: string;
  textSv?: string | null;
  textEn?: string | null;
  year?: number;
  priorityAreaIds?: number[];
  /** A residents' consultation the decision cites (issue 16): its page then shows what was decided. */
  consultationId?: number | null;
};

/**
 * Records a decision of the steering group on a sent or discussed review. A decision on next
 * year's priority areas also sets which areas of the plan are in force that year.
 */
export function recordDecision(
  viewer: Viewer,
  reviewId: number,
  input: DecisionInput,
): { ok: true } | Refusal | { ok: false; reason: "invalidAreas" | "invalidConsultation" } {
  const result = db().transaction((tx) => {
    const review = tx.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get();
    if (!review) return { ok: false as const, reason: "notFound" as const };
    if (review.status !== "sent" && review.status !== "discussed") return { ok: false as const, reason: "wrongStatus" as const };
    if (input.consultationId && !getConsultationRecord(input.consultationId, tx))
      return { ok: false as const, reason: "invalidConsultation" as const };
    if (input.kind === "priority_areas") {
      const planAreas = tx
        .select({ id: priorityAreas.id })
        .from(priorityAreas)
        .where(eq(priorityAreas.planId, review.planId))
        .all()
        .map((a) => a.id);
      const chosen = input.priorityAreaIds ?? [];
      if (!input.year || chosen.length === 0 || chosen.some((id) => !planAreas.includes(id)))
        return { ok: false as const, reason: "invalidAreas" as const };
      tx.delete(priorityAreaYears)
        .where(and(inArray(priorityAreaYears.priorityAreaId, planAreas), eq(priorityAreaYears.year, input.year)))
        .run();
      for (const id of chosen)
        tx.insert(priorityAreaYears)
          .values({ priorityAreaId: id, year: input.year, decisionNote: `${review.title}: ${input.text}`.slice(0, 500) })
          .run();
    }
    const decision = tx
      .insert(reviewDecisions)
      .values({
        reviewId,
        decidedOn: input.decidedOn,
        kind: input.kind,
        text: input.text,
        textSv: input.textSv || null,
        textEn: input.textEn || null,
        year: input.kind === "priority_areas" ? input.year : null,
        priorityAreaIds: input.kind === "priority_areas" ? JSON.stringify(input.priorityAreaIds ?? []) : null,
        recordedById: viewer.id,
      })
      .returning({ id: reviewDecisions.id })
      .get();
    // The answerers hear of the decision in the same transaction; the mail goes after it.
    if (input.consultationId) citeConsultation(tx, decision.id, input.consultationId);
    audit(
      {
        actorId: viewer.id,
        action: "review.decision",
        targetType: "review",
        targetId: reviewId,
        detail: { kind: input.kind, year: input.year, consultationId: input.consultationId ?? undefined },
      },
      tx,
    );
    return { ok: true as const };
  }) as { ok: true } | Refusal | { ok: false; reason: "invalidAreas" | "invalidConsultation" };
  if (result.ok && input.consultationId) scheduleMailDelivery();
  return result;
}

export function closeReview(viewer: Viewer, reviewId: number, expectedVersion: number, now = clock.now()): { ok: true } | Refusal {
  const review = getReviewRecord(reviewId);
  if (!review) return { ok: false, reason: "notFound" };
  return moveReview(viewer, reviewId, expectedVersion, review.status === "sent" ? "sent" : "discussed", "closed", { closedAt: now });
}

// ---------------------------------------------------------------------------------------------
// Telling the steering group (also called by the reminders job for reviews sent recently)

/** Tells every current steering-group member about a sent review (once per person and review). */
export function notifyReviewSent(tx: Tx, reviewId: number, now = clock.now()): number {
  const review = tx
    .select({ id: statusReviews.id, title: statusReviews.title, sentAt: statusReviews.sentAt })
    .from(statusReviews)
    .where(eq(statusReviews.id, reviewId))
    .get();
  if (!review?.sentAt) return 0;
  const steering = listCurrentMemberIdsOfKind("steering", tx, now);
  return notifyMany(
    tx,
    steering,
    {
      kind: "review.sent",
      messageKey: "workspaces.notify.reviewSent",
      params: { reviewId, title: review.title },
      link: `/reviews/${reviewId}`,
      key: (u) => `review:${reviewId}:sent:u:${u}`,
    },
    { now },
  );
}

/** Called by sendReview after its transaction: the steering group hears at once, not at the next run. */
export function announceReviewSent(reviewId: number, now = clock.now()): number {
  return db().transaction((tx) => notifyReviewSent(tx, reviewId, now));
}
