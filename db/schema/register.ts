// The processing register (GDPR art. 30) kept by the code. Every table says next to its schema
// (the `…Register` export at the end of each schema file) whether it holds personal data, and if
// so which processing activity it serves, which columns are personal and how long rows are kept.
// The activities' purpose, legal basis, categories, recipients and retention are texts in
// app/i18n/texts/register.ts (fi/sv/en). The public /privacy notice and the coordinators'
// /admin/register view are generated from here; tests/unit/register.test.ts fails on a table or
// a personal-looking column nobody has annotated. The retention job (app/server/jobs/retention.server.ts)
// uses the periods below.

export const ACTIVITIES = [
  "accounts",
  "security",
  "planning",
  "workspaces",
  "neighbourhood",
  "notifications",
  "rights",
  "consultations",
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Retention periods in days (hours where named so); the job and the notice read the same numbers. */
export const RETENTION = {
  /** A resident account nobody has signed in to for this long is told, then removed. */
  inactiveResidentDays: 730,
  /** Between that notice and the removal. */
  inactiveNoticeDays: 30,
  /** Session rows are removed this long after they expired. */
  expiredSessionDays: 30,
  /** Invitations are removed this long after they expired or were used. */
  invitationDays: 30,
  /** Pending sign-ins and enrolments are removed this long after they expired. */
  challengeDays: 1,
  /** The log of sent mail. */
  mailLogDays: 90,
  /** Read notifications (and the reminder keys that go with them). */
  notificationDays: 365,
  /** The audit log of security events. */
  auditLogDays: 3 * 365,
  /** The access log of non-public documents (evidence; the longest). */
  accessLogDays: 5 * 365,
  /** Rights requests after they were answered. */
  rightsRequestDays: 2 * 365,
  /** Uploaded import files that were never confirmed (DATA_DIR/imports). */
  unconfirmedUploadHours: 24,
} as const;

export type RetentionRule =
  | "account"
  | "sessions"
  | "invitations"
  | "challenges"
  | "mailLog"
  | "notifications"
  | "auditLog"
  | "accessLog"
  | "record"
  | "rightsRequests"
  | "consultationAnswers";

/** One table's annotation. `notPersonal` lists columns whose names look personal but are not. */
export type TableRegister = { activity: Activity; personal: string[]; retention: RetentionRule; notPersonal?: string[] };
/** Per SQL table name: an annotation, or "none" for a table without personal data. */
export type RegisterAnnotations = Record<string, TableRegister | "none">;

import { areasRegister } from "./areas";
import { consultationsRegister } from "./consultations";
import { cityRegister } from "./city";
import { neighbourhoodRegister } from "./neighbourhood";
import { observationsRegister } from "./observations";
import { peopleRegister } from "./people";
import { rightsRegister } from "./rights";
import { securityRegister } from "./security";
import { situationsRegister } from "./situations";
import { steeringRegister } from "./steering";
import { workspacesRegister } from "./workspaces";

/** Every schema file's annotations, by SQL table name. */
export function processingRegister(): RegisterAnnotations {
  return {
    ...areasRegister,
    ...peopleRegister,
    ...securityRegister,
    ...cityRegister,
    ...steeringRegister,
    ...neighbourhoodRegister,
    ...observationsRegister,
    ...workspacesRegister,
    ...rightsRegister,
    ...situationsRegister,
    ...consultationsRegister,
  };
}

/** The activities with their tables and personal columns, for the notice and the coordinators' view. */
export function registerByActivity() {
  const all = processingRegister();
  return ACTIVITIES.map((activity) => {
    const tables = Object.entries(all)
      .filter((e): e is [string, TableRegister] => e[1] !== "none" && e[1].activity === activity)
      .map(([table, a]) => ({ table, personal: a.personal, retention: a.retention }));
    return { activity, tables, retentions: [...new Set(tables.map((t) => t.retention))] };
  });
}
