// Residents' safety observations on a map (Helsinki's "Kerro kartalla"): a place, a category, when it
// happens, a description and an optional photo. Checked before they are public (moderation) and
// handled by the expert group and the networks (received, forwarded, linked to a measure, resolved).
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { areas } from "./areas";
import { measures } from "./city";
import { neighbourhoodPlans } from "./neighbourhood";
import { organisations, users } from "./people";

/** The categories the demo city starts with; coordinators add, rename and retire categories. */
export const DEFAULT_OBSERVATION_CATEGORIES = ["lighting", "traffic", "disturbance", "vandalism", "drugs", "unsafe", "other"] as const;

export const observationCategories = sqliteTable(
  "observation_categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** A stable short name for links and the seed ("lighting"). */
    code: text("code").notNull(),
    nameFi: text("name_fi").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull().default(0),
    /** A retired category stays on the observations that have it, but new reports cannot choose it. */
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("observation_categories_code_unique").on(t.code)],
);

export const OBSERVATION_TIMES = ["morning", "day", "evening", "night", "any"] as const;
export type ObservationTime = (typeof OBSERVATION_TIMES)[number];
export const OBSERVATION_DAYS = ["weekday", "weekend", "any"] as const;
export type ObservationDay = (typeof OBSERVATION_DAYS)[number];
/** Moderation: nothing is public before a network member or a coordinator approves it. */
export const OBSERVATION_REVIEW = ["pending", "approved", "refused"] as const;
export type ObservationReview = (typeof OBSERVATION_REVIEW)[number];
/** Handling: open until someone marks it; "resolved" is the end. */
export const OBSERVATION_HANDLING = ["open", "received", "forwarded", "linked", "resolved"] as const;
export type ObservationHandling = (typeof OBSERVATION_HANDLING)[number];

export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null once the reporter's account is deleted: a published observation stays without the name. */
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    /** The smallest area the point (or the chosen area) falls in; the areas above follow from it. */
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    /** The exact point (staff only); null when the reporter chose an area and typed an address. */
    lat: real("lat"),
    lng: real("lng"),
    address: text("address"),
    categoryId: integer("category_id")
      .notNull()
      .references(() => observationCategories.id),
    timeOfDay: text("time_of_day", { enum: OBSERVATION_TIMES }).notNull(),
    dayType: text("day_type", { enum: OBSERVATION_DAYS }).notNull(),
    description: text("description").notNull(),
    review: text("review", { enum: OBSERVATION_REVIEW }).notNull().default("pending"),
    reviewedById: text("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    refusalReason: text("refusal_reason"),
    handling: text("handling", { enum: OBSERVATION_HANDLING }).notNull().default("open"),
    forwardedToId: integer("forwarded_to_id").references(() => organisations.id, { onDelete: "set null" }),
    measureId: integer("measure_id").references(() => measures.id, { onDelete: "set null" }),
    /** The handlers' answer, public with the observation. */
    publicReply: text("public_reply"),
    handledById: text("handled_by_id").references(() => users.id, { onDelete: "set null" }),
    handledAt: integer("handled_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("observations_area_idx").on(t.areaId, t.review),
    index("observations_review_idx").on(t.review, t.createdAt),
    index("observations_reporter_idx").on(t.reporterId),
    index("observations_measure_idx").on(t.measureId),
  ],
);

/** The photo, re-encoded (no metadata), kept apart so lists never read the bytes. */
export const observationPhotos = sqliteTable("observation_photos", {
  observationId: integer("observation_id")
    .primaryKey()
    .references(() => observations.id, { onDelete: "cascade" }),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
});

/** A residents' plan cites published map observations of its area. */
export const planObservationCitations = sqliteTable(
  "plan_observation_citations",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => neighbourhoodPlans.id, { onDelete: "cascade" }),
    observationId: integer("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.observationId] })],
);

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const observationsRegister: RegisterAnnotations = {
  observation_categories: "none",
  observations: {
    activity: "neighbourhood",
    personal: ["reporter_id", "lat", "lng", "address", "description", "reviewed_by_id", "refusal_reason", "handled_by_id"],
    retention: "record",
  },
  observation_photos: { activity: "neighbourhood", personal: ["bytes"], retention: "record" },
  plan_observation_citations: "none",
};
