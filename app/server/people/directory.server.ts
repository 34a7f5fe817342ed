// The people directory a coordinator manages: users, organisations, groups and memberships.
import { and, asc, count, desc, eq, gt, inArray, isNull, like, or, sql } from "drizzle-orm";
import {
  areas,
  groupAreas,
  groups,
  invitations,
  memberships,
  organisations,
  residencies,
  sessions,
  users,
  type GroupKind,
  type OrganisationKind,
  type Position,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db } from "../platform/db.server";
import { areaColumns, currentAreaCondition } from "../city/areas.server";
import { cachedRead } from "../platform/read-cache.server";
import { clock } from "../platform/clock";
import { currentMembership } from "./memberships";
import { namesOf, prefixedNamesOf, columnsOf } from "../platform/select-names";
import type { Viewer } from "./viewer.server";

export const PAGE_SIZE = 25;

export function listUsers(opts: { q?: string; groupKind?: GroupKind | "resident"; page?: number; now?: Date }) {
  const d = db();
  const now = opts.now ?? clock.now();
  const conditions = [];
  if (opts.q) {
    const pattern = `%${opts.q.replace(/[%_]/g, "")}%`;
    conditions.push(or(like(users.name, pattern), like(users.email, pattern)));
  }
  if (opts.groupKind === "resident") {
    conditions.push(inArray(users.id, d.select({ id: residencies.userId }).from(residencies)));
  } else if (opts.groupKind) {
    conditions.push(
      inArray(
        users.id,
        d
          .select({ id: memberships.userId })
          .from(memberships)
          .innerJoin(groups, eq(groups.id, memberships.groupId))
          .where(and(eq(groups.kind, opts.groupKind), currentMembership(now))),
      ),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const page = Math.max(1, opts.page ?? 1);
  const total = d.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = d
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, title: users.title })
    .from(users)
    .where(where)
    .orderBy(asc(users.name))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const ids = rows.map((r) => r.id);
  const groupRows = ids.length
    ? d
        .select({ userId: memberships.userId, kind: groups.kind, ...namesOf(groups) })
        .from(memberships)
        .innerJoin(groups, eq(groups.id, memberships.groupId))
        .where(and(inArray(memberships.userId, ids), currentMembership(now)))
        .all()
    : [];
  const residentIds = new Set(
    ids.length
      ? d
          .select({ userId: residencies.userId })
          .from(residencies)
          .where(inArray(residencies.userId, ids))
          .all()
          .map((r) => r.userId)
      : [],
  );
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    users: rows.map((r) => ({
      ...r,
      groups: groupRows.filter((g) => g.userId === r.id),
      isResident: residentIds.has(r.id),
    })),
  };
}

export function getUserDetail(userId: string) {
  const d = db();
  const user = d
    .select({
      ...columnsOf(users, "id", "name", "email", "title", "phone", "locale", "disabledAt", "createdAt"),
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) return null;
  const userMemberships = d
    .select({
      id: memberships.id,
      groupId: groups.id,
      groupKind: groups.kind,
      ...prefixedNamesOf("group", groups),
      organisationId: memberships.organisationId,
      ...prefixedNamesOf("organisation", organisations),
      ...columnsOf(memberships, "position", "joinedAt", "leftAt"),
    })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(memberships.joinedAt))
    .all();
  const homeAreas = d
    .select({ id: areas.id, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv, level: areas.level })
    .from(residencies)
    .innerJoin(areas, eq(areas.id, residencies.areaId))
    .where(eq(residencies.userId, userId))
    .all();
  const now = clock.seconds();
  const sessionCount =
    d
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .get()?.n ?? 0;
  return { user, memberships: userMemberships, homeAreas, sessionCount };
}

/** Disabling ends every session at once; the account stays for the record. */
export function setUserDisabled(viewer: Viewer, userId: string, disabled: boolean) {
  db().transaction((tx) => {
    tx.update(users)
      .set({ disabledAt: disabled ? clock.now() : null })
      .where(eq(users.id, userId))
      .run();
    if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    audit({ actorId: viewer.id, action: disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: userId }, tx);
  });
}

export function listOrganisations() {
  const d = db();
  return d
    .select({
      id: organisations.id,
      ...namesOf(organisations),
      ...columnsOf(organisations, "shortName", "kind"),
      memberCount: sql<number>`(select count(*) from ${memberships} m where m.organisation_id = ${organisations.id} and (m.left_at is null or m.left_at > ${clock.ms()}))`,
    })
    .from(organisations)
    .orderBy(asc(organisations.nameFi))
    .all();
}

export function saveOrganisation(
  viewer: Viewer,
  input: { id?: number; nameFi: string; nameSv?: string; nameEn?: string; shortName?: string; kind: OrganisationKind },
): { ok: true; id: number } | { ok: false; reason: "duplicateName" | "notFound" } {
  return db().transaction((tx) => {
    const clash = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameFi, input.nameFi)).get();
    if (clash && clash.id !== input.id) return { ok: false as const, reason: "duplicateName" as const };
    const values = {
      nameFi: input.nameFi,
      nameSv: input.nameSv || null,
      nameEn: input.nameEn || null,
      shortName: input.shortName || null,
      kind: input.kind,
    };
    let id = input.id;
    if (id) {
      const res = tx.update(organisations).set(values).where(eq(organisations.id, id)).run();
      if (res.changes === 0) return { ok: false as const, reason: "notFound" as const };
    } else {
      id = Number(tx.insert(organisations).values(values).run().lastInsertRowid);
    }
    audit(
      { actorId: viewer.id, action: input.id ? "organisation.updated" : "organisation.created", targetType: "organisation", targetId: id },
      tx,
    );
    return { ok: true as const, id };
  });
}

