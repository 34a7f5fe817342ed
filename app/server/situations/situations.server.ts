// The situation room (issue 18, DOMAIN.md "rapid response"): a coordinator convenes a cooperation
// group for one situation; its members keep an append-only log, the coordinator keeps the
// situational picture (tilannekuva) current, the group agrees on actions, the mayor and the chief
// executive are briefed, and the situation is closed with an after-action summary that may propose
// measures to the city safety plan.
//
// Access follows the task: the group is an ordinary `cooperation` group whose memberships end when
// the situation closes. Who may read a situation is decided in SQL (readableSituationSql), as for
// documents (workspaces/documents.server.ts), so a confidential situation never reaches a list, a
// count or a search of anyone outside; its notifications and mails never carry its title; and every
// read of a non-public situation is written to the append-only situation_access_log.
import { BLANK_MEASURE } from "../city/measure-input";
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  areas,
  documents,
  groups,
  measures,
  memberships,
  organisations,
  situationAccessLog,
  situationActions,
  situationAreas,
  situationBriefingRecipients,
  situationBriefings,
  situationLogEntries,
  situationMeasureProposals,
  situationPictures,
  situations,
  users,
  type PublicityClass,
  type Reliability,
  type SituationActionStatus,
  type SituationSeverity,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Tx } from "../platform/db.server";
import { pageWindow } from "../platform/paging";
import { notifyMany, writeWithMail } from "../mail/notifications.server";
import { readableSql } from "../workspaces/documents.server";
import { currentMembership } from "../people/memberships";
import { isCoordinator, isSteeringMember, memberGroupIds, type Viewer } from "../people/viewer.server";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { currentPlan } from "../city/plans.server";
import { codeTaken, writeMeasureRows } from "../city/measures.server";
import { helsinkiDate } from "../city/measure-rules";
import { diffPictures, PICTURE_FIELDS, type PictureText } from "./picture-diff";
import { namesOf, columnsOf } from "../platform/select-names";
import { areaNameColumns } from "../city/areas.server";
import { userName } from "../people/user-name";

export type Refusal = { ok: false; reason: "notFound" | "forbidden" | "closed" };

const idList = (ids: (number | string)[]) =>
  ids.length
    ? sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;

/**
 * "May the viewer read this situation?" as SQL: coordinators all; the group's current members;
 * people a briefing of it was sent to; and the steering group the public ones.
 */
export function readableSituationSql(viewer: Viewer | null, s: typeof situations = situations): SQL {
  if (!viewer) return sql`0`;
  if (isCoordinator(viewer)) return sql`1`;
  const steering = isSteeringMember(viewer) ? sql`${s.publicity} = 'public'` : sql`0`;
  return sql`(${s.groupId} in (${idList(memberGroupIds(viewer))}) or ${steering} or exists (select 1 from ${situationBriefingRecipients} r join ${situationBriefings} b on b.id = r.briefing_id where b.situation_id = ${s.id} and r.user_id = ${viewer.id}))`;
}

/** Whether the viewer is a current member of the situation's group. */
const isMemberOf = (viewer: Viewer, groupId: number) => memberGroupIds(viewer).includes(groupId);
/** Log entries: the group and the coordinators, while the situation is open. */
const mayLog = (viewer: Viewer, s: { groupId: number; status: string }) =>
  s.status === "open" && (isCoordinator(viewer) || isMemberOf(viewer, s.groupId));
/** The picture, actions, briefings and closing are the coordinators'. */
const mayManage = (viewer: Viewer, s: { status: string }) => s.status === "open" && isCoordinator(viewer);

/** The notification's words: a non-public situation's title never goes into a notification or a mail. */
function aboutParams(s: { id: number; title: string; publicity: PublicityClass }) {
  return s.publicity === "public" ? { situationId: s.id, title: s.title } : { situationId: s.id, title: null };
}
const aboutKey = (s: { publicity: PublicityClass }, key: string) =>
  `situations.notify.${key}${s.publicity === "public" ? "" : "Confidential"}`;

export const situationLink = (id: number) => `/situations/${id}`;

// ---------------------------------------------------------------------------------------------
// Reading

export const SITUATION_PAGE_SIZE = 20;

/** Open actions past their deadline, counted per situation row (Helsinki calendar day). */
const overdueSql = (now: Date) =>
  sql<number>`(select count(*) from ${situationActions} a where a.situation_id = ${situations.id} and a.status in ('open', 'in_progress') and a.deadline < ${helsinkiDate(now)})`;

