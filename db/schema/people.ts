// People, organisations, groups and memberships: who someone is and what they may do.
// Roles are memberships of groups (docs/domain.md), never a flag on the user.
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";

export const LOCALES = ["fi", "sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Timestamps are stored as unix milliseconds unless noted. */

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id hash; null until an invited person has set a password. */
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: LOCALES }).notNull().default("fi"),
    title: text("title"),
    phone: text("phone"),
    /** A disabled account cannot sign in; its sessions are removed when disabling. */
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/** lucia v3 session table: `expires_at` is unix seconds, as the drizzle adapter expects. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** Unix seconds when the session was created: the absolute lifetime is counted from here. */
    createdAt: integer("created_at").notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const ORGANISATION_KINDS = [
  "city_division",
  "city_service",
  "police",
  "rescue",
  "wellbeing_region",
  "regional",
  "ngo",
  "company",
  "other",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    nameEn: text("name_en"),
    shortName: text("short_name"),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organisations_name_fi_unique").on(t.nameFi)],
);

export const GROUP_KINDS = ["coordinators", "steering", "expert", "network", "cooperation"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const groups = sqliteTable(
  "groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: GROUP_KINDS }).notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv"),
    nameEn: text("name_en"),
    descriptionFi: text("description_fi"),
    createdAt: createdAt(),
  },
  (t) => [index("groups_kind_idx").on(t.kind)],
);

/** The areas a district network (or cooperation group) covers. */
export const groupAreas = sqliteTable(
  "group_areas",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("group_areas_pk").on(t.groupId, t.areaId), index("group_areas_area_idx").on(t.areaId)],
);

export const POSITIONS = ["chair", "vice_chair", "secretary", "member"] as const;
export type Position = (typeof POSITIONS)[number];

/**
 * A person's membership of a group. Access follows the work task: a membership with
 * `leftAt` in the past gives no rights (docs/domain.md: "access rights end when the task ends").
 */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The organisation the member represents (required for expert-group members). */
    organisationId: integer("organisation_id").references(() => organisations.id),
    position: text("position", { enum: POSITIONS }).notNull().default("member"),
    joinedAt: integer("joined_at", { mode: "timestamp_ms" }).notNull(),
    leftAt: integer("left_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("memberships_user_idx").on(t.userId), index("memberships_group_idx").on(t.groupId)],
);

/** A resident's home area(s): the neighbourhood they may write plans for. */
export const residencies = sqliteTable(
  "residencies",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    since: createdAt(),
  },
  (t) => [uniqueIndex("residencies_pk").on(t.userId, t.areaId), index("residencies_area_idx").on(t.areaId)],
);

/** Staff invitations: only a hash of the single-use token is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    groupId: integer("group_id").references(() => groups.id, { onDelete: "set null" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    position: text("position", { enum: POSITIONS }).notNull().default("member"),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_unique").on(t.tokenHash)],
);

/** Append-only record of security-relevant events (sign-ins, role changes, invitations). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

/**
 * Sign-in attempts counted per account and per address (`key` = "account:<email>" or
 * "address:<ip>"), kept in the database so a restart does not reset them (server/rate-limit).
 */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  /** Unix milliseconds when the current window began; a window lasts 15 minutes. */
  windowStart: integer("window_start").notNull(),
});

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const peopleRegister: RegisterAnnotations = {
  users: {
    activity: "accounts",
    personal: ["id", "email", "name", "password_hash", "locale", "title", "phone", "disabled_at", "created_at"],
    retention: "account",
  },
  sessions: { activity: "security", personal: ["id", "user_id", "created_at", "expires_at", "user_agent"], retention: "sessions" },
  organisations: "none",
  groups: "none",
  group_areas: "none",
  memberships: {
    activity: "accounts",
    personal: ["user_id", "group_id", "organisation_id", "position", "joined_at", "left_at"],
    retention: "record",
  },
  residencies: { activity: "accounts", personal: ["user_id", "area_id", "created_at"], retention: "account" },
  invitations: { activity: "accounts", personal: ["email", "name", "invited_by", "created_at", "used_at"], retention: "invitations" },
  audit_log: { activity: "security", personal: ["actor_id", "target_id", "detail", "created_at"], retention: "auditLog" },
  // The key holds an e-mail address or an IP address; a window lasts 15 minutes.
  login_attempts: { activity: "security", personal: ["key", "window_start"], retention: "challenges" },
};
