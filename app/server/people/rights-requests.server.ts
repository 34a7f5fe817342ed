// The data subject's requests: rectification (GDPR art. 16) and objection (art. 21), sent from the
// account page by anyone signed in, about themself, and answered by the coordinators (the
// controller's contact point) within one month of receipt (art. 12(3)). Every write is one
// transaction with its audit entry and its notifications; the mail follows through the usual
// notification mail (notifications.server), each recipient in their own language. The reminders
// job calls `rightsRequestReminders` (a week before the due date, and once it has passed).
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { rightsRequests, users, type RIGHTS_REQUEST_KINDS } from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Db } from "../platform/db.server";
import { helsinkiParts, helsinkiToDate } from "../platform/helsinki-time";
import { notifyMany, scheduleMailDelivery, writeWithMail } from "../mail/notifications.server";
import { pageWindow } from "../platform/paging";
import { can } from "./permissions.server";
import type { Viewer } from "./viewer.server";
import { listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { columnsOf } from "../platform/select-names";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type RightsRequestKind = (typeof RIGHTS_REQUEST_KINDS)[number];

const DAY = 86_400_000;
/** The coordinators are reminded when the due date is this close (and again once it has passed). */
export const RIGHTS_REMINDER_DAYS = 7;
export const RIGHTS_PAGE_SIZE = 25;

/**
 * One month after receipt (art. 12(3)): the same wall-clock moment a calendar month later in
 * Helsinki, on the month's last day when it is shorter (31 January → 28 or 29 February).
 */
export function dueDateFor(receivedAt: Date): Date {
  const { date, time } = helsinkiParts(receivedAt);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const iso = `${nextYear}-${String(nextMonth).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
  // helsinkiParts keeps whole minutes; the seconds go back on, so the month is a whole month.
  return new Date(helsinkiToDate(iso, time).getTime() + (receivedAt.getTime() % 60_000));
}

/** Open and past its due date. */
const isOverdue = (r: { status: string; dueAt: Date }, now: Date) => r.status === "open" && r.dueAt.getTime() < now.getTime();
/** Open, not yet overdue, and due within the reminder window. */
const isDueSoon = (r: { status: string; dueAt: Date }, now: Date) =>
  r.status === "open" && !isOverdue(r, now) && r.dueAt.getTime() - now.getTime() <= RIGHTS_REMINDER_DAYS * DAY;

const coordinatorsNow = (tx: Tx, now: Date) => listCurrentMemberIdsOfKind("coordinators", tx, now);

// ---------------------------------------------------------------------------------------------
// Sending (the person themself)

/** Sends a request about the sender's own data; the coordinators hear of it at once. */
export function sendRightsRequest(
  actor: Viewer,
  input: { kind: RightsRequestKind; body: string },
  now = clock.now(),
): { id: number; dueAt: Date } {
  const dueAt = dueDateFor(now);
  const result = db().transaction((tx) => {
    const id = Number(
      tx
        .insert(rightsRequests)
        .values({ userId: actor.id, kind: input.kind, body: input.body.trim(), status: "open", dueAt, createdAt: now })
        .run().lastInsertRowid,
    );
    // The audit trail names the event, not the words: the request itself is in its own table.
    audit(
      { actorId: actor.id, action: "rightsRequest.sent", targetType: "rightsRequest", targetId: id, detail: { kind: input.kind }, at: now },
      tx,
    );
    notifyMany(
      tx,
      coordinatorsNow(tx, now),
      {
        kind: "rightsRequest.received",
        messageKey: input.kind === "rectification" ? "rights.notify.rectificationReceived" : "rights.notify.objectionReceived",
        params: { requestId: id, name: actor.name, date: dueAt.getTime() },
        link: `/admin/rights-requests/${id}`,
      },
      { except: actor.id, now },
    );
    return { id, dueAt };
  });
  // Mail follows the commit; the notifications are written inside the transaction.
  scheduleMailDelivery();
  return result;
}

/** A request as its requester and staff both see it. */
const requestColumns = {
  ...columnsOf(rightsRequests, "id", "kind", "body", "status", "dueAt", "answer", "answeredAt", "createdAt"),
};

/** The person's own requests, newest first, with the answers (never who answered: that is staff's). */
export function listOwnRightsRequests(userId: string) {
  return db()
    .select(requestColumns)
    .from(rightsRequests)
    .where(eq(rightsRequests.userId, userId))
    .orderBy(desc(rightsRequests.createdAt), desc(rightsRequests.id))
    .all();
}

// ---------------------------------------------------------------------------------------------
// The coordinators' view

export type RightsFilter = "open" | "answered" | "all";

const answerer = alias(users, "answerer");

/** Open requests first, by due date (the most urgent on top), then the answered ones. Paged. */
export function listRightsRequests(filter: { status: RightsFilter; page?: number }, now = clock.now()) {
  const d = db();
  const where: SQL | undefined = filter.status === "all" ? undefined : eq(rightsRequests.status, filter.status);
  const total = d.select({ n: count() }).from(rightsRequests).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageWindow(total, filter.page, RIGHTS_PAGE_SIZE);
  const rows = d
    .select({
      ...columnsOf(rightsRequests, "id", "kind", "status", "dueAt", "createdAt", "answeredAt"),
      requesterId: users.id,
      requesterName: users.name,
      requesterEmail: users.email,
    })
    .from(rightsRequests)
    .leftJoin(users, eq(users.id, rightsRequests.userId))
    .where(where)
    .orderBy(sql`case when ${rightsRequests.status} = 'open' then 0 else 1 end`, asc(rightsRequests.dueAt), asc(rightsRequests.id))
    .limit(RIGHTS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((r) => ({ ...r, overdue: isOverdue(r, now), dueSoon: isDueSoon(r, now) }));
  return { rows, total, page, pageCount };
}

/** How many requests wait for an answer, and how many of them are overdue (the admin overview). */
export function openRightsRequestCounts(now = clock.now()) {
  const row = db()
    .select({
      open: count(),
      overdue: sql<number>`coalesce(sum(case when ${rightsRequests.dueAt} < ${now.getTime()} then 1 else 0 end), 0)`,
    })
    .from(rightsRequests)
    .where(eq(rightsRequests.status, "open"))
    .get();
  return { open: row?.open ?? 0, overdue: Number(row?.overdue ?? 0) };
}

/** One request with the requester's identity and who answered it, or null. */
export function getRightsRequest(id: number, now = clock.now()) {
  const row = db()
    .select({
      ...requestColumns,
      requesterId: users.id,
      requesterName: users.name,
      requesterEmail: users.email,
      answeredByName: answerer.name,
    })
    .from(rightsRequests)
    .leftJoin(users, eq(users.id, rightsRequests.userId))
    .leftJoin(answerer, eq(answerer.id, rightsRequests.answeredById))
    .where(eq(rightsRequests.id, id))
    .get();
  return row ? { ...row, overdue: isOverdue(row, now), dueSoon: isDueSoon(row, now) } : null;
}

export type AnswerResult = { ok: true } | { ok: false; reason: "forbidden" | "notFound" | "alreadyAnswered" };

/**
 * A coordinator answers. The answer is written only while the request is still open (one
 * conditional UPDATE inside the transaction), so when two coordinators answer at once the second
 * is refused and the first answer stays; the requester is notified of the answer.
 */
export function answerRightsRequest(actor: Viewer, id: number, answer: string, now = clock.now()): AnswerResult {
  if (!can(actor, { kind: "rightsRequest.handle" })) return { ok: false, reason: "forbidden" };
  return writeWithMail((tx): AnswerResult => {
    const request = tx
      .select({ id: rightsRequests.id, userId: rightsRequests.userId, kind: rightsRequests.kind })
      .from(rightsRequests)
      .where(eq(rightsRequests.id, id))
      .get();
    if (!request) return { ok: false, reason: "notFound" };
    const written = tx
      .update(rightsRequests)
      .set({ status: "answered", answer: answer.trim(), answeredById: actor.id, answeredAt: now })
      .where(and(eq(rightsRequests.id, id), eq(rightsRequests.status, "open"), isNull(rightsRequests.answeredAt)))
      .run().changes;
    if (written === 0) return { ok: false, reason: "alreadyAnswered" };
    audit(
      {
        actorId: actor.id,
        action: "rightsRequest.answered",
        targetType: "rightsRequest",
        targetId: id,
        detail: { kind: request.kind },
        at: now,
      },
      tx,
    );
    if (request.userId) {
      notifyMany(
        tx,
        [request.userId],
        {
          kind: "rightsRequest.answered",
          messageKey: "rights.notify.answered",
          params: { requestId: id },
          link: "/account#rights-requests",
        },
        { now },
      );
    }
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders (called by the reminders job inside its transaction)

export type RightsReminderCounts = { rightsDueSoon: number; rightsOverdue: number };

/**
 * Every current coordinator is reminded of each open request twice at most: when its due date is
 * within RIGHTS_REMINDER_DAYS ("dueSoon") and once it has passed ("overdue"). The key names the
 * request, the stage and the person, so however often the job runs nothing is sent twice; a
 * request first seen already overdue gets only the overdue reminder.
 */
export function rightsRequestReminders(tx: Tx, now: Date): RightsReminderCounts {
  const counts: RightsReminderCounts = { rightsDueSoon: 0, rightsOverdue: 0 };
  const due = tx
    .select({ id: rightsRequests.id, status: rightsRequests.status, dueAt: rightsRequests.dueAt })
    .from(rightsRequests)
    .where(and(eq(rightsRequests.status, "open"), sql`${rightsRequests.dueAt} <= ${now.getTime() + RIGHTS_REMINDER_DAYS * DAY}`))
    .orderBy(asc(rightsRequests.dueAt), asc(rightsRequests.id))
    .all();
  if (!due.length) return counts;
  const coordinators = coordinatorsNow(tx, now);
  for (const r of due) {
    const stage = isOverdue(r, now) ? "overdue" : "dueSoon";
    const sent = notifyMany(
      tx,
      coordinators,
      {
        kind: stage === "overdue" ? "reminder.rightsOverdue" : "reminder.rightsDueSoon",
        messageKey: stage === "overdue" ? "rights.notify.overdue" : "rights.notify.dueSoon",
        params: { requestId: r.id, date: r.dueAt.getTime() },
        link: `/admin/rights-requests/${r.id}`,
        key: (u) => `rights:${r.id}:${stage}:u:${u}`,
      },
      { now },
    );
    if (stage === "overdue") counts.rightsOverdue += sent;
    else counts.rightsDueSoon += sent;
  }
  return counts;
}
