// Meetings of a workspace: date and place, agenda items that may link a measure, a status review,
// a plan or a document, attendance, minutes (draft → approved) and the group's decision register.
// Approved minutes are a record: the meeting's agenda, minutes and decisions no longer change.
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { agendaItems, decisions, groups, meetingAttendance, meetings, users, type LinkType } from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { config } from "../platform/config.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { calendarFor } from "./ical";
import { linkKey, resolveLink, resolveLinks, type ResolvedLink } from "./links.server";
import { notifyMany, scheduleMailDelivery, writeWithMail } from "../mail/notifications.server";
import type { Viewer } from "../people/viewer.server";
import { listCurrentMemberIds } from "./workspace-members.server";
import { clock } from "../platform/clock";
import { prefixedNamesOf, columnsOf } from "../platform/select-names";
import { userName } from "../people/user-name";

export type MeetingInput = { title: string; startsAt: Date; endsAt: Date; place: string; onlineUrl: string | null };
export type Refusal = { ok: false; reason: "notFound" | "conflict" | "approved" | "forbidden" | "invalid" };

export const meetingLink = (groupId: number, meetingId: number) => `/workspaces/${groupId}/meetings/${meetingId}`;

/** Invites every current member not yet invited; each invitation is sent once (reminders_sent). */
export function inviteMembers(
  tx: Tx,
  meeting: { id: number; groupId: number; title: string; startsAt: Date },
  opts: { except?: string | null; now?: Date } = {},
): number {
  const memberIds = listCurrentMemberIds(meeting.groupId, tx);
  const invited = new Set(
    tx
      .select({ userId: meetingAttendance.userId })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id))
      .all()
      .map((r) => r.userId),
  );
  const newcomers = memberIds.filter((id) => !invited.has(id));
  for (const userId of newcomers)
    tx.insert(meetingAttendance).values({ meetingId: meeting.id, userId, status: "invited" }).onConflictDoNothing().run();
  return notifyMany(
    tx,
    newcomers,
    {
      kind: "meeting.invited",
      messageKey: "workspaces.notify.meetingInvited",
      params: { meetingId: meeting.id, title: meeting.title, when: meeting.startsAt.getTime() },
      link: meetingLink(meeting.groupId, meeting.id),
      key: (userId) => `meeting:${meeting.id}:invite:u:${userId}`,
    },
    { except: opts.except, now: opts.now },
  );
}

export function createMeeting(actor: Viewer, groupId: number, input: MeetingInput, now = clock.now()): { ok: true; id: number } {
  return writeWithMail((tx) => {
    const id = Number(
      tx
        .insert(meetings)
        .values({ groupId, ...input, createdById: actor.id, createdAt: now })
        .run().lastInsertRowid,
    );
    // The organiser is on the list too (attending), but is not told about their own meeting.
    tx.insert(meetingAttendance).values({ meetingId: id, userId: actor.id, status: "attending" }).onConflictDoNothing().run();
    inviteMembers(tx, { id, groupId, title: input.title, startsAt: input.startsAt }, { except: actor.id, now });
    audit({ actorId: actor.id, action: "meeting.created", targetType: "meeting", targetId: id }, tx);
    return { ok: true as const, id };
  });
}

function loadForChange(tx: Tx, meetingId: number, expectedVersion?: number): { meeting: typeof meetings.$inferSelect } | Refusal {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return { ok: false, reason: "notFound" };
  if (expectedVersion !== undefined && meeting.version !== expectedVersion) return { ok: false, reason: "conflict" };
  if (meeting.minutesStatus === "approved") return { ok: false, reason: "approved" };
  return { meeting };
}

const bump = (tx: Tx, meetingId: number) =>
  tx
    .update(meetings)
    .set({ version: sql`${meetings.version} + 1` })
    .where(eq(meetings.id, meetingId))
    .run();

