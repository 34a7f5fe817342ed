// The situation room (issue 18): a rapid-response cooperation group convened by the secretariat for
// one situation, its append-only log, the versioned situational picture (tilannekuva), the agreed
// actions, the briefings to the chief executive and the mayor, and the measure proposals it leaves.
// The group itself is an ordinary `cooperation` group whose memberships end when the situation
// closes, so access follows the task; the publicity class is the documents' (Act 621/1999).
import type { RegisterAnnotations } from "./register";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { measures } from "./city";
import { groups, organisations, users } from "./people";
import { documents, PUBLICITY_CLASSES } from "./workspaces";

export const SITUATION_SEVERITIES = ["low", "moderate", "high", "critical"] as const;
export type SituationSeverity = (typeof SITUATION_SEVERITIES)[number];
export const SITUATION_STATUSES = ["open", "closed"] as const;
export const RELIABILITIES = ["confirmed", "unconfirmed"] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const SITUATION_ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type SituationActionStatus = (typeof SITUATION_ACTION_STATUSES)[number];

const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

export const situations = sqliteTable(
  "situations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The cooperation group convened for this situation only. */
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: text("severity", { enum: SITUATION_SEVERITIES }).notNull(),
    publicity: text("publicity", { enum: PUBLICITY_CLASSES }).notNull().default("public"),
    /** For non-public situations: the legal ground (e.g. "JulkL 24 § 1 mom. 5 k") and until when. */
    legalGround: text("legal_ground"),
    secretUntil: text("secret_until"),
    status: text("status", { enum: SITUATION_STATUSES }).notNull().default("open"),
    openedById: text("opened_by_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: instant("opened_at").notNull(),
    closedById: text("closed_by_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: instant("closed_at"),
    /** The after-action summary written when the situation is closed. */
    afterAction: text("after_action"),
  },
  (t) => [uniqueIndex("situations_group_idx").on(t.groupId), index("situations_status_idx").on(t.status, t.openedAt)],
);

export const situationAreas = sqliteTable(
  "situation_areas",
  {
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.situationId, t.areaId] })],
);

/** The situation log: triggers (drizzle migration) refuse UPDATE and DELETE; a correction is a new row. */
export const situationLogEntries = sqliteTable(
  "situation_log_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    sourceOrganisationId: integer("source_organisation_id")
      .notNull()
      .references(() => organisations.id),
    body: text("body").notNull(),
    reliability: text("reliability", { enum: RELIABILITIES }).notNull(),
    happenedAt: instant("happened_at").notNull(),
    loggedAt: instant("logged_at").notNull(),
    loggedById: text("logged_by_id").references(() => users.id),
    /** No foreign key: the log is a record of what was reported then, and merging areas never rewrites it. */
    areaId: integer("area_id"),
    documentId: integer("document_id").references(() => documents.id),
    /** The earlier entry this one corrects. */
    correctsId: integer("corrects_id"),
  },
  (t) => [index("situation_log_situation_idx").on(t.situationId, t.id)],
);

/** Every saved version of the situational picture; kept for good (triggers refuse UPDATE and DELETE). */
export const situationPictures = sqliteTable(
  "situation_pictures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    version: integer("version").notNull(),
    happened: text("happened").notNull().default(""),
    location: text("location").notNull().default(""),
    affected: text("affected").notNull().default(""),
    risks: text("risks").notNull().default(""),
    resources: text("resources").notNull().default(""),
    agreed: text("agreed").notNull().default(""),
    nextUpdateAt: instant("next_update_at"),
    savedById: text("saved_by_id").references(() => users.id),
    savedAt: instant("saved_at").notNull(),
  },
  (t) => [uniqueIndex("situation_pictures_version_idx").on(t.situationId, t.version)],
);

export const situationActions = sqliteTable(
  "situation_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    title: text("title").notNull(),
    ownerOrganisationId: integer("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    responsibleUserId: text("responsible_user_id").references(() => users.id, { onDelete: "set null" }),
    /** A Helsinki calendar day, "YYYY-MM-DD". */
    deadline: text("deadline").notNull(),
    status: text("status", { enum: SITUATION_ACTION_STATUSES }).notNull().default("open"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    doneAt: instant("done_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("situation_actions_situation_idx").on(t.situationId), index("situation_actions_responsible_idx").on(t.responsibleUserId)],
);

/** A situation report as sent: the picture and actions frozen as JSON, so it never changes afterwards. */
export const situationBriefings = sqliteTable(
  "situation_briefings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    pictureVersion: integer("picture_version"),
    snapshot: text("snapshot").notNull(),
    sentById: text("sent_by_id").references(() => users.id, { onDelete: "set null" }),
    sentAt: instant("sent_at").notNull(),
  },
  (t) => [index("situation_briefings_situation_idx").on(t.situationId)],
);

/** Who received a briefing, when, and when they first read it. */
export const situationBriefingRecipients = sqliteTable(
  "situation_briefing_recipients",
  {
    briefingId: integer("briefing_id")
      .notNull()
      .references(() => situationBriefings.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    sentAt: instant("sent_at").notNull(),
    readAt: instant("read_at"),
  },
  (t) => [primaryKey({ columns: [t.briefingId, t.userId] }), index("situation_briefing_recipients_user_idx").on(t.userId)],
);

/** Measure proposals to the city safety plan made when a situation closed: the link back. */
export const situationMeasureProposals = sqliteTable(
  "situation_measure_proposals",
  {
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.situationId, t.measureId] }), index("situation_measure_proposals_measure_idx").on(t.measureId)],
);

/** Every read of a non-public situation (its page, a briefing). Append-only like the document access log. */
export const situationAccessLog = sqliteTable(
  "situation_access_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    situationId: integer("situation_id")
      .notNull()
      .references(() => situations.id),
    userId: text("user_id").references(() => users.id),
    action: text("action", { enum: ["view", "briefing", "pdf"] }).notNull(),
    at: instant("at").notNull(),
  },
  (t) => [index("situation_access_log_idx").on(t.situationId, t.at)],
);

/** Processing register (db/schema/register.ts). */
export const situationsRegister: RegisterAnnotations = {
  situations: {
    activity: "workspaces",
    personal: ["opened_by_id", "closed_by_id", "description", "after_action"],
    retention: "record",
    notPersonal: ["title"],
  },
  situation_areas: "none",
  situation_log_entries: { activity: "workspaces", personal: ["logged_by_id", "body"], retention: "record" },
  situation_pictures: {
    activity: "workspaces",
    personal: ["saved_by_id", "happened", "affected"],
    retention: "record",
  },
  situation_actions: {
    activity: "workspaces",
    personal: ["responsible_user_id", "created_by_id"],
    retention: "record",
    notPersonal: ["title"],
  },
  situation_briefings: { activity: "workspaces", personal: ["sent_by_id", "snapshot"], retention: "record" },
  situation_briefing_recipients: { activity: "workspaces", personal: ["user_id", "sent_at", "read_at"], retention: "record" },
  situation_measure_proposals: "none",
  situation_access_log: { activity: "security", personal: ["user_id", "at", "action"], retention: "accessLog" },
};