/** The overview: open situations (most severe, then oldest first) and a search of closed ones; only readable rows. */
export function listSituations(viewer: Viewer, opts: { q?: string; page?: number; now?: Date } = {}) {
  const now = opts.now ?? clock.now();
  const readable = readableSituationSql(viewer);
  const open = db()
    .select({
      ...columnsOf(situations, "id", "title", "severity", "publicity", "openedAt"),
      overdue: overdueSql(now),
      openActions: sql<number>`(select count(*) from ${situationActions} a where a.situation_id = ${situations.id} and a.status in ('open', 'in_progress'))`,
    })
    .from(situations)
    .where(and(eq(situations.status, "open"), readable))
    .orderBy(
      sql`case ${situations.severity} when 'critical' then 0 when 'high' then 1 when 'moderate' then 2 else 3 end`,
      asc(situations.openedAt),
    )
    .all();
  const conditions: SQL[] = [eq(situations.status, "closed"), readable];
  const q = opts.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${situations.title} like ${pattern} escape '\\' or ${situations.description} like ${pattern} escape '\\' or coalesce(${situations.afterAction}, '') like ${pattern} escape '\\')`,
    );
  }
  const where = and(...conditions);
  const total = db().select({ n: count() }).from(situations).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageWindow(total, opts.page, SITUATION_PAGE_SIZE);
  const closed = db()
    .select({
      ...columnsOf(situations, "id", "title", "severity", "publicity", "openedAt", "closedAt"),
    })
    .from(situations)
    .where(where)
    .orderBy(desc(situations.closedAt), desc(situations.id))
    .limit(SITUATION_PAGE_SIZE)
    .offset(offset)
    .all();
  return { open, closed, total, page, pageCount };
}

/** A readable situation's row, or undefined. */
function readableRow(viewer: Viewer, id: number) {
  return db()
    .select()
    .from(situations)
    .where(and(eq(situations.id, id), readableSituationSql(viewer)))
    .get();
}

/** Every read of a non-public situation (page, briefing, PDF) goes to the append-only access log. */
export function logSituationRead(
  s: { id: number; publicity: PublicityClass },
  userId: string,
  action: "view" | "briefing" | "pdf",
  now = clock.now(),
) {
  if (s.publicity === "public") return;
  db().insert(situationAccessLog).values({ situationId: s.id, userId, action, at: now }).run();
}

const organisationOfMember = alias(organisations, "member_org");

/** The situation's page: everything the viewer may see of it, or null (missing or not theirs: a 404). */
export function getSituation(viewer: Viewer, id: number, now = clock.now()) {
  const s = readableRow(viewer, id);
  if (!s) return null;
  logSituationRead(s, viewer.id, "view", now);
  const d = db();
  const areaRows = d
    .select({ id: areas.id, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv, nameEn: sql<string | null>`null` })
    .from(situationAreas)
    .innerJoin(areas, eq(areas.id, situationAreas.areaId))
    .where(eq(situationAreas.situationId, id))
    .orderBy(asc(areas.code))
    .all();
  const members = d
    .select({
      userId: users.id,
      name: users.name,
      ...columnsOf(memberships, "position", "organisationId"),
      organisationNameFi: organisationOfMember.nameFi,
      organisationNameSv: organisationOfMember.nameSv,
      organisationNameEn: organisationOfMember.nameEn,
      ...columnsOf(memberships, "joinedAt", "leftAt"),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisationOfMember, eq(organisationOfMember.id, memberships.organisationId))
    .where(eq(memberships.groupId, s.groupId))
    .orderBy(asc(users.name))
    .all();
  const openerName = userName(d, s.openedById);
  const versions = d
    .select({ version: situationPictures.version, savedAt: situationPictures.savedAt, savedByName: users.name })
    .from(situationPictures)
    .leftJoin(users, eq(users.id, situationPictures.savedById))
    .where(eq(situationPictures.situationId, id))
    .orderBy(desc(situationPictures.version))
    .all();
  const briefings = d
    .select({ id: situationBriefings.id, sentAt: situationBriefings.sentAt, pictureVersion: situationBriefings.pictureVersion })
    .from(situationBriefings)
    .where(eq(situationBriefings.situationId, id))
    .orderBy(desc(situationBriefings.id))
    .all()
    .map((b) => ({ ...b, recipients: briefingRecipients(b.id) }));
  const proposals = d
    .select({ id: measures.id, code: measures.code, title: measures.title, status: measures.status })
    .from(situationMeasureProposals)
    .innerJoin(measures, eq(measures.id, situationMeasureProposals.measureId))
    .where(eq(situationMeasureProposals.situationId, id))
    .orderBy(asc(measures.code))
    .all();
  return {
    situation: {
      id: s.id,
      title: s.title,
      description: s.description,
      severity: s.severity,
      publicity: s.publicity,
      legalGround: s.legalGround,
      secretUntil: s.secretUntil,
      status: s.status,
      openedAt: s.openedAt,
      openedByName: openerName,
      closedAt: s.closedAt,
      afterAction: s.afterAction,
    },
    areas: areaRows,
    members: members.map((m) => ({ ...m, current: m.leftAt == null || m.leftAt.getTime() > now.getTime() })),
    log: listLog(id),
    picture: currentPicture(id),
    versions,
    actions: listActions(id, now),
    briefings,
    proposals,
    // The coordinators keep the register: they see who has read a non-public situation.
    accessLog: isCoordinator(viewer) && s.publicity !== "public" ? listSituationAccessLog(id) : [],
    canLog: mayLog(viewer, s),
    canManage: mayManage(viewer, s),
    canUpdateActions: s.status === "open" && (isCoordinator(viewer) || isMemberOf(viewer, s.groupId)),
  };
}

export type SituationView = NonNullable<ReturnType<typeof getSituation>>;

export const SITUATION_ACCESS_LOG_SIZE = 50;

/** The newest reads of a situation (the append-only access log), with who read and how. */
export function listSituationAccessLog(situationId: number) {
  return db()
    .select({ id: situationAccessLog.id, at: situationAccessLog.at, action: situationAccessLog.action, name: users.name })
    .from(situationAccessLog)
    .leftJoin(users, eq(users.id, situationAccessLog.userId))
    .where(eq(situationAccessLog.situationId, situationId))
    .orderBy(desc(situationAccessLog.at), desc(situationAccessLog.id))
    .limit(SITUATION_ACCESS_LOG_SIZE)
    .all();
}

const loggedBy = alias(users, "logged_by");
const sourceOrg = alias(organisations, "source_org");

/** The log, oldest first (a log reads down like a diary); `afterId` gives only what is newer. */
export function listLog(situationId: number, afterId = 0) {
  return db()
    .select({
      ...columnsOf(situationLogEntries, "id", "body", "reliability", "happenedAt", "loggedAt"),
      loggedByName: loggedBy.name,
      sourceNameFi: sourceOrg.nameFi,
      sourceNameSv: sourceOrg.nameSv,
      sourceNameEn: sourceOrg.nameEn,
      areaId: situationLogEntries.areaId,
      ...areaNameColumns,
      areaNameEn: sql<string | null>`null`,
      ...columnsOf(situationLogEntries, "documentId", "correctsId"),
      correctedBy: sql<number | null>`(select min(c.id) from ${situationLogEntries} c where c.corrects_id = ${situationLogEntries.id})`,
    })
    .from(situationLogEntries)
    .innerJoin(sourceOrg, eq(sourceOrg.id, situationLogEntries.sourceOrganisationId))
    .leftJoin(loggedBy, eq(loggedBy.id, situationLogEntries.loggedById))
    .leftJoin(areas, eq(areas.id, situationLogEntries.areaId))
    .where(and(eq(situationLogEntries.situationId, situationId), sql`${situationLogEntries.id} > ${afterId}`))
    .orderBy(asc(situationLogEntries.id))
    .all();
}

/** The newest log entry's id of a situation the viewer may read (the live stream's cursor), or null. */
export function latestLogId(viewer: Viewer, situationId: number): { latest: number; status: string } | null {
  const s = readableRow(viewer, situationId);
  if (!s) return null;
  const row = db()
    .select({ id: sql<number | null>`max(${situationLogEntries.id})` })
    .from(situationLogEntries)
    .where(eq(situationLogEntries.situationId, situationId))
    .get();
  return { latest: row?.id ?? 0, status: s.status };
}

function currentPicture(situationId: number) {
  return (
    db()
      .select()
      .from(situationPictures)
      .where(eq(situationPictures.situationId, situationId))
      .orderBy(desc(situationPictures.version))
      .get() ?? null
  );
}

const responsible = alias(users, "responsible");
const ownerOrg = alias(organisations, "owner_org");

function actionColumns(now: Date) {
  return {
    ...columnsOf(situationActions, "id", "situationId", "title", "deadline", "status", "version", "doneAt", "ownerOrganisationId"),
    ownerNameFi: ownerOrg.nameFi,
    ownerNameSv: ownerOrg.nameSv,
    ownerNameEn: ownerOrg.nameEn,
    responsibleUserId: situationActions.responsibleUserId,
    responsibleName: responsible.name,
    overdue: sql<number>`(${situationActions.status} in ('open', 'in_progress') and ${situationActions.deadline} < ${helsinkiDate(now)})`,
  };
}

export function listActions(situationId: number, now = clock.now()) {
  return db()
    .select(actionColumns(now))
    .from(situationActions)
    .innerJoin(ownerOrg, eq(ownerOrg.id, situationActions.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, situationActions.responsibleUserId))
    .where(eq(situationActions.situationId, situationId))
    .orderBy(asc(situationActions.deadline), asc(situationActions.id))
    .all()
    .map((a) => ({ ...a, overdue: !!a.overdue }));
}

/** The viewer's own task list: open actions of open situations they may read, theirs by name or by their organisation there. */
export function listMyActions(viewer: Viewer, now = clock.now()) {
  const orgs = viewer.memberships.filter((m) => m.organisationId != null);
  const byOrganisation = orgs.length
    ? or(...orgs.map((m) => and(eq(situations.groupId, m.groupId), eq(situationActions.ownerOrganisationId, m.organisationId!))))
    : undefined;
  return db()
    .select({ ...actionColumns(now), situationTitle: situations.title })
    .from(situationActions)
    .innerJoin(situations, eq(situations.id, situationActions.situationId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, situationActions.ownerOrganisationId))
    .leftJoin(responsible, eq(responsible.id, situationActions.responsibleUserId))
    .where(
      and(
        eq(situations.status, "open"),
        inArray(situationActions.status, ["open", "in_progress"]),
        readableSituationSql(viewer),
        or(eq(situationActions.responsibleUserId, viewer.id), byOrganisation),
      ),
    )
    .orderBy(asc(situationActions.deadline), asc(situationActions.id))
    .all()
    .map((a) => ({ ...a, overdue: !!a.overdue }));
}

/** Two picture versions of a readable situation and what changed between them; null when either is missing. */
export function comparePictures(viewer: Viewer, situationId: number, from: number, to: number) {
  if (!readableRow(viewer, situationId)) return null;
  const rows = db()
    .select()
    .from(situationPictures)
    .where(and(eq(situationPictures.situationId, situationId), inArray(situationPictures.version, [from, to])))
    .all();
  const a = rows.find((r) => r.version === from);
  const b = rows.find((r) => r.version === to);
  if (!a || !b) return null;
  return { from, to, fields: diffPictures(a, b) };
}

function briefingRecipients(briefingId: number) {
  return db()
    .select({ userId: users.id, name: users.name, sentAt: situationBriefingRecipients.sentAt, readAt: situationBriefingRecipients.readAt })
    .from(situationBriefingRecipients)
    .innerJoin(users, eq(users.id, situationBriefingRecipients.userId))
    .where(eq(situationBriefingRecipients.briefingId, briefingId))
    .orderBy(asc(users.name))
    .all();
}

export type BriefingSnapshot = {
  title: string;
  description: string;
  severity: SituationSeverity;
  publicity: PublicityClass;
  legalGround: string | null;
  areas: { nameFi: string; nameSv: string | null; nameEn: string | null }[];
  picture: (Omit<PictureText, "nextUpdateAt"> & { version: number; nextUpdateAt: number | null; savedAt: number }) | null;
  actions: {
    title: string;
    ownerNameFi: string;
    ownerNameSv: string | null;
    ownerNameEn: string | null;
    responsibleName: string | null;
    deadline: string;
    status: SituationActionStatus;
    overdue: boolean;
  }[];
  openedAt: number;
};

/**
 * One briefing of a readable situation, as it was sent. Opening it is a read: a recipient's first
 * opening is recorded as read, and a non-public situation's read goes to the access log.
 */
export function getBriefing(
  viewer: Viewer,
  situationId: number,
  briefingId: number,
  as: "briefing" | "pdf" = "briefing",
  now = clock.now(),
) {
  const s = readableRow(viewer, situationId);
  if (!s) return null;
  const b = db()
    .select()
    .from(situationBriefings)
    .where(and(eq(situationBriefings.id, briefingId), eq(situationBriefings.situationId, situationId)))
    .get();
  if (!b) return null;
  logSituationRead(s, viewer.id, as, now);
  db()
    .update(situationBriefingRecipients)
    .set({ readAt: now })
    .where(
      and(
        eq(situationBriefingRecipients.briefingId, briefingId),
        eq(situationBriefingRecipients.userId, viewer.id),
        isNull(situationBriefingRecipients.readAt),
      ),
    )
    .run();
  return {
    situation: { id: s.id, status: s.status, publicity: s.publicity },
    briefing: { id: b.id, sentAt: b.sentAt, pictureVersion: b.pictureVersion },
    snapshot: JSON.parse(b.snapshot) as BriefingSnapshot,
    recipients: briefingRecipients(b.id),
  };
}

// ---------------------------------------------------------------------------------------------
// Who can be asked

/** People who represent an organisation (in any group, now or earlier): whom a coordinator may convene. */
export function listInvitableRepresentatives(now = clock.now()) {
  const rows = db()
    .select({
      userId: users.id,
      ...columnsOf(users, "name", "title"),
      organisationId: memberships.organisationId,
      ...{ organisationNameFi: organisations.nameFi, organisationNameSv: organisations.nameSv, organisationNameEn: organisations.nameEn },
      joinedAt: memberships.joinedAt,
      current: sql<number>`(${currentMembership(now)})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name), desc(sql`(${currentMembership(now)})`), desc(memberships.joinedAt))
    .all();
  // One line per person: the organisation of their current (else latest) representation.
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true))).map(({ current: _c, joinedAt: _j, ...r }) => r);
}

