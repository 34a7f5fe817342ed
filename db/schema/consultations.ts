// Residents' e-consultations (issue 16): the yearly survey on the city plan's priority areas and
// other questions, answered once per resident, with the home area kept for the breakdown and the
// person never shown. The steering group's priority-area decision can cite a consultation.
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { priorityAreas, safetyPlans } from "./city";
import { users } from "./people";
import { reviewDecisions } from "./steering";

export const QUESTION_KINDS = ["rank", "single", "multiple", "scale", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MODERATION_STATES = ["pending", "approved", "rejected"] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const consultations = sqliteTable(
  "consultations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The safety plan whose priority areas are the candidates of a ranking question. */
    planId: integer("plan_id").references(() => safetyPlans.id, { onDelete: "set null" }),
    titleFi: text("title_fi").notNull(),
    titleSv: text("title_sv"),
    titleEn: text("title_en"),
    descriptionFi: text("description_fi").notNull(),
    descriptionSv: text("description_sv"),
    descriptionEn: text("description_en"),
    opensAt: integer("opens_at", { mode: "timestamp_ms" }).notNull(),
    /** Exact: an answer sent at or after this instant is refused. Closing early moves it to now. */
    closesAt: integer("closes_at", { mode: "timestamp_ms" }).notNull(),
    /** Chosen at creation: everyone may read the results once the consultation has closed. */
    resultsPublic: integer("results_public", { mode: "boolean" }).notNull().default(false),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("consultations_closes_idx").on(t.closesAt)],
);

/** Who may answer: residents of these areas (or of an area below them). No rows = the whole city. */
export const consultationAreas = sqliteTable(
  "consultation_areas",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.areaId] })],
);

export const consultationQuestions = sqliteTable(
  "consultation_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    textFi: text("text_fi").notNull(),
    textSv: text("text_sv"),
    textEn: text("text_en"),
    /** Ranking: how many candidates a resident ranks at most (N); multiple choice: how many may be chosen. */
    maxChoices: integer("max_choices"),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("consultation_questions_idx").on(t.consultationId, t.position)],
);

/** A choice of a question: a candidate (a priority area of the plan, or a new proposed theme) or an option. */
export const consultationOptions = sqliteTable(
  "consultation_options",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    labelFi: text("label_fi").notNull(),
    labelSv: text("label_sv"),
    labelEn: text("label_en"),
    priorityAreaId: integer("priority_area_id").references(() => priorityAreas.id, { onDelete: "set null" }),
  },
  (t) => [index("consultation_options_idx").on(t.questionId, t.position)],
);

/**
 * One resident's answer to a consultation. The areas are copied at answering time so the
 * breakdown stays true when the person moves or deletes their account (user_id then becomes null:
 * the answer stays in the counts without the person).
 */
export const consultationResponses = sqliteTable(
  "consultation_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    homeAreaId: integer("home_area_id").references(() => areas.id, { onDelete: "set null" }),
    districtId: integer("district_id").references(() => areas.id, { onDelete: "set null" }),
    majorDistrictId: integer("major_district_id").references(() => areas.id, { onDelete: "set null" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // Once per person (SQLite lets any number of rows of deleted accounts share a null).
    uniqueIndex("consultation_responses_once").on(t.consultationId, t.userId),
    index("consultation_responses_major_idx").on(t.consultationId, t.majorDistrictId),
  ],
);

export const consultationAnswers = sqliteTable(
  "consultation_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    responseId: integer("response_id")
      .notNull()
      .references(() => consultationResponses.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id, { onDelete: "cascade" }),
    optionId: integer("option_id").references(() => consultationOptions.id, { onDelete: "cascade" }),
    /** Ranking: 1 = first choice. */
    rank: integer("rank"),
    /** 1–5 scale. */
    scale: integer("scale"),
    text: text("text"),
    /** Free text is shown in the results only once a moderator approved it. */
    moderation: text("moderation", { enum: MODERATION_STATES }),
    moderatedById: text("moderated_by_id").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: integer("moderated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("consultation_answers_response_idx").on(t.responseId), index("consultation_answers_question_idx").on(t.questionId)],
);

/** The steering group's decision (a priority-area decision on a status review) citing a consultation. */
export const consultationDecisions = sqliteTable(
  "consultation_decisions",
  {
    decisionId: integer("decision_id")
      .primaryKey()
      .references(() => reviewDecisions.id, { onDelete: "cascade" }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
  },
  (t) => [index("consultation_decisions_consultation_idx").on(t.consultationId)],
);

/** Residents who asked to hear when a consultation for their area opens (account settings). */
export const consultationSubscriptions = sqliteTable("consultation_subscriptions", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const consultationsRegister: RegisterAnnotations = {
  consultations: {
    activity: "planning",
    personal: ["created_by_id"],
    retention: "record",
    notPersonal: ["title_fi", "title_sv", "title_en"],
  },
  consultation_areas: "none",
  consultation_questions: "none",
  consultation_options: "none",
  consultation_responses: {
    activity: "consultations",
    personal: ["user_id", "home_area_id", "district_id", "major_district_id", "submitted_at", "updated_at"],
    retention: "consultationAnswers",
  },
  consultation_answers: { activity: "consultations", personal: ["text", "moderated_by_id"], retention: "consultationAnswers" },
  consultation_decisions: "none",
  consultation_subscriptions: { activity: "consultations", personal: ["user_id", "created_at"], retention: "account" },
};
