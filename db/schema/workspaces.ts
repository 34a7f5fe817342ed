// Group workspaces: meetings with agendas and minutes, decisions, discussion threads, documents
// with publicity classes (Act 621/1999) and an append-only access log, notifications and reminders.
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { groups, organisations, users } from "./people";

/** What an agenda item, a decision or a document may point at. */
export const LINK_TYPES = ["measure", "review", "plan", "document"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    place: text("place").notNull().default(""),
    onlineUrl: text("online_url"),
    status: text("status", { enum: ["planned", "held", "cancelled"] })
      .notNull()
      .default("planned"),
    minutes: text("minutes").notNull().default(""),
    minutesStatus: text("minutes_status", { enum: ["draft", "approved"] })
      .notNull()
      .default("draft"),
    minutesApprovedAt: integer("minutes_approved_at", { mode: "timestamp_ms" }),
    minutesApprovedById: text("minutes_approved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("meetings_group_idx").on(t.groupId, t.startsAt)],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    linkType: text("link_type", { enum: LINK_TYPES }),
    linkId: integer("link_id"),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

export const ATTENDANCE = ["invited", "attending", "declined", "present", "absent"] as const;

export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ATTENDANCE }).notNull().default("invited"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** The decision register of a group; a decision can point at what it concerns. */
export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    /** Running number within the group and year, e.g. "4/2026". */
    number: text("number").notNull(),
    decidedOn: text("decided_on").notNull(),
    text: text("text").notNull(),
    /** The decision in Swedish and English; null falls back to the Finnish text. */
    textSv: text("text_sv"),
    textEn: text("text_en"),
    linkType: text("link_type", { enum: LINK_TYPES }),
    linkId: integer("link_id"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("decisions_number_unique").on(t.groupId, t.number), index("decisions_link_idx").on(t.linkType, t.linkId)],
);

export const threads = sqliteTable(
  "threads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastPostAt: integer("last_post_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("threads_group_idx").on(t.groupId, t.lastPostAt)],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: integer("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("posts_thread_idx").on(t.threadId, t.createdAt)],
);

export const PUBLICITY_CLASSES = ["public", "partly_confidential", "confidential"] as const;
export type PublicityClass = (typeof PUBLICITY_CLASSES)[number];

export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The workspace the document belongs to (null = the secretariat's city-wide documents). */
    groupId: integer("group_id").references(() => groups.id, { onDelete: "set null" }),
    /** An attachment points at its main document. */
    parentId: integer("parent_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    publicity: text("publicity", { enum: PUBLICITY_CLASSES }).notNull().default("public"),
    /** For non-public documents: the legal ground, e.g. "JulkL 24 § 1 mom. 7 k", and until when. */
    legalGround: text("legal_ground"),
    secretUntil: text("secret_until"),
    /** What the document concerns (a measure, a review, a plan). */
    linkType: text("link_type", { enum: LINK_TYPES }),
    linkId: integer("link_id"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("documents_group_idx").on(t.groupId),
    index("documents_parent_idx").on(t.parentId),
    index("documents_link_idx").on(t.linkType, t.linkId),
  ],
);

export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The name the uploader gave; the file is stored under `storedName`, a random name. */
    fileName: text("file_name").notNull(),
    storedName: text("stored_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    note: text("note").notNull().default(""),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("document_versions_unique").on(t.documentId, t.version)],
);

/**
 * Who may read or update a non-public document, beyond the coordinators: a person, a group or an
 * organisation. A public document is readable by every member of its workspace.
 */
export const documentGrants = sqliteTable(
  "document_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    groupId: integer("group_id").references(() => groups.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    canUpdate: integer("can_update", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("document_grants_doc_idx").on(t.documentId)],
);

/** Every opening or download of a non-public document. Triggers make it append-only. */
export const documentAccessLog = sqliteTable(
  "document_access_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    versionId: integer("version_id"),
    userId: text("user_id").references(() => users.id),
    action: text("action", { enum: ["view", "download"] }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    ip: text("ip"),
  },
  (t) => [index("document_access_log_doc_idx").on(t.documentId, t.at)],
);

export const EMAIL_MODES = ["immediate", "daily", "none"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const userSettings = sqliteTable("user_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailMode: text("email_mode", { enum: EMAIL_MODES }).notNull().default("immediate"),
});

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Text is stored as a translation key plus JSON parameters, shown in the reader's language. */
    messageKey: text("message_key").notNull(),
    params: text("params").notNull().default("{}"),
    link: text("link"),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    emailedAt: integer("emailed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), index("notifications_unsent_idx").on(t.emailedAt)],
);

/** One row per reminder ever sent: the unique key makes sending the same reminder twice impossible. */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    key: text("key").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("reminders_sent_user_idx").on(t.userId)],
);

/** Mail that left (or, without SMTP, was written to the outbox directory). */
export const mailLog = sqliteTable(
  "mail_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    transport: text("transport", { enum: ["smtp", "outbox"] }).notNull(),
    file: text("file"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("mail_log_created_idx").on(t.createdAt)],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const workspacesRegister: RegisterAnnotations = {
  meetings: {
    activity: "workspaces",
    personal: ["created_by_id", "minutes_approved_by_id", "minutes"],
    retention: "record",
    notPersonal: ["title", "place"],
  },
  agenda_items: "none",
  meeting_attendance: { activity: "workspaces", personal: ["user_id", "status"], retention: "record" },
  decisions: { activity: "workspaces", personal: ["created_by_id"], retention: "record", notPersonal: ["text"] },
  threads: { activity: "workspaces", personal: ["created_by_id"], retention: "record", notPersonal: ["title"] },
  posts: { activity: "workspaces", personal: ["author_id", "body", "created_at", "edited_at"], retention: "record" },
  documents: { activity: "workspaces", personal: ["created_by_id"], retention: "record", notPersonal: ["title", "description"] },
  document_versions: {
    activity: "workspaces",
    personal: ["uploaded_by_id", "uploaded_at"],
    retention: "record",
    notPersonal: ["file_name", "stored_name", "note"],
  },
  document_grants: { activity: "workspaces", personal: ["user_id"], retention: "record" },
  document_access_log: { activity: "security", personal: ["user_id", "at", "ip", "action"], retention: "accessLog" },
  user_settings: { activity: "notifications", personal: ["user_id", "email_mode"], retention: "account" },
  notifications: { activity: "notifications", personal: ["user_id", "params", "created_at", "read_at"], retention: "notifications" },
  reminders_sent: { activity: "notifications", personal: ["user_id", "key", "sent_at"], retention: "notifications" },
  mail_log: { activity: "notifications", personal: ["to", "subject", "created_at"], retention: "mailLog" },
};