/** The steering group's members: the chief executive and the mayor are among them. */
export function listBriefingRecipientCandidates(now = clock.now()) {
  const ids = listCurrentMemberIdsOfKind("steering", db(), now);
  if (!ids.length) return [];
  return db()
    .select({ userId: users.id, name: users.name, title: users.title })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
}

export function listOrganisationOptions() {
  return db()
    .select({ id: organisations.id, ...namesOf(organisations) })
    .from(organisations)
    .orderBy(asc(organisations.nameFi))
    .all();
}

/** The organisation the viewer represents in this situation's group (else anywhere), for the log form's default. */
export function viewerOrganisationIn(viewer: Viewer, groupId: number | null): number | null {
  const inGroup = viewer.memberships.find((m) => m.groupId === groupId && m.organisationId != null);
  return inGroup?.organisationId ?? viewer.memberships.find((m) => m.organisationId != null)?.organisationId ?? null;
}

/** The situation's group id, for forms that need it (only for a readable situation). */
export function situationGroupId(viewer: Viewer, id: number): number | null {
  return readableRow(viewer, id)?.groupId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writing

export type SituationInput = {
  title: string;
  description: string;
  severity: SituationSeverity;
  publicity: PublicityClass;
  legalGround: string | null;
  secretUntil: string | null;
  areaIds: number[];
  memberIds: string[];
};

/** The organisation each person represents now (else most recently), for their membership in the group. */
function organisationsOf(tx: Tx, userIds: string[], now: Date): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!userIds.length) return out;
  const rows = tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(inArray(memberships.userId, userIds), sql`${memberships.organisationId} is not null`))
    .orderBy(desc(sql`(${currentMembership(now)})`), desc(memberships.joinedAt))
    .all();
  for (const r of rows) if (!out.has(r.userId)) out.set(r.userId, r.organisationId);
  return out;
}

