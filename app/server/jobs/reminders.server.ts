// The reminders job. Like the best action-plan trackers it nudges the person responsible before a
// deadline, when a measure turns late and when it turns stale, and escalates to their
// organisation's expert-group member(s) if nothing happens within a week; it also sends meeting
// invitations (to members who joined after a meeting was called) and "meeting tomorrow" notes,
// tells the steering group about a status review that was sent, and asks for a non-public
// document's publicity to be checked once its secrecy period has ended; and it reminds the
// coordinators of a data subject's request a week before its one-month due date and once it has
// passed (rights-requests.server.ts); and it reminds the people responsible for a situation's agreed
// actions the day before the deadline and once it has passed (situations/situations.server.ts).
//
// Every reminder has a key naming its occasion (e.g. "late:12:2026-01-31:u:<user>"); the key goes
// into reminders_sent in the same transaction as the notification, so however often the job runs
// (hourly in the server, by hand with `npm run reminders`, two at once), nothing is sent twice.
// "Late", "stale" and "due soon" are the SQL definitions of measures.server.ts.
import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import {
  documents,
  groups,
  meetingAttendance,
  meetings,
  measures,
  memberships,
  remindersSent,
  safetyPlans,
  statusReviews,
  users,
} from "../../../db/schema";
import { config } from "../platform/config.server";
import { db, type Tx } from "../platform/db.server";
import { helsinkiHour } from "../platform/helsinki-time";
import { dueSoonSql, lateSql, staleSql } from "../city/measures.server";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { helsinkiDate } from "../city/measure-rules";
import { inviteMembers, meetingLink } from "../workspaces/meetings.server";
import { deliverImmediateMail, DIGEST_HOUR, notifyMany, sendDailyDigests } from "../mail/notifications.server";
import { clock } from "../platform/clock";
import { currentMembership } from "../people/memberships";
import { notifyReviewSent } from "../steering/reviews.server";
import { runRetention } from "./retention.server";
import { runConsultationNotices } from "../consultations/consultations.server";
import { rightsRequestReminders } from "../people/rights-requests.server";
import { situationActionReminders } from "../situations/situations.server";
import { columnsOf } from "../platform/select-names";
import { userName } from "../people/user-name";

const DAY = 86400000;
/** Escalate when nothing has happened this many days after the reminder. */
export const ESCALATION_DAYS = 7;
/** "Meeting tomorrow" goes out this long before the start. */
export const MEETING_SOON_HOURS = 24;
/** A review sent longer ago than this is old news; the job does not announce it any more. */
export const REVIEW_NOTICE_DAYS = 14;

/** What one run of the reminders counts, in the order the job prints it; a run starts each at zero. */
const REMINDER_KINDS = [
  "dueSoon",
  "late",
  "stale",
  "escalated",
  "invitations",
  "meetingSoon",
  "reviews",
  "secrecyEnded",
  "rightsDueSoon",
  "rightsOverdue",
  "situationActionsDueSoon",
  "situationActionsOverdue",
] as const;
export type ReminderCounts = Record<(typeof REMINDER_KINDS)[number], number>;

const isoToMs = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/** Current expert-group members who represent an organisation (escalation goes to them). */
function expertMembersOf(tx: Tx, organisationId: number, now: Date): string[] {
  return tx
    .selectDistinct({ id: users.id })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(groups.kind, "expert"), eq(memberships.organisationId, organisationId), currentMembership(now), isNull(users.disabledAt)))
    .all()
    .map((r) => r.id);
}

function activeUser(tx: Tx, userId: string | null): boolean {
  if (!userId) return false;
  return !!tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .get();
}

/** When the first reminder of an occasion went out (to anyone), or null. */
function firstSent(tx: Tx, occasion: string): Date | null {
  const row = tx
    .select({ at: sql<number | null>`min(${remindersSent.sentAt})` })
    .from(remindersSent)
    .where(sql`substr(${remindersSent.key}, 1, ${occasion.length + 3}) = ${`${occasion}:u:`}`)
    .get();
  return row?.at != null ? new Date(row.at) : null;
}