export function updateMeeting(
  actor: Viewer,
  meetingId: number,
  expectedVersion: number,
  input: MeetingInput & { status: "planned" | "held" | "cancelled" },
  now = clock.now(),
): { ok: true } | Refusal {
  return writeWithMail((tx) => {
    const loaded = loadForChange(tx, meetingId, expectedVersion);
    if ("ok" in loaded) return loaded;
    const before = loaded.meeting;
    tx.update(meetings)
      .set({ ...input, version: before.version + 1 })
      .where(eq(meetings.id, meetingId))
      .run();
    const moved =
      before.startsAt.getTime() !== input.startsAt.getTime() ||
      before.place !== input.place ||
      (before.onlineUrl ?? "") !== (input.onlineUrl ?? "");
    const cancelled = before.status !== "cancelled" && input.status === "cancelled";
    if (moved || cancelled) {
      // Everyone still expected at the meeting hears about the change.
      const expected = tx
        .select({ userId: meetingAttendance.userId })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meetingId), ne(meetingAttendance.status, "declined")))
        .all()
        .map((r) => r.userId);
      notifyMany(
        tx,
        expected,
        {
          kind: cancelled ? "meeting.cancelled" : "meeting.changed",
          messageKey: cancelled ? "workspaces.notify.meetingCancelled" : "workspaces.notify.meetingChanged",
          params: { meetingId, title: input.title, when: input.startsAt.getTime() },
          link: meetingLink(before.groupId, meetingId),
        },
        { except: actor.id, now },
      );
    }
    audit({ actorId: actor.id, action: "meeting.updated", targetType: "meeting", targetId: meetingId }, tx);
    return { ok: true as const };
  });
}

export type AgendaInput = { title: string; description: string; linkType: LinkType | null; linkId: number | null };

export function addAgendaItem(actor: Viewer, meetingId: number, input: AgendaInput): { ok: true; id: number } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId);
    if ("ok" in loaded) return loaded;
    const position =
      (tx
        .select({ n: sql<number>`coalesce(max(${agendaItems.position}), 0)` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .get()?.n ?? 0) + 1;
    const id = Number(
      tx
        .insert(agendaItems)
        .values({ meetingId, position, ...input })
        .run().lastInsertRowid,
    );
    bump(tx, meetingId);
    audit({ actorId: actor.id, action: "agenda.added", targetType: "meeting", targetId: meetingId }, tx);
    return { ok: true as const, id };
  });
}

export function updateAgendaItem(actor: Viewer, meetingId: number, itemId: number, input: AgendaInput): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId);
    if ("ok" in loaded) return loaded;
    const changed = tx
      .update(agendaItems)
      .set(input)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .run().changes;
    if (!changed) return { ok: false as const, reason: "notFound" as const };
    bump(tx, meetingId);
    return { ok: true as const };
  });
}

export function removeAgendaItem(actor: Viewer, meetingId: number, itemId: number): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId);
    if ("ok" in loaded) return loaded;
    const removed = tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .run().changes;
    if (!removed) return { ok: false as const, reason: "notFound" as const };
    renumber(tx, meetingId);
    bump(tx, meetingId);
    audit({ actorId: actor.id, action: "agenda.removed", targetType: "meeting", targetId: meetingId }, tx);
    return { ok: true as const };
  });
}

/** Moves an item one place up or down; positions stay 1…n. */
export function moveAgendaItem(actor: Viewer, meetingId: number, itemId: number, direction: "up" | "down"): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId);
    if ("ok" in loaded) return loaded;
    const items = agendaOrder(tx, meetingId);
    const index = items.findIndex((i) => i.id === itemId);
    if (index < 0) return { ok: false as const, reason: "notFound" as const };
    const target = direction === "up" ? index - 1 : index + 1;
    if (target >= 0 && target < items.length) [items[index], items[target]] = [items[target]!, items[index]!];
    writePositions(tx, items);
    bump(tx, meetingId);
    return { ok: true as const };
  });
}

/** The meeting's agenda items in their order. */
const agendaOrder = (tx: Tx, meetingId: number) =>
  tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();