function addMembers(
  tx: Tx,
  s: { id: number; groupId: number; title: string; publicity: PublicityClass },
  actor: Viewer,
  userIds: string[],
  now: Date,
) {
  const existing = new Set(listCurrentMemberIds(s.groupId, tx, now));
  const fresh = [...new Set(userIds)].filter((id) => !existing.has(id));
  const active = fresh.length
    ? tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, fresh), isNull(users.disabledAt)))
        .all()
        .map((u) => u.id)
    : [];
  const orgs = organisationsOf(tx, active, now);
  for (const userId of active)
    tx.insert(memberships)
      .values({ userId, groupId: s.groupId, organisationId: orgs.get(userId) ?? null, position: "member", joinedAt: now })
      .run();
  notifyMany(
    tx,
    active,
    { kind: "situation.invited", messageKey: aboutKey(s, "invited"), params: aboutParams(s), link: situationLink(s.id) },
    { except: actor.id, now },
  );
  return active;
}

/** A coordinator convenes a situation's cooperation group; the invitees hear of it at once (notification and mail). */
export function openSituation(actor: Viewer, input: SituationInput, now = clock.now()): { ok: true; id: number } | Refusal {
  if (!isCoordinator(actor)) return { ok: false, reason: "forbidden" };
  const nonPublic = input.publicity !== "public";
  return writeWithMail((tx) => {
    const groupId = Number(tx.insert(groups).values({ kind: "cooperation", nameFi: "Tilanneryhmä", createdAt: now }).run().lastInsertRowid);
    const id = Number(
      tx
        .insert(situations)
        .values({
          groupId,
          title: input.title,
          description: input.description,
          severity: input.severity,
          publicity: input.publicity,
          legalGround: nonPublic ? input.legalGround : null,
          secretUntil: nonPublic ? input.secretUntil : null,
          openedById: actor.id,
          openedAt: now,
        })
        .run().lastInsertRowid,
    );
    // The group's name is seen by coordinators and on members' account pages: a non-public
    // situation's title stays out of it.
    const named = input.publicity === "public" ? `: ${input.title}` : ` ${id}`;
    tx.update(groups)
      .set({
        nameFi: `Tilanneryhmä${named}`,
        nameSv: `Lägesgrupp${named}`,
        nameEn: `Situation group${named}`,
        descriptionFi: `/situations/${id}`,
      })
      .where(eq(groups.id, groupId))
      .run();
    for (const areaId of new Set(input.areaIds)) tx.insert(situationAreas).values({ situationId: id, areaId }).run();
    // The coordinator who convened it chairs the group.
    const own = viewerOrganisationIn(actor, null);
    tx.insert(memberships).values({ userId: actor.id, groupId, organisationId: own, position: "chair", joinedAt: now }).run();
    addMembers(tx, { id, groupId, title: input.title, publicity: input.publicity }, actor, input.memberIds, now);
    audit(
      { actorId: actor.id, action: "situation.opened", targetType: "situation", targetId: id, detail: { publicity: input.publicity } },
      tx,
    );
    return { ok: true as const, id };
  });
}