function measureReminders(tx: Tx, now: Date, counts: ReminderCounts) {
  const today = helsinkiDate(now);
  const late = lateSql(now);
  const stale = staleSql(now);
  const dueSoon = dueSoonSql(now);
  const rows = tx
    .select({
      ...columnsOf(measures, "id", "code", "title", "ownerOrganisationId", "responsibleUserId", "lastFollowUpAt"),
      lastTouch: sql<number>`coalesce(${measures.lastFollowUpAt}, ${measures.approvedAt}, ${measures.createdAt})`,
      late,
      stale,
      dueSoon,
      // The nearest open deadline ahead, and the earliest one already passed.
      nextDeadline: sql<string | null>`(select min(d) from (select ${measures.endDate} as d where ${measures.endDate} >= ${today}
        union all select t.due_date from measure_tasks t where t.measure_id = ${measures.id} and t.state = 'open' and t.due_date >= ${today}))`,
      overdueSince: sql<string | null>`(select min(d) from (select ${measures.endDate} as d where ${measures.endDate} < ${today}
        union all select t.due_date from measure_tasks t where t.measure_id = ${measures.id} and t.state = 'open' and t.due_date < ${today}))`,
    })
    .from(measures)
    .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
    .where(and(inArray(safetyPlans.status, ["approved", "in_force"]), sql`(${late} or ${stale} or ${dueSoon})`))
    .orderBy(asc(measures.id))
    .all();

  for (const m of rows) {
    const responsible = activeUser(tx, m.responsibleUserId) ? [m.responsibleUserId!] : [];
    // Without a responsible person, the owner organisation's expert members are reminded directly.
    const recipients = responsible.length ? responsible : expertMembersOf(tx, m.ownerOrganisationId, now);
    const link = `/measures/${m.id}`;
    const send = (occasion: string, kind: string, messageKey: string, params: Record<string, string | number>) =>
      notifyMany(
        tx,
        recipients,
        { kind, messageKey, params: { measureId: m.id, code: m.code, title: m.title, ...params }, link, key: (u) => `${occasion}:u:${u}` },
        { now },
      );

    const occasions: { occasion: string; kind: "late" | "stale" }[] = [];
    if (m.late && m.overdueSince) {
      const occasion = `late:${m.id}:${m.overdueSince}`;
      counts.late += send(occasion, "reminder.late", "workspaces.notify.late", { date: isoToMs(m.overdueSince) });
      occasions.push({ occasion, kind: "late" });
    } else if (m.dueSoon && m.nextDeadline) {
      counts.dueSoon += send(`due:${m.id}:${m.nextDeadline}`, "reminder.dueSoon", "workspaces.notify.dueSoon", {
        date: isoToMs(m.nextDeadline),
      });
    }
    if (m.stale) {
      const occasion = `stale:${m.id}:${m.lastTouch}`;
      counts.stale += send(occasion, "reminder.stale", "workspaces.notify.stale", { date: m.lastTouch });
      occasions.push({ occasion, kind: "stale" });
    }

    // Escalation: the responsible person was reminded a week ago and no follow-up came since.
    if (!responsible.length) continue;
    for (const { occasion, kind } of occasions) {
      const sentAt = firstSent(tx, occasion);
      if (!sentAt || sentAt.getTime() > now.getTime() - ESCALATION_DAYS * DAY) continue;
      if (m.lastFollowUpAt && m.lastFollowUpAt.getTime() >= sentAt.getTime()) continue;
      const escalateTo = expertMembersOf(tx, m.ownerOrganisationId, now).filter((u) => u !== m.responsibleUserId);
      const responsibleName = userName(tx, m.responsibleUserId) ?? "";
      counts.escalated += notifyMany(
        tx,
        escalateTo,
        {
          kind: "reminder.escalation",
          messageKey: kind === "late" ? "workspaces.notify.escalationLate" : "workspaces.notify.escalationStale",
          params: { measureId: m.id, code: m.code, title: m.title, name: responsibleName, days: ESCALATION_DAYS },
          link,
          key: (u) => `escalate:${occasion}:u:${u}`,
        },
        { now },
      );
    }
  }
}

function meetingReminders(tx: Tx, now: Date, counts: ReminderCounts) {
  const upcoming = tx
    .select({ id: meetings.id, groupId: meetings.groupId, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.status, "planned"), gt(meetings.startsAt, now)))
    .all();
  for (const meeting of upcoming) {
    counts.invitations += inviteMembers(tx, meeting, { now });
    if (meeting.startsAt.getTime() - now.getTime() > MEETING_SOON_HOURS * 3600000) continue;
    const expected = tx
      .select({ userId: meetingAttendance.userId })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meeting.id), inArray(meetingAttendance.status, ["invited", "attending"])))
      .all()
      .map((r) => r.userId);
    counts.meetingSoon += notifyMany(
      tx,
      expected,
      {
        kind: "meeting.soon",
        messageKey: "workspaces.notify.meetingSoon",
        params: { meetingId: meeting.id, title: meeting.title, when: meeting.startsAt.getTime() },
        link: meetingLink(meeting.groupId, meeting.id),
        // The start time is part of the occasion: a moved meeting gets a new reminder.
        key: (u) => `meeting:${meeting.id}:soon:${meeting.startsAt.getTime()}:u:${u}`,
      },
      { now },
    );
  }
}

