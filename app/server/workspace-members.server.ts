// Who belongs to a group right now: the people workspace news and reminders go to.
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { memberships, users } from "../../db/schema";
import { db, type Db } from "./db.server";

type Reader = Pick<Db, "select" | "selectDistinct">;

/** Current members (membership not ended, account not disabled), each once. */
export function listCurrentMemberIds(groupId: number, tx: Reader = db(), now = new Date()): string[] {
  const rows = tx
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), or(isNull(memberships.leftAt), gt(memberships.leftAt, now)), isNull(users.disabledAt)))
    .all();
  return rows.map((r) => r.id);
}

/** Current members with their names, for mentions and attendance. */
export function listCurrentMembers(groupId: number, tx: Reader = db(), now = new Date()) {
  return tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), or(isNull(memberships.leftAt), gt(memberships.leftAt, now)), isNull(users.disabledAt)))
    .orderBy(users.name)
    .all();
}