/** Loads a situation for a write in the transaction, with the right checked on the record. */
function loadForWrite(tx: Tx, viewer: Viewer, id: number, rule: "log" | "manage" | "member") {
  const s = tx.select().from(situations).where(eq(situations.id, id)).get();
  if (!s) return { ok: false as const, reason: "notFound" as const };
  if (s.status !== "open") return { ok: false as const, reason: "closed" as const };
  const allowed = rule === "manage" ? mayManage(viewer, s) : mayLog(viewer, s);
  if (!allowed) return { ok: false as const, reason: "forbidden" as const };
  return { ok: true as const, situation: s };
}

export function inviteToSituation(actor: Viewer, id: number, userIds: string[], now = clock.now()): { ok: true; added: number } | Refusal {
  return writeWithMail((tx) => {
    const loaded = loadForWrite(tx, actor, id, "manage");
    if (!loaded.ok) return loaded;
    const added = addMembers(tx, loaded.situation, actor, userIds, now);
    audit({ actorId: actor.id, action: "situation.invited", targetType: "situation", targetId: id, detail: { added: added.length } }, tx);
    return { ok: true as const, added: added.length };
  });
}

export type LogEntryInput = {
  body: string;
  sourceOrganisationId: number;
  reliability: Reliability;
  happenedAt: Date;
  areaId: number | null;
  documentId: number | null;
  correctsId: number | null;
};

