// Levels 1 and 2 of the Helsinki model: the council's strategy, the city safety plan with its
// priority areas, and the measure proposals with owners, schedule, cost shares, tasks and follow-up.
import type { RegisterAnnotations } from "./register";
import { createdAt, stampedAt } from "./columns";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { organisations, users } from "./people";

/** Dates without a time (schedules, decisions) are ISO strings "YYYY-MM-DD": no time-zone surprises. */
const isoDate = (name: string) => text(name);

export const strategies = sqliteTable("strategies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  nameFi: text("name_fi").notNull(),
  nameSv: text("name_sv"),
  nameEn: text("name_en"),
  termStartYear: integer("term_start_year").notNull(),
  termEndYear: integer("term_end_year").notNull(),
  descriptionFi: text("description_fi"),
  descriptionSv: text("description_sv"),
  descriptionEn: text("description_en"),
  createdAt: createdAt(),
});

export const strategyGoals = sqliteTable(
  "strategy_goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    strategyId: integer("strategy_id")
      .notNull()
      .references(() => strategies.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    nameEn: text("name_en"),
    descriptionFi: text("description_fi"),
  },
  (t) => [uniqueIndex("strategy_goals_code_unique").on(t.strategyId, t.code)],
);

export const PLAN_STATUSES = ["draft", "approved", "in_force", "closed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const safetyPlans = sqliteTable("safety_plans", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  strategyId: integer("strategy_id").references(() => strategies.id, { onDelete: "set null" }),
  nameFi: text("name_fi").notNull(),
  nameSv: text("name_sv"),
  nameEn: text("name_en"),
  descriptionFi: text("description_fi"),
  descriptionSv: text("description_sv"),
  descriptionEn: text("description_en"),
  periodStart: isoDate("period_start").notNull(),
  periodEnd: isoDate("period_end").notNull(),
  status: text("status", { enum: PLAN_STATUSES }).notNull().default("draft"),
  decisionDate: isoDate("decision_date"),
  decisionBody: text("decision_body"),
  decisionReference: text("decision_reference"),
  /** A measure with no follow-up within this many days is "stale". */
  updateIntervalDays: integer("update_interval_days").notNull().default(90),
  /** Published plans (and their published measures) are visible to the public. */
  published: integer("published", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const priorityAreas = sqliteTable(
  "priority_areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => safetyPlans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    nameEn: text("name_en"),
    descriptionFi: text("description_fi"),
    descriptionSv: text("description_sv"),
    descriptionEn: text("description_en"),
  },
  (t) => [uniqueIndex("priority_areas_code_unique").on(t.planId, t.code)],
);

/** Which priority areas were in force in which year: the steering group reviews them yearly. */
export const priorityAreaYears = sqliteTable(
  "priority_area_years",
  {
    priorityAreaId: integer("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    /** Where the decision came from (e.g. a status review's decision), free text for the record. */
    decisionNote: text("decision_note"),
  },
  (t) => [primaryKey({ columns: [t.priorityAreaId, t.year] }), index("priority_area_years_year_idx").on(t.year)],
);

export const MEASURE_STATUSES = ["proposed", "approved", "in_progress", "delayed", "on_hold", "completed", "discontinued"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const measures = sqliteTable(
  "measures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => safetyPlans.id, { onDelete: "cascade" }),
    priorityAreaId: integer("priority_area_id").references(() => priorityAreas.id, { onDelete: "set null" }),
    /** Short identifier used in meetings and documents, e.g. "2.3"; unique within a plan. */
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Swedish and English next to the Finnish title and description; null falls back to Finnish. */
    titleSv: text("title_sv"),
    titleEn: text("title_en"),
    descriptionSv: text("description_sv"),
    descriptionEn: text("description_en"),
    ownerOrganisationId: integer("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    responsibleUserId: text("responsible_user_id").references(() => users.id, { onDelete: "set null" }),
    startDate: isoDate("start_date"),
    /** Null when the measure is continuous. */
    endDate: isoDate("end_date"),
    continuous: integer("continuous", { mode: "boolean" }).notNull().default(false),
    /** City-wide, or targeted at the areas in measure_areas. */
    cityWide: integer("city_wide", { mode: "boolean" }).notNull().default(true),
    budgetEur: real("budget_eur"),
    status: text("status", { enum: MEASURE_STATUSES }).notNull().default("proposed"),
    /** Progress 0–100 as last reported. */
    progress: integer("progress").notNull().default(0),
    /** When the latest follow-up entry was dated (kept here so "stale" is one indexed comparison). */
    lastFollowUpAt: integer("last_follow_up_at", { mode: "timestamp_ms" }),
    /** Visible on the public pages once the plan is published. */
    published: integer("published", { mode: "boolean" }).notNull().default(true),
    proposedById: text("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    approvedById: text("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    /** Incremented on every change: a save based on an older version is refused, not overwritten. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [
    uniqueIndex("measures_plan_code_unique").on(t.planId, t.code),
    index("measures_priority_area_idx").on(t.priorityAreaId),
    index("measures_owner_idx").on(t.ownerOrganisationId),
    index("measures_responsible_idx").on(t.responsibleUserId),
    index("measures_status_idx").on(t.planId, t.status),
  ],
);

export const measureGoals = sqliteTable(
  "measure_goals",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    goalId: integer("goal_id")
      .notNull()
      .references(() => strategyGoals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.goalId] }), index("measure_goals_goal_idx").on(t.goalId)],
);

export const measurePartners = sqliteTable(
  "measure_partners",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.organisationId] }), index("measure_partners_org_idx").on(t.organisationId)],
);

export const measureAreas = sqliteTable(
  "measure_areas",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.areaId] }), index("measure_areas_area_idx").on(t.areaId)],
);

/** How the cost is split between organisations; the shares of a measure total exactly 100 %. */
export const measureCostShares = sqliteTable(
  "measure_cost_shares",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Per cent, up to two decimals. */
    percent: real("percent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.organisationId] })],
);

export const TASK_STATES = ["open", "done", "cancelled"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const measureTasks = sqliteTable(
  "measure_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    titleSv: text("title_sv"),
    titleEn: text("title_en"),
    dueDate: isoDate("due_date"),
    state: text("state", { enum: TASK_STATES }).notNull().default("open"),
    position: integer("position").notNull().default(0),
  },
  // (measure, state, due date) answers "does this measure have an open task past its date" with
  // one index probe; with only (state, due date) SQLite scanned every overdue task per measure.
  (t) => [
    index("measure_tasks_measure_state_due_idx").on(t.measureId, t.state, t.dueDate),
    index("measure_tasks_due_idx").on(t.state, t.dueDate),
  ],
);

/**
 * A dated follow-up report on a measure. Rows are never deleted; an edit copies the previous
 * text into follow_up_revisions first, so the history stays visible to staff.
 */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    reportedById: text("reported_by_id").references(() => users.id, { onDelete: "set null" }),
    reportedAt: integer("reported_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: MEASURE_STATUSES }).notNull(),
    progress: integer("progress").notNull(),
    done: text("done").notNull().default(""),
    next: text("next").notNull().default(""),
    obstacles: text("obstacles").notNull().default(""),
    /** The text the public sees; empty means the entry is internal. */
    publicText: text("public_text").notNull().default(""),
    /** The public text in Swedish and English; null falls back to the Finnish publicText. */
    publicTextSv: text("public_text_sv"),
    publicTextEn: text("public_text_en"),
    revision: integer("revision").notNull().default(1),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("follow_ups_measure_idx").on(t.measureId, t.reportedAt), index("follow_ups_reported_idx").on(t.reportedAt)],
);

export const followUpRevisions = sqliteTable(
  "follow_up_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    followUpId: integer("follow_up_id")
      .notNull()
      .references(() => followUps.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    status: text("status", { enum: MEASURE_STATUSES }).notNull(),
    progress: integer("progress").notNull(),
    done: text("done").notNull(),
    next: text("next").notNull(),
    obstacles: text("obstacles").notNull(),
    publicText: text("public_text").notNull(),
    publicTextSv: text("public_text_sv"),
    publicTextEn: text("public_text_en"),
    editedById: text("edited_by_id").references(() => users.id, { onDelete: "set null" }),
    replacedAt: integer("replaced_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("follow_up_revisions_idx").on(t.followUpId)],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const cityRegister: RegisterAnnotations = {
  strategies: "none",
  strategy_goals: "none",
  safety_plans: "none",
  priority_areas: "none",
  priority_area_years: "none",
  measures: {
    activity: "planning",
    personal: ["responsible_user_id", "proposed_by_id", "approved_by_id"],
    retention: "record",
    notPersonal: ["title", "description"],
  },
  measure_tasks: "none",
  measure_areas: "none",
  measure_goals: "none",
  measure_partners: "none",
  measure_cost_shares: "none",
  follow_ups: {
    activity: "planning",
    personal: ["reported_by_id", "reported_at", "done", "next", "obstacles"],
    retention: "record",
    notPersonal: ["public_text"],
  },
  follow_up_revisions: {
    activity: "planning",
    personal: ["edited_by_id", "replaced_at", "done", "next", "obstacles"],
    retention: "record",
    notPersonal: ["public_text"],
  },
};