/** Positions 1…n in the order given. */
function writePositions(tx: Tx, items: { id: number }[]) {
  items.forEach((item, i) =>
    tx
      .update(agendaItems)
      .set({ position: i + 1 })
      .where(eq(agendaItems.id, item.id))
      .run(),
  );
}

function renumber(tx: Tx, meetingId: number) {
  writePositions(tx, agendaOrder(tx, meetingId));
}

export type AttendanceStatus = (typeof meetingAttendance.$inferSelect)["status"];

/** A member answers for themselves; the organisers record who was present. */
export function setAttendance(
  actor: Viewer,
  meetingId: number,
  userId: string,
  status: AttendanceStatus,
  opts: { manager: boolean },
): { ok: true } | Refusal {
  if (!opts.manager && (userId !== actor.id || !["attending", "declined"].includes(status))) return { ok: false, reason: "forbidden" };
  return db().transaction((tx) => {
    const meeting = tx
      .select({ id: meetings.id, groupId: meetings.groupId, minutesStatus: meetings.minutesStatus })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .get();
    if (!meeting) return { ok: false as const, reason: "notFound" as const };
    if (opts.manager && meeting.minutesStatus === "approved") return { ok: false as const, reason: "approved" as const };
    const member = listCurrentMemberIds(meeting.groupId, tx).includes(userId);
    const listed = tx
      .select({ userId: meetingAttendance.userId })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, userId)))
      .get();
    if (!member && !listed) return { ok: false as const, reason: "invalid" as const };
    tx.insert(meetingAttendance)
      .values({ meetingId, userId, status })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: { status } })
      .run();
    return { ok: true as const };
  });
}

export function saveMinutes(actor: Viewer, meetingId: number, expectedVersion: number, minutes: string): { ok: true } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId, expectedVersion);
    if ("ok" in loaded) return loaded;
    tx.update(meetings)
      .set({ minutes, version: loaded.meeting.version + 1 })
      .where(eq(meetings.id, meetingId))
      .run();
    audit({ actorId: actor.id, action: "minutes.saved", targetType: "meeting", targetId: meetingId }, tx);
    return { ok: true as const };
  });
}

/**
 * Approving the minutes closes the record; the members are told. With `minutes`, the text in the
 * box is saved and approved in the same transaction, so an approval never leaves a saved but
 * unapproved text behind (or approves a text other than the one the chair saw).
 */
export function approveMinutes(
  actor: Viewer,
  meetingId: number,
  expectedVersion: number,
  opts: { minutes?: string; now?: Date } = {},
): { ok: true } | Refusal {
  const now = opts.now ?? clock.now();
  const result = db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId, expectedVersion);
    if ("ok" in loaded) return loaded;
    const m = loaded.meeting;
    const minutes = opts.minutes ?? m.minutes;
    if (!minutes.trim()) return { ok: false as const, reason: "invalid" as const };
    if (opts.minutes !== undefined && opts.minutes !== m.minutes)
      audit({ actorId: actor.id, action: "minutes.saved", targetType: "meeting", targetId: meetingId }, tx);
    tx.update(meetings)
      .set({
        minutes,
        minutesStatus: "approved",
        minutesApprovedAt: now,
        minutesApprovedById: actor.id,
        status: m.status === "cancelled" ? m.status : "held",
        version: m.version + 1,
      })
      .where(eq(meetings.id, meetingId))
      .run();
    notifyMany(
      tx,
      listCurrentMemberIds(m.groupId, tx),
      {
        kind: "minutes.approved",
        messageKey: "workspaces.notify.minutesApproved",
        params: { meetingId, title: m.title },
        link: meetingLink(m.groupId, meetingId),
      },
      { except: actor.id, now },
    );
    audit({ actorId: actor.id, action: "minutes.approved", targetType: "meeting", targetId: meetingId }, tx);
    return { ok: true as const };
  });
  if (result.ok) scheduleMailDelivery();
  return result;
}