export function listGroups(now = clock.now()) {
  return db()
    .select({
      ...columnsOf(groups, "id", "kind"),
      ...namesOf(groups),
      memberCount: sql<number>`(select count(*) from ${memberships} m where m.group_id = ${groups.id} and (m.left_at is null or m.left_at > ${now.getTime()}))`,
    })
    .from(groups)
    .orderBy(asc(groups.kind), asc(groups.nameFi))
    .all();
}

export function getGroup(groupId: number) {
  return db().select().from(groups).where(eq(groups.id, groupId)).get() ?? null;
}

export function listGroupMembers(groupId: number, opts: { includeFormer?: boolean; now?: Date } = {}) {
  const now = opts.now ?? clock.now();
  // Shown on every workspace page; a membership that ends by date drops off within a minute.
  return cachedRead(
    `groupMembers:${groupId}:${!!opts.includeFormer}`,
    () => computeGroupMembers(groupId, !!opts.includeFormer, now),
    String(Math.floor(now.getTime() / 60_000)),
  );
}

function computeGroupMembers(groupId: number, includeFormer: boolean, now: Date) {
  return db()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      ...columnsOf(users, "name", "email", "title"),
      ...columnsOf(memberships, "position", "joinedAt", "leftAt"),
      organisationId: organisations.id,
      ...prefixedNamesOf("organisation", organisations),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.groupId, groupId), includeFormer ? undefined : currentMembership(now)))
    .orderBy(
      sql`case ${memberships.position} when 'chair' then 0 when 'vice_chair' then 1 when 'secretary' then 2 else 3 end`,
      asc(users.name),
    )
    .all();
}

export function listGroupAreas(groupId: number) {
  return db()
    .select({ id: areas.id, code: areas.code, level: areas.level, nameFi: areas.nameFi, nameSv: areas.nameSv })
    .from(groupAreas)
    .innerJoin(areas, eq(areas.id, groupAreas.areaId))
    .where(eq(groupAreas.groupId, groupId))
    .orderBy(asc(areas.code))
    .all();
}

export function addMembership(
  viewer: Viewer,
  input: { userId: string; groupId: number; organisationId: number | null; position: Position; now?: Date },
): { ok: true } | { ok: false; reason: "organisationRequired" | "alreadyMember" | "notFound" } {
  const now = input.now ?? clock.now();
  return db().transaction((tx) => {
    const group = tx.select().from(groups).where(eq(groups.id, input.groupId)).get();
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
    if (!group || !user) return { ok: false as const, reason: "notFound" as const };
    if (group.kind === "expert" && !input.organisationId) return { ok: false as const, reason: "organisationRequired" as const };
    const existing = tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.groupId, input.groupId), currentMembership(now)))
      .get();
    if (existing) return { ok: false as const, reason: "alreadyMember" as const };
    tx.insert(memberships)
      .values({
        userId: input.userId,
        groupId: input.groupId,
        organisationId: input.organisationId,
        position: input.position,
        joinedAt: now,
      })
      .run();
    audit(
      { actorId: viewer.id, action: "membership.added", targetType: "user", targetId: input.userId, detail: { groupId: input.groupId } },
      tx,
    );
    return { ok: true as const };
  });
}

/** Ending a membership keeps it for the record; access ends immediately. */
export function endMembership(viewer: Viewer, membershipId: number, now = clock.now()): boolean {
  return db().transaction((tx) => {
    const res = tx
      .update(memberships)
      .set({ leftAt: now })
      .where(and(eq(memberships.id, membershipId), isNull(memberships.leftAt)))
      .run();
    if (res.changes) audit({ actorId: viewer.id, action: "membership.ended", targetType: "membership", targetId: membershipId }, tx);
    return res.changes > 0;
  });
}

export function listOpenInvitations(now = clock.now()) {
  return db()
    .select({
      ...columnsOf(invitations, "id", "email", "name", "expiresAt", "createdAt"),
      ...prefixedNamesOf("group", groups),
    })
    .from(invitations)
    .leftJoin(groups, eq(groups.id, invitations.groupId))
    .where(and(isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt))
    .all();
}

export function revokeInvitation(viewer: Viewer, invitationId: number) {
  db().transaction((tx) => {
    tx.update(invitations).set({ usedAt: clock.now(), expiresAt: clock.now() }).where(eq(invitations.id, invitationId)).run();
    audit({ actorId: viewer.id, action: "invitation.revoked", targetType: "invitation", targetId: invitationId }, tx);
  });
}

/** Areas a resident can choose as home: districts and sub-areas, grouped by their major district; never former areas. */
export function listSelectableAreas() {
  const d = db();
  const all = d.select(areaColumns).from(areas).where(currentAreaCondition()).orderBy(asc(areas.code)).all();
  return all;
}
