// What the steering group reads: indicators with values and targets, and the periodic status
// review (tilannekatsaus) that is frozen once it has been sent.
import type { RegisterAnnotations } from "./register";
import { sql } from "drizzle-orm";
import { createdAt, stampedAt } from "./columns";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { measures, priorityAreas, safetyPlans } from "./city";
import { users } from "./people";

export const INDICATOR_DIRECTIONS = ["up", "down"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_RESOLUTIONS = ["year", "month"] as const;
export type IndicatorResolution = (typeof INDICATOR_RESOLUTIONS)[number];

export const indicators = sqliteTable(
  "indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Short stable key used in CSV imports, e.g. "turvallisuuden-tunne-ilta". */
    key: text("key").notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    nameEn: text("name_en"),
    unit: text("unit").notNull(),
    source: text("source").notNull().default(""),
    /** Which way is good: "up" (more is better) or "down" (less is better). */
    direction: text("direction", { enum: INDICATOR_DIRECTIONS }).notNull(),
    resolution: text("resolution", { enum: INDICATOR_RESOLUTIONS }).notNull().default("year"),
    descriptionFi: text("description_fi"),
    /** Incremented on every change of the definition: a save based on an older version is refused. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("indicators_key_unique").on(t.key)],
);

export const indicatorPriorityAreas = sqliteTable(
  "indicator_priority_areas",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    priorityAreaId: integer("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.priorityAreaId] })],
);

export const indicatorMeasures = sqliteTable(
  "indicator_measures",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.measureId] }), index("indicator_measures_measure_idx").on(t.measureId)],
);

export const VALUE_BOUNDS = ["exact", "over", "under", "range"] as const;
export type ValueBound = (typeof VALUE_BOUNDS)[number];

/**
 * A value of an indicator for a period ("2025" or "2025-03") and an area (null = the whole city).
 * `kind` separates measured values from targets so one table serves the trend chart.
 */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["actual", "target"] })
      .notNull()
      .default("actual"),
    areaId: integer("area_id").references(() => areas.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    /** The number; for a bound (">80", "<5") the bound itself, for a range ("4000–5000") its low end. */
    value: real("value").notNull(),
    /**
     * How the figure was published: `exact`, `over` (">80"), `under` ("<5") or `range`
     * ("4000–5000", with the high end in `upper`). Shown as published, never as a plain number.
     */
    bound: text("bound", { enum: VALUE_BOUNDS }).notNull().default("exact"),
    upper: real("upper"),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [
    // SQLite treats NULLs as distinct in unique indexes, so the city-wide row uses area 0 in the key.
    uniqueIndex("indicator_values_unique").on(t.indicatorId, t.kind, sql`coalesce(${t.areaId}, 0)`, t.period),
    index("indicator_values_indicator_idx").on(t.indicatorId, t.period),
  ],
);

export const REVIEW_STATUSES = ["draft", "sent", "discussed", "closed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const statusReviews = sqliteTable(
  "status_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => safetyPlans.id, { onDelete: "cascade" }),
    /** The title in Finnish (the working language, required); Swedish and English are optional, read with a Finnish fallback. */
    title: text("title").notNull(),
    titleSv: text("title_sv"),
    titleEn: text("title_en"),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("draft"),
    /** The review compared against when computing "what changed". */
    previousReviewId: integer("previous_review_id"),
    /**
     * The compiled review as JSON, written once when it is sent. A sent review is read only from
     * here, so later changes to measures never change it.
     */
    snapshot: text("snapshot"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    sentById: text("sent_by_id").references(() => users.id, { onDelete: "set null" }),
    discussedAt: integer("discussed_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
  },
  // Two reviews of one plan never share a title, in any language (the app refuses it with a field
  // error first; SQLite lets any number of rows leave a translation empty).
  (t) => [
    index("status_reviews_plan_idx").on(t.planId, t.sentAt),
    uniqueIndex("status_reviews_plan_title_idx").on(t.planId, t.title),
    uniqueIndex("status_reviews_plan_title_sv_idx").on(t.planId, t.titleSv),
    uniqueIndex("status_reviews_plan_title_en_idx").on(t.planId, t.titleEn),
  ],
);

/** The expert group's written assessment and proposals, per priority area (null = overall). */
export const reviewAssessments = sqliteTable(
  "review_assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => statusReviews.id, { onDelete: "cascade" }),
    priorityAreaId: integer("priority_area_id").references(() => priorityAreas.id, { onDelete: "set null" }),
    assessment: text("assessment").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    updatedById: text("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("review_assessments_unique").on(t.reviewId, sql`coalesce(${t.priorityAreaId}, 0)`)],
);

export const DECISION_KINDS = ["priority_areas", "other"] as const;

/** The steering group's decisions recorded when closing a review. */
export const reviewDecisions = sqliteTable(
  "review_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => statusReviews.id, { onDelete: "cascade" }),
    decidedOn: text("decided_on").notNull(),
    kind: text("kind", { enum: DECISION_KINDS }).notNull(),
    text: text("text").notNull(),
    /** The decision in Swedish and English; null falls back to the Finnish text. */
    textSv: text("text_sv"),
    textEn: text("text_en"),
    /** For priority-area decisions: the year and the areas in force that year (JSON array of ids). */
    year: integer("year"),
    priorityAreaIds: text("priority_area_ids"),
    recordedById: text("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("review_decisions_review_idx").on(t.reviewId)],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const steeringRegister: RegisterAnnotations = {
  indicators: "none",
  indicator_values: "none",
  indicator_priority_areas: "none",
  indicator_measures: "none",
  status_reviews: {
    activity: "planning",
    personal: ["created_by_id", "sent_by_id"],
    retention: "record",
    notPersonal: ["title", "title_sv", "title_en", "snapshot"],
  },
  review_assessments: { activity: "planning", personal: ["updated_by_id"], retention: "record" },
  review_decisions: { activity: "planning", personal: ["recorded_by_id"], retention: "record", notPersonal: ["text"] },
};