/** Appends one entry to the log (never edits one: a correction is a new entry pointing at the old). */
export function addLogEntry(
  viewer: Viewer,
  id: number,
  input: LogEntryInput,
  now = clock.now(),
): { ok: true; entryId: number } | Refusal | { ok: false; reason: "corrects" | "document" | "area" } {
  return db().transaction((tx) => {
    const loaded = loadForWrite(tx, viewer, id, "log");
    if (!loaded.ok) return loaded;
    // A document is named only if the writer may read it; an area only if it exists.
    if (
      input.documentId != null &&
      !tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, input.documentId), readableSql(viewer)))
        .get()
    )
      return { ok: false as const, reason: "document" as const };
    if (input.areaId != null && !tx.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId)).get())
      return { ok: false as const, reason: "area" as const };
    if (input.correctsId != null) {
      const old = tx
        .select({ id: situationLogEntries.id })
        .from(situationLogEntries)
        .where(and(eq(situationLogEntries.id, input.correctsId), eq(situationLogEntries.situationId, id)))
        .get();
      if (!old) return { ok: false as const, reason: "corrects" as const };
    }
    const entryId = Number(
      tx
        .insert(situationLogEntries)
        .values({ situationId: id, ...input, loggedAt: now, loggedById: viewer.id })
        .run().lastInsertRowid,
    );
    audit({ actorId: viewer.id, action: "situation.logged", targetType: "situation", targetId: id, detail: { entryId } }, tx);
    return { ok: true as const, entryId };
  });
}

export type PictureInput = Omit<PictureText, "nextUpdateAt"> & { nextUpdateAt: Date | null };
export type PictureResult =
  | { ok: true; version: number }
  | Refusal
  | { ok: false; reason: "conflict"; current: NonNullable<ReturnType<typeof currentPicture>> & { savedByName: string | null } };

/**
 * Saves a new version of the picture on top of `expectedVersion` (0 for the first). If someone
 * saved meanwhile, nothing is written and the newer text comes back to be shown.
 */
export function savePicture(viewer: Viewer, id: number, expectedVersion: number, input: PictureInput, now = clock.now()): PictureResult {
  return db().transaction((tx): PictureResult => {
    const loaded = loadForWrite(tx, viewer, id, "manage");
    if (!loaded.ok) return loaded;
    const latest = tx
      .select()
      .from(situationPictures)
      .where(eq(situationPictures.situationId, id))
      .orderBy(desc(situationPictures.version))
      .get();
    const currentVersion = latest?.version ?? 0;
    if (currentVersion !== expectedVersion && latest) {
      const savedByName = latest.savedById ? userName(tx, latest.savedById) : null;
      return { ok: false, reason: "conflict", current: { ...latest, savedByName } };
    }
    const version = currentVersion + 1;
    const values = Object.fromEntries(PICTURE_FIELDS.map((f) => [f, input[f]])) as Omit<PictureText, "nextUpdateAt">;
    tx.insert(situationPictures)
      .values({ situationId: id, version, ...values, nextUpdateAt: input.nextUpdateAt, savedById: viewer.id, savedAt: now })
      .run();
    audit({ actorId: viewer.id, action: "situation.pictureSaved", targetType: "situation", targetId: id, detail: { version } }, tx);
    return { ok: true, version };
  });
}

export type ActionInput = { title: string; ownerOrganisationId: number; responsibleUserId: string | null; deadline: string };

/** An agreed action; its responsible person hears of it (and later gets reminders). */
export function addAction(
  viewer: Viewer,
  id: number,
  input: ActionInput,
  now = clock.now(),
): { ok: true; actionId: number } | Refusal | { ok: false; reason: "responsible" } {
  return writeWithMail((tx) => {
    const loaded = loadForWrite(tx, viewer, id, "manage");
    if (!loaded.ok) return loaded;
    // The responsible person is one of the group (whom the action's reminders and status belong to).
    if (input.responsibleUserId && !listCurrentMemberIds(loaded.situation.groupId, tx, now).includes(input.responsibleUserId))
      return { ok: false as const, reason: "responsible" as const };
    const actionId = Number(
      tx
        .insert(situationActions)
        .values({ situationId: id, ...input, createdById: viewer.id, createdAt: now })
        .run().lastInsertRowid,
    );
    if (input.responsibleUserId)
      notifyMany(
        tx,
        [input.responsibleUserId],
        {
          kind: "situation.action",
          messageKey: aboutKey(loaded.situation, "action"),
          params: { ...aboutParams(loaded.situation), deadline: Date.parse(`${input.deadline}T12:00:00Z`) },
          link: situationLink(id),
        },
        { except: viewer.id, now },
      );
    audit({ actorId: viewer.id, action: "situation.actionAgreed", targetType: "situation", targetId: id, detail: { actionId } }, tx);
    return { ok: true as const, actionId };
  });
}

