// A neighbourhood network's own notes on city measures, and the network group itself. Split from
// neighbourhood.server.ts, which re-exports it, so the plan code stays readable.
import { and, desc, eq } from "drizzle-orm";
import { groups, measures, networkMeasureNotes, users } from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db, type Reader } from "../platform/db.server";
import { clock } from "../platform/clock";
import type { Viewer } from "../people/viewer.server";
import { columnsOf } from "../platform/select-names";

export function listNetworkNotes(groupId: number, r: Reader = db()) {
  return r
    .select({
      ...columnsOf(networkMeasureNotes, "id", "measureId", "body", "createdAt"),
      authorName: users.name,
    })
    .from(networkMeasureNotes)
    .leftJoin(users, eq(users.id, networkMeasureNotes.authorId))
    .where(eq(networkMeasureNotes.groupId, groupId))
    .orderBy(desc(networkMeasureNotes.createdAt), desc(networkMeasureNotes.id))
    .all();
}

export function addNetworkNote(viewer: Viewer, groupId: number, measureId: number, body: string, now = clock.now()): boolean {
  return db().transaction((tx) => {
    if (!tx.select({ id: measures.id }).from(measures).where(eq(measures.id, measureId)).get()) return false;
    const id = Number(
      tx.insert(networkMeasureNotes).values({ groupId, measureId, body: body.trim(), authorId: viewer.id, createdAt: now }).run()
        .lastInsertRowid,
    );
    audit(
      { actorId: viewer.id, action: "network.note", targetType: "networkMeasureNote", targetId: id, detail: { groupId, measureId } },
      tx,
    );
    return true;
  });
}

/** A network group (kind network) by id, or null. */
export function getNetwork(groupId: number, r: Reader = db()) {
  return (
    r
      .select()
      .from(groups)
      .where(and(eq(groups.id, groupId), eq(groups.kind, "network")))
      .get() ?? null
  );
}
