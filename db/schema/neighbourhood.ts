// Level 3: residents' neighbourhood safety plans, their comments and moderation, and the
// district networks' local notes on city measures.
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { measures } from "./city";
import { groups, invitations, organisations, users } from "./people";

export const NEIGHBOURHOOD_PLAN_STATUSES = [
  "draft",
  "submitted",
  "changes_requested",
  "accepted",
  "published",
  "archived",
  "withdrawn",
] as const;
export type NeighbourhoodPlanStatus = (typeof NEIGHBOURHOOD_PLAN_STATUSES)[number];

export const neighbourhoodPlans = sqliteTable(
  "neighbourhood_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    title: text("title").notNull(),
    /** The current situation in the residents' words (plain text; no HTML is stored). */
    situation: text("situation").notNull().default(""),
    status: text("status", { enum: NEIGHBOURHOOD_PLAN_STATUSES }).notNull().default("draft"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    /** The network that reviews the plan (chosen by area when submitted). */
    reviewingGroupId: integer("reviewing_group_id").references(() => groups.id, { onDelete: "set null" }),
    /** Optimistic concurrency: bumped on every saved change. */
    version: integer("version").notNull().default(1),
  },
  (t) => [index("neighbourhood_plans_area_idx").on(t.areaId, t.status), index("neighbourhood_plans_status_idx").on(t.status)],
);

export const planAuthors = sqliteTable(
  "plan_authors",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "coauthor"] }).notNull(),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] }), index("plan_authors_user_idx").on(t.userId)],
);

/** What worries residents: an observation, optionally with a place. */
export const planObservations = sqliteTable(
  "plan_observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    placeName: text("place_name"),
    lat: real("lat"),
    lng: real("lng"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("plan_observations_plan_idx").on(t.planId)],
);

export const planGoals = sqliteTable(
  "plan_goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("plan_goals_plan_idx").on(t.planId)],
);

export const PLAN_ACTION_CARRIERS = ["residents", "network", "city"] as const;
export const PLAN_ACTION_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;

export const planActions = sqliteTable(
  "plan_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    goalId: integer("goal_id").references(() => planGoals.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    carriedBy: text("carried_by", { enum: PLAN_ACTION_CARRIERS }).notNull(),
    /** When carried by the city: which organisation. */
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    timeline: text("timeline").notNull().default(""),
    dueDate: text("due_date"),
    /** The city measure this action supports locally (the two-way link of docs/domain.md). */
    measureId: integer("measure_id").references(() => measures.id, { onDelete: "set null" }),
    status: text("status", { enum: PLAN_ACTION_STATUSES }).notNull().default("planned"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("plan_actions_plan_idx").on(t.planId), index("plan_actions_measure_idx").on(t.measureId)],
);

/** A saved version of the whole plan (JSON), with who saved it: the plan's history. */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: text("snapshot").notNull(),
    savedById: text("saved_by_id").references(() => users.id, { onDelete: "set null" }),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
    note: text("note"),
  },
  (t) => [index("plan_versions_plan_idx").on(t.planId, t.version)],
);

export const planComments = sqliteTable(
  "plan_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** "feedback" is the network's review (a change request or acceptance); "comment" is discussion. */
    kind: text("kind", { enum: ["comment", "feedback"] })
      .notNull()
      .default("comment"),
    createdAt: createdAt(),
    /** Hidden comments stay in the database with the reason; they are never deleted. */
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("plan_comments_plan_idx").on(t.planId, t.createdAt)],
);

export const commentReports = sqliteTable(
  "comment_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => planComments.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("comment_reports_comment_idx").on(t.commentId)],
);

/** A district network's local follow-up note on a city measure that targets its areas. */
export const networkMeasureNotes = sqliteTable(
  "network_measure_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("network_measure_notes_idx").on(t.groupId, t.measureId)],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
/**
 * An invitation to write a plan (an author invited a neighbour by e-mail who has no resident
 * account yet): accepting it makes them a co-author. Goes with the invitation (retention).
 */
export const planInvitations = sqliteTable(
  "plan_invitations",
  {
    invitationId: integer("invitation_id")
      .primaryKey()
      .references(() => invitations.id, { onDelete: "cascade" }),
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
  },
  (t) => [index("plan_invitations_plan_idx").on(t.planId)],
);

export const neighbourhoodRegister: RegisterAnnotations = {
  plan_invitations: "none",
  neighbourhood_plans: { activity: "neighbourhood", personal: ["created_by_id", "situation"], retention: "record", notPersonal: ["title"] },
  plan_authors: { activity: "neighbourhood", personal: ["user_id", "role", "created_at"], retention: "record" },
  plan_observations: { activity: "neighbourhood", personal: ["author_id", "text", "place_name", "lat", "lng"], retention: "record" },
  plan_goals: { activity: "neighbourhood", personal: ["author_id", "text"], retention: "record" },
  plan_actions: { activity: "neighbourhood", personal: ["author_id", "text", "carried_by"], retention: "record" },
  plan_versions: { activity: "neighbourhood", personal: ["saved_by_id", "snapshot", "note"], retention: "record" },
  plan_comments: { activity: "neighbourhood", personal: ["author_id", "body", "hidden_by_id", "hidden_reason"], retention: "record" },
  comment_reports: { activity: "neighbourhood", personal: ["reporter_id", "reason"], retention: "record" },
  network_measure_notes: { activity: "workspaces", personal: ["author_id", "body"], retention: "record" },
};