/** Moves an action on: the coordinators, or a current member of the group (the owners report their own progress). */
export function setActionStatus(
  viewer: Viewer,
  actionId: number,
  expectedVersion: number,
  status: SituationActionStatus,
  now = clock.now(),
): { ok: true; situationId: number } | Refusal | { ok: false; reason: "conflict" } {
  return db().transaction((tx) => {
    const action = tx.select().from(situationActions).where(eq(situationActions.id, actionId)).get();
    if (!action) return { ok: false as const, reason: "notFound" as const };
    const loaded = loadForWrite(tx, viewer, action.situationId, "member");
    if (!loaded.ok) return loaded;
    if (action.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
    tx.update(situationActions)
      .set({ status, version: action.version + 1, doneAt: status === "done" ? now : null })
      .where(eq(situationActions.id, actionId))
      .run();
    audit(
      {
        actorId: viewer.id,
        action: "situation.actionStatus",
        targetType: "situation",
        targetId: action.situationId,
        detail: { actionId, status },
      },
      tx,
    );
    return { ok: true as const, situationId: action.situationId };
  });
}

/**
 * Sends the current picture and actions as a situation report: frozen as sent, recorded with who
 * received it and when; the recipients are notified (the title only when the situation is public).
 */
export function sendBriefing(
  viewer: Viewer,
  id: number,
  recipientIds: string[],
  now = clock.now(),
): { ok: true; briefingId: number } | Refusal {
  return writeWithMail((tx) => {
    const loaded = loadForWrite(tx, viewer, id, "manage");
    if (!loaded.ok) return loaded;
    const s = loaded.situation;
    const picture = tx
      .select()
      .from(situationPictures)
      .where(eq(situationPictures.situationId, id))
      .orderBy(desc(situationPictures.version))
      .get();
    const snapshot: BriefingSnapshot = {
      title: s.title,
      description: s.description,
      severity: s.severity,
      publicity: s.publicity,
      legalGround: s.legalGround,
      areas: tx
        .select({ nameFi: areas.nameFi, nameSv: areas.nameSv, nameEn: sql<string | null>`null` })
        .from(situationAreas)
        .innerJoin(areas, eq(areas.id, situationAreas.areaId))
        .where(eq(situationAreas.situationId, id))
        .orderBy(asc(areas.code))
        .all(),
      picture: picture
        ? {
            version: picture.version,
            ...(Object.fromEntries(PICTURE_FIELDS.map((f) => [f, picture[f]])) as Omit<PictureText, "nextUpdateAt">),
            nextUpdateAt: picture.nextUpdateAt?.getTime() ?? null,
            savedAt: picture.savedAt.getTime(),
          }
        : null,
      actions: listActions(id, now).map((a) => ({
        title: a.title,
        ownerNameFi: a.ownerNameFi,
        ownerNameSv: a.ownerNameSv,
        ownerNameEn: a.ownerNameEn,
        responsibleName: a.responsibleName,
        deadline: a.deadline,
        status: a.status,
        overdue: a.overdue,
      })),
      openedAt: s.openedAt.getTime(),
    };
    const briefingId = Number(
      tx
        .insert(situationBriefings)
        .values({
          situationId: id,
          pictureVersion: picture?.version ?? null,
          snapshot: JSON.stringify(snapshot),
          sentById: viewer.id,
          sentAt: now,
        })
        .run().lastInsertRowid,
    );
    const recipients = [...new Set(recipientIds)];
    const existing = recipients.length
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, recipients), isNull(users.disabledAt)))
          .all()
          .map((u) => u.id)
      : [];
    for (const userId of existing) tx.insert(situationBriefingRecipients).values({ briefingId, userId, sentAt: now }).run();
    notifyMany(
      tx,
      existing,
      {
        kind: "situation.briefing",
        messageKey: aboutKey(s, "briefing"),
        params: aboutParams(s),
        link: `${situationLink(id)}/briefings/${briefingId}`,
      },
      { now },
    );
    audit(
      {
        actorId: viewer.id,
        action: "situation.briefed",
        targetType: "situation",
        targetId: id,
        detail: { briefingId, recipients: existing.length },
      },
      tx,
    );
    return { ok: true as const, briefingId };
  });
}

export type ProposalInput = { title: string; description: string; ownerOrganisationId: number };

/**
 * Closes a situation with its after-action summary: the group's memberships end now (access ends
 * with the task), and each proposed measure arrives in the city safety plan as a measure proposal
 * linked back to the situation. The record stays, read-only, with its publicity class.
 */