export type DecisionInput = {
  text: string;
  /** The decision in Swedish and English; null falls back to the Finnish text. */
  textSv?: string | null;
  textEn?: string | null;
  decidedOn: string;
  agendaItemId: number | null;
  linkType: LinkType | null;
  linkId: number | null;
};

/** The next number of the group's register for a year: "1/2026", "2/2026", … */
export function nextDecisionNumber(tx: Pick<Db, "select">, groupId: number, year: number): string {
  const last =
    tx
      .select({ n: sql<number | null>`max(cast(substr(${decisions.number}, 1, instr(${decisions.number}, '/') - 1) as integer))` })
      .from(decisions)
      .where(and(eq(decisions.groupId, groupId), sql`${decisions.number} like ${`%/${year}`}`))
      .get()?.n ?? 0;
  return `${last + 1}/${year}`;
}

export function recordDecision(
  actor: Viewer,
  meetingId: number,
  input: DecisionInput,
  now = clock.now(),
): { ok: true; id: number; number: string } | Refusal {
  return db().transaction((tx) => {
    const loaded = loadForChange(tx, meetingId);
    if ("ok" in loaded) return loaded;
    const m = loaded.meeting;
    if (input.agendaItemId) {
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meetingId)))
        .get();
      if (!item) return { ok: false as const, reason: "invalid" as const };
    }
    const number = nextDecisionNumber(tx, m.groupId, Number(input.decidedOn.slice(0, 4)));
    const id = Number(
      tx
        .insert(decisions)
        .values({
          groupId: m.groupId,
          meetingId,
          agendaItemId: input.agendaItemId,
          number,
          decidedOn: input.decidedOn,
          text: input.text,
          textSv: input.textSv || null,
          textEn: input.textEn || null,
          linkType: input.linkType,
          linkId: input.linkType ? input.linkId : null,
          createdById: actor.id,
          createdAt: now,
        })
        .run().lastInsertRowid,
    );
    bump(tx, meetingId);
    audit({ actorId: actor.id, action: "decision.recorded", targetType: "decision", targetId: id, detail: { number } }, tx);
    return { ok: true as const, id, number };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export function listMeetings(viewer: Viewer, groupId: number, opts: { when: "upcoming" | "past" | "all"; now?: Date; limit?: number }) {
  const now = opts.now ?? clock.now();
  const when = opts.when === "upcoming" ? gte(meetings.endsAt, now) : opts.when === "past" ? lt(meetings.endsAt, now) : undefined;
  return db()
    .select({
      ...columnsOf(meetings, "id", "title", "startsAt", "endsAt", "place", "onlineUrl", "status", "minutesStatus"),
      myStatus: meetingAttendance.status,
      agendaCount: sql<number>`(select count(*) from ${agendaItems} a where a.meeting_id = ${meetings.id})`,
    })
    .from(meetings)
    .leftJoin(meetingAttendance, and(eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.userId, viewer.id)))
    .where(and(eq(meetings.groupId, groupId), when))
    .orderBy(opts.when === "past" ? desc(meetings.startsAt) : asc(meetings.startsAt))
    .limit(opts.limit ?? 500)
    .all();
}

export function getMeetingRecord(meetingId: number) {
  return db().select().from(meetings).where(eq(meetings.id, meetingId)).get() ?? null;
}

/** The meeting page: agenda with the links the viewer may follow, attendance, minutes, decisions. */
export function getMeeting(viewer: Viewer, groupId: number, meetingId: number) {
  const d = db();
  const meeting = d
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)))
    .get();
  if (!meeting) return null;
  const items = d
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const meetingDecisions = d.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.id)).all();
  const links = resolveLinks(viewer, [...items, ...meetingDecisions]);
  const attendance = d
    .select({ userId: users.id, name: users.name, status: meetingAttendance.status })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(users.name))
    .all();
  const approver = meeting.minutesApprovedById ? userName(d, meeting.minutesApprovedById) : null;
  return {
    meeting: { ...meeting, approverName: approver },
    // Only the ids of links the viewer may see leave the server.
    agenda: items.map((i) => ({ id: i.id, position: i.position, title: i.title, description: i.description, link: resolveLink(links, i) })),
    decisions: meetingDecisions.map((x) => ({
      id: x.id,
      number: x.number,
      decidedOn: x.decidedOn,
      text: x.text,
      textSv: x.textSv,
      textEn: x.textEn,
      agendaItemId: x.agendaItemId,
      link: resolveLink(links, x),
    })),
    attendance,
  };
}

