// Comments on residents' plans and their moderation: anyone signed in may comment or report a
// comment; a moderator hides one with a reason (the text stays, the open reports are resolved).
// A comment tells the plan's authors; a report tells the moderators (plan-notifications.server).
// Split from neighbourhood.server.ts, which re-exports it, so the plan code stays readable.
import { and, eq, isNull } from "drizzle-orm";
import { commentReports, planComments } from "../../../db/schema";
import { writePartition } from "../platform/table-versions.server";
import { audit } from "../platform/audit.server";
import { db, type Reader } from "../platform/db.server";
import { clock } from "../platform/clock";
import { scheduleMailDelivery } from "../mail/notifications.server";
import { notifyCommented, notifyCommentReported } from "./plan-notifications.server";
import type { Viewer } from "../people/viewer.server";

export function addComment(viewer: Viewer, planId: number, body: string, now = clock.now()): number {
  const commentId = db().transaction((tx) => {
    // A row of this plan's comments: other plans' pages keep their cached answers (table-versions).
    const id = Number(
      writePartition("plan_comments", String(planId), () =>
        tx.insert(planComments).values({ planId, authorId: viewer.id, body: body.trim(), kind: "comment", createdAt: now }).run(),
      ).lastInsertRowid,
    );
    audit({ actorId: viewer.id, action: "comment.created", targetType: "planComment", targetId: id }, tx);
    notifyCommented(tx, viewer.id, planId, id, now);
    return id;
  });
  scheduleMailDelivery();
  return commentId;
}

export function getComment(commentId: number, r: Reader = db()) {
  return r.select().from(planComments).where(eq(planComments.id, commentId)).get() ?? null;
}

export function reportComment(viewer: Viewer, commentId: number, reason: string, now = clock.now()): boolean {
  const reported = db().transaction((tx) => {
    const comment = tx
      .select({ id: planComments.id, planId: planComments.planId })
      .from(planComments)
      .where(eq(planComments.id, commentId))
      .get();
    if (!comment) return false;
    tx.insert(commentReports).values({ commentId, reporterId: viewer.id, reason: reason.trim(), createdAt: now }).run();
    audit({ actorId: viewer.id, action: "comment.reported", targetType: "planComment", targetId: commentId }, tx);
    notifyCommentReported(tx, viewer.id, comment.planId, commentId, now);
    return true;
  });
  if (reported) scheduleMailDelivery();
  return reported;
}

/** Hides a comment with a reason. The text stays in the database; open reports on it are resolved. */
export function hideComment(viewer: Viewer, commentId: number, reason: string, now = clock.now()): boolean {
  return db().transaction((tx) => {
    const res = tx
      .update(planComments)
      .set({ hiddenAt: now, hiddenById: viewer.id, hiddenReason: reason.trim() })
      .where(and(eq(planComments.id, commentId), isNull(planComments.hiddenAt)))
      .run();
    if (!res.changes) return false;
    tx.update(commentReports)
      .set({ resolvedAt: now })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .run();
    audit(
      { actorId: viewer.id, action: "comment.hidden", targetType: "planComment", targetId: commentId, detail: { reason: reason.trim() } },
      tx,
    );
    return true;
  });
}