export function closeSituation(
  viewer: Viewer,
  id: number,
  input: { afterAction: string; proposals: ProposalInput[] },
  now = clock.now(),
): { ok: true; measureIds: number[] } | Refusal | { ok: false; reason: "noPlan" } {
  return writeWithMail((tx) => {
    const loaded = loadForWrite(tx, viewer, id, "manage");
    if (!loaded.ok) return loaded;
    const s = loaded.situation;
    const plan = input.proposals.length ? currentPlan({ publicOnly: false }) : null;
    if (input.proposals.length && !plan) return { ok: false as const, reason: "noPlan" as const };
    const memberIds = listCurrentMemberIds(s.groupId, tx, now);
    tx.update(situations)
      .set({ status: "closed", closedAt: now, closedById: viewer.id, afterAction: input.afterAction })
      .where(eq(situations.id, id))
      .run();
    tx.update(memberships)
      .set({ leftAt: now })
      .where(and(eq(memberships.groupId, s.groupId), currentMembership(now)))
      .run();
    const measureIds: number[] = [];
    input.proposals.forEach((p, i) => {
      let n = i + 1;
      while (codeTaken(tx, plan!.id, `T${id}.${n}`)) n++;
      const code = `T${id}.${n}`;
      const measureId = Number(
        tx
          .insert(measures)
          .values({
            planId: plan!.id,
            code,
            title: p.title,
            ownerOrganisationId: p.ownerOrganisationId,
            status: "proposed",
            proposedById: viewer.id,
            published: false,
          })
          .run().lastInsertRowid,
      );
      writeMeasureRows(tx, measureId, {
        ...BLANK_MEASURE,
        code,
        title: p.title,
        description: p.description,
        ownerOrganisationId: p.ownerOrganisationId,
        published: false,
      });
      tx.insert(situationMeasureProposals).values({ situationId: id, measureId }).run();
      audit(
        { actorId: viewer.id, action: "measure.proposed", targetType: "measure", targetId: measureId, detail: { situationId: id } },
        tx,
      );
      measureIds.push(measureId);
    });
    notifyMany(
      tx,
      memberIds,
      { kind: "situation.closed", messageKey: aboutKey(s, "closed"), params: aboutParams(s), link: null },
      { except: viewer.id, now },
    );
    audit(
      { actorId: viewer.id, action: "situation.closed", targetType: "situation", targetId: id, detail: { proposals: measureIds.length } },
      tx,
    );
    return { ok: true as const, measureIds };
  });
}

/** For a measure's page: the situation a proposal came from, if the viewer may read it. */
export function situationOfMeasure(viewer: Viewer | null, measureId: number) {
  if (!viewer) return null;
  return (
    db()
      .select({ id: situations.id, title: situations.title })
      .from(situationMeasureProposals)
      .innerJoin(situations, eq(situations.id, situationMeasureProposals.situationId))
      .where(and(eq(situationMeasureProposals.measureId, measureId), readableSituationSql(viewer)))
      .get() ?? null
  );
}

// ---------------------------------------------------------------------------------------------
// Reminders (called by jobs/reminders.server.ts inside its transaction)

/**
 * The responsible person of an open action of an open situation hears the day before its deadline
 * and once it has passed; without a responsible person, the group's members of the owner
 * organisation do. Each occasion once (reminders_sent keys). Non-public situations' titles stay
 * out of the texts.
 */
export function situationActionReminders(tx: Tx, now: Date): { dueSoon: number; overdue: number } {
  const today = helsinkiDate(now);
  const tomorrow = helsinkiDate(new Date(now.getTime() + 86400000));
  const rows = tx
    .select({
      id: situationActions.id,
      situationId: situations.id,
      ...columnsOf(situations, "groupId", "title", "publicity"),
      actionTitle: situationActions.title,
      ...columnsOf(situationActions, "deadline", "responsibleUserId", "ownerOrganisationId"),
    })
    .from(situationActions)
    .innerJoin(situations, eq(situations.id, situationActions.situationId))
    .where(
      and(
        eq(situations.status, "open"),
        inArray(situationActions.status, ["open", "in_progress"]),
        sql`${situationActions.deadline} <= ${tomorrow}`,
      ),
    )
    .all();
  const counts = { dueSoon: 0, overdue: 0 };
  for (const a of rows) {
    const recipients = a.responsibleUserId
      ? [a.responsibleUserId]
      : tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.groupId, a.groupId), eq(memberships.organisationId, a.ownerOrganisationId), currentMembership(now)))
          .all()
          .map((m) => m.userId);
    const overdue = a.deadline < today;
    const s = { id: a.situationId, title: a.title, publicity: a.publicity };
    const n = notifyMany(
      tx,
      recipients,
      {
        kind: overdue ? "reminder.situationOverdue" : "reminder.situationDueSoon",
        messageKey: aboutKey(s, overdue ? "actionOverdue" : "actionDueSoon"),
        params: { ...aboutParams(s), deadline: Date.parse(`${a.deadline}T12:00:00Z`) },
        link: situationLink(a.situationId),
        key: (u) => `situation-action:${a.id}:${overdue ? "overdue" : "due"}:${a.deadline}:u:${u}`,
      },
      { now },
    );
    if (overdue) counts.overdue += n;
    else counts.dueSoon += n;
  }
  return counts;
}

/** Used by the overview's count sentence: open situations the viewer may see. */
export function countOpenSituations(viewer: Viewer): number {
  return (
    db()
      .select({ n: count() })
      .from(situations)
      .where(and(eq(situations.status, "open"), readableSituationSql(viewer)))
      .get()?.n ?? 0
  );
}