export function listDecisions(viewer: Viewer, groupId: number) {
  const rows = db()
    .select({
      ...columnsOf(decisions, "id", "number", "decidedOn", "text", "textSv", "textEn", "linkType", "linkId", "meetingId"),
      meetingTitle: meetings.title,
      agendaItemTitle: agendaItems.title,
    })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(eq(decisions.groupId, groupId))
    .orderBy(desc(decisions.decidedOn), desc(decisions.id))
    .all();
  const links = resolveLinks(viewer, rows);
  return rows.map(({ linkType, linkId, ...r }) => ({ ...r, link: resolveLink(links, { linkType, linkId }) }));
}

/**
 * Decisions of any group that concern a measure, review, plan or document, for that record's page.
 * Decision registers are working records of the groups: staff read them, the public does not.
 */
export function decisionsLinkedTo(viewer: Viewer | null, linkType: LinkType, linkId: number) {
  if (!viewer || !viewer.memberships.length) return [];
  return db()
    .select({
      ...columnsOf(decisions, "id", "number", "decidedOn", "text", "textSv", "textEn", "groupId", "meetingId"),
      ...prefixedNamesOf("group", groups),
    })
    .from(decisions)
    .innerJoin(groups, eq(groups.id, decisions.groupId))
    .where(and(eq(decisions.linkType, linkType), eq(decisions.linkId, linkId)))
    .orderBy(desc(decisions.decidedOn), desc(decisions.id))
    .all();
}

/** The meeting as an iCalendar file; agenda links the viewer may not see are left out. */
export function meetingCalendar(viewer: Viewer, groupId: number, meetingId: number, now = clock.now()): string | null {
  const data = getMeeting(viewer, groupId, meetingId);
  if (!data) return null;
  const { meeting, agenda } = data;
  const base = config().publicUrl;
  const url = `${base}${meetingLink(groupId, meetingId)}`;
  const description = [
    ...agenda.map((item, i) => `${i + 1}. ${item.title}${item.link ? ` (${base}${item.link.href})` : ""}`),
    meeting.onlineUrl ? `\n${meeting.onlineUrl}` : "",
    url,
  ]
    .filter(Boolean)
    .join("\n");
  return calendarFor({
    uid: `meeting-${meeting.id}@${new URL(base).hostname}`,
    sequence: meeting.version,
    start: meeting.startsAt,
    end: meeting.endsAt,
    stamp: now,
    summary: meeting.title,
    description,
    location: [meeting.place, meeting.onlineUrl].filter(Boolean).join(" · "),
    url,
    cancelled: meeting.status === "cancelled",
  });
}

/** Upcoming meetings of several groups (the "my workspaces" list). */
export function nextMeetings(groupIds: number[], now = clock.now()) {
  if (!groupIds.length) return new Map<number, { id: number; title: string; startsAt: Date }>();
  const rows = db()
    .select({ id: meetings.id, groupId: meetings.groupId, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(inArray(meetings.groupId, groupIds), gte(meetings.startsAt, now), ne(meetings.status, "cancelled")))
    .orderBy(asc(meetings.startsAt))
    .all();
  const out = new Map<number, { id: number; title: string; startsAt: Date }>();
  for (const r of rows) if (!out.has(r.groupId)) out.set(r.groupId, r);
  return out;
}

export type { ResolvedLink };
export { linkKey };
