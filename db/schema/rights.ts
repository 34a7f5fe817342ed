// The register's own books: retention runs, and the requests people make about their data.
import { stampedAt } from "./columns";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people";
import type { RegisterAnnotations } from "./register";

/** One row per run of the retention job: what it removed or anonymised, by kind (JSON counts). */
export const retentionRuns = sqliteTable("retention_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ranAt: integer("ran_at", { mode: "timestamp_ms" }).notNull(),
  counts: text("counts").notNull(),
  total: integer("total").notNull(),
});

export const RIGHTS_REQUEST_KINDS = ["rectification", "objection"] as const;
export const RIGHTS_REQUEST_STATUSES = ["open", "answered"] as const;

/** A rectification request (GDPR art. 16) or an objection (art. 21) sent from the account page. */
export const rightsRequests = sqliteTable(
  "rights_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: RIGHTS_REQUEST_KINDS }).notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: RIGHTS_REQUEST_STATUSES }).notNull().default("open"),
    /** One month from receipt (GDPR art. 12(3)). */
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    answer: text("answer"),
    answeredById: text("answered_by_id").references(() => users.id, { onDelete: "set null" }),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    createdAt: stampedAt("created_at"),
  },
  (t) => [index("rights_requests_status_idx").on(t.status, t.dueAt), index("rights_requests_user_idx").on(t.userId)],
);

/** Processing register (db/schema/register.ts). */
export const rightsRegister: RegisterAnnotations = {
  retention_runs: "none",
  access_log_pruning: "none",
  rights_requests: {
    activity: "rights",
    personal: ["user_id", "body", "answer", "answered_by_id", "created_at"],
    retention: "rightsRequests",
  },
};

/**
 * The one way rows leave the append-only access log (drizzle/0005): the retention job writes the
 * cutoff here, deletes older rows, and removes the cutoff in the same transaction. The delete
 * trigger refuses any row not older than the cutoff present at that moment.
 */
export const accessLogPruning = sqliteTable("access_log_pruning", {
  id: integer("id").primaryKey(),
  cutoff: integer("cutoff").notNull(),
});