function reviewReminders(tx: Tx, now: Date, counts: ReminderCounts) {
  const recent = tx
    .select({ id: statusReviews.id })
    .from(statusReviews)
    .where(
      and(
        gte(statusReviews.sentAt, new Date(now.getTime() - REVIEW_NOTICE_DAYS * DAY)),
        lte(statusReviews.sentAt, now),
        ne(statusReviews.status, "draft"),
      ),
    )
    .all();
  for (const r of recent) counts.reviews += notifyReviewSent(tx, r.id, now);
}

/**
 * A document stays marked secret until someone decides otherwise (the end of a secrecy period does
 * not make every part of it public by itself), so when the period ends its creator, if still in
 * the group, or else the coordinators, are asked to check its publicity class: once per end date.
 */
function secrecyReminders(tx: Tx, now: Date, counts: ReminderCounts) {
  const today = helsinkiDate(now);
  const ended = tx
    .select({
      ...columnsOf(documents, "id", "groupId", "title", "secretUntil", "createdById"),
    })
    .from(documents)
    .where(and(ne(documents.publicity, "public"), sql`${documents.secretUntil} is not null and ${documents.secretUntil} < ${today}`))
    .all();
  for (const doc of ended) {
    const creatorStays = doc.createdById && doc.groupId != null && listCurrentMemberIds(doc.groupId, tx, now).includes(doc.createdById);
    const recipients = creatorStays ? [doc.createdById!] : listCurrentMemberIdsOfKind("coordinators", tx, now);
    counts.secrecyEnded += notifyMany(
      tx,
      recipients,
      {
        kind: "document.secrecyEnded",
        messageKey: "workspaces.notify.secrecyEnded",
        params: { documentId: doc.id, title: doc.title },
        link: doc.groupId != null ? `/workspaces/${doc.groupId}/documents/${doc.id}` : "/admin/access-log",
        key: (u) => `secrecy:${doc.id}:${doc.secretUntil}:u:${u}`,
      },
      { now },
    );
  }
}

/** One run of the reminders (no mail yet; see runScheduledJobs). `now` is a parameter so tests can move the clock. */
export function runReminders(now = clock.now()): ReminderCounts {
  const counts = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, 0])) as ReminderCounts;
  db().transaction((tx) => {
    measureReminders(tx, now, counts);
    meetingReminders(tx, now, counts);
    reviewReminders(tx, now, counts);
    secrecyReminders(tx, now, counts);
    Object.assign(counts, rightsRequestReminders(tx, now));
    const situationCounts = situationActionReminders(tx, now);
    counts.situationActionsDueSoon = situationCounts.dueSoon;
    counts.situationActionsOverdue = situationCounts.overdue;
  });
  return counts;
}

/** Reminders, then the mail: immediate mail now, the daily digest from 07:00 Helsinki time. */
export async function runScheduledJobs(now = clock.now()) {
  const reminders = runReminders(now);
  // Consultations that opened or published their results since the last run (issue 16).
  const consultations = runConsultationNotices(now);
  const retention = runRetention(now);
  const mailed = await deliverImmediateMail(now);
  const digests = await sendDailyDigests(now);
  return { reminders, consultations, retention, mailed, digests };
}

let timer: NodeJS.Timeout | undefined;

/**
 * Started by the HTTP server when REMINDERS is on (default in production): a run a minute after
 * start, then at the top of every hour; the 07:00 run is the one that sends the daily digests.
 */
export function startReminderSchedule(log: (message: string) => void = console.log) {
  if (timer) return;
  const tick = () => {
    runScheduledJobs()
      .then((r) => {
        const total = Object.values(r.reminders).reduce((a, b) => a + b, 0);
        if (total || r.mailed || r.digests) log(`Reminders: ${JSON.stringify(r.reminders)}; mailed ${r.mailed}, digests ${r.digests}`);
      })
      .catch((error: unknown) => console.error("Reminders failed:", error));
  };
  const schedule = () => {
    const now = clock.ms();
    const nextHour = Math.ceil((now + 1000) / 3600000) * 3600000;
    timer = setTimeout(() => {
      tick();
      schedule();
    }, nextHour - now);
    timer.unref();
  };
  setTimeout(tick, 60_000).unref();
  schedule();
  log(
    `Reminders are on: hourly, daily digest at ${String(DIGEST_HOUR).padStart(2, "0")}:00 Helsinki time (now ${helsinkiHour(clock.now())}h there).`,
  );
}

export function remindersEnabled(): boolean {
  return config().reminders;
}
