// Who belongs to a group right now: the people workspace news and reminders go to.
import { and, eq, isNull } from "drizzle-orm";
import { groups, memberships, users, type GroupKind } from "../../../db/schema";
import { db, type Db } from "../platform/db.server";
import { clock } from "../platform/clock";
import { currentMembership } from "../people/memberships";

type Reader = Pick<Db, "select" | "selectDistinct">;

/** A membership in force now, of a person whose account is not disabled. */
const currentMember = (now: Date) => and(currentMembership(now), isNull(users.disabledAt));

/** Current members (membership not ended, account not disabled), each once. */
export function listCurrentMemberIds(groupId: number, tx: Reader = db(), now = clock.now()): string[] {
  const rows = tx
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), currentMember(now)))
    .all();
  return rows.map((r) => r.id);
}

/** Current members of every group of a kind (the coordinators, the steering group), each once. */
export function listCurrentMemberIdsOfKind(kind: GroupKind, tx: Reader = db(), now = clock.now()): string[] {
  const rows = tx
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(groups.kind, kind), currentMember(now)))
    .all();
  return rows.map((r) => r.id);
}

/** Current members with their names, for mentions and attendance. */
export function listCurrentMembers(groupId: number, tx: Reader = db(), now = clock.now()) {
  return tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), currentMember(now)))
    .orderBy(users.name)
    .all();
}
