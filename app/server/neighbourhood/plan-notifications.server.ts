// Who hears of what in the resident ↔ network workflow: the covering networks (or, where none
// covers the area, the coordinators) when a plan is submitted, the authors when the network answers,
// someone comments or an invited neighbour arrives, a new co-author, and the moderators when a
// comment is reported. Each call runs inside the caller's write transaction; the caller schedules
// the mail after it commits.
import { eq } from "drizzle-orm";
import { neighbourhoodPlans, planAuthors, users } from "../../../db/schema";
import { networksCoveringArea } from "../city/areas.server";
import { notifyMany } from "../mail/notifications.server";
import type { Tx } from "../platform/db.server";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";

export const planLink = (planId: number, anchor = "") => `/neighbourhood-plans/${planId}${anchor ? `#${anchor}` : ""}`;

function planOf(tx: Tx, planId: number) {
  return tx
    .select({ id: neighbourhoodPlans.id, title: neighbourhoodPlans.title, areaId: neighbourhoodPlans.areaId })
    .from(neighbourhoodPlans)
    .where(eq(neighbourhoodPlans.id, planId))
    .get()!;
}

export function authorIdsOf(tx: Tx, planId: number): string[] {
  return tx
    .select({ userId: planAuthors.userId })
    .from(planAuthors)
    .where(eq(planAuthors.planId, planId))
    .all()
    .map((a) => a.userId);
}

/** Current members of every network covering the plan's area (or an area above it). */
function networkMemberIds(tx: Tx, areaId: number, now: Date): string[] {
  return networksCoveringArea(areaId, tx).flatMap((g) => listCurrentMemberIds(g.id, tx, now));
}

const nameOf = (tx: Tx, userId: string) => tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? "";

export type PlanEvent = "submitted" | "changesRequested" | "published";

/** Who reviews a submitted plan: the covering networks' members, or the coordinators where no network covers the area. */
function reviewerIds(tx: Tx, areaId: number, now: Date): string[] {
  const members = networkMemberIds(tx, areaId, now);
  return networksCoveringArea(areaId, tx).length ? members : listCurrentMemberIdsOfKind("coordinators", tx, now);
}

/** Submitted → the covering networks (or the coordinators); changes requested or published → the authors. */
export function notifyPlanEvent(tx: Tx, actorId: string, planId: number, event: PlanEvent, now: Date): number {
  const plan = planOf(tx, planId);
  const recipients = event === "submitted" ? reviewerIds(tx, plan.areaId, now) : authorIdsOf(tx, planId);
  return notifyMany(
    tx,
    recipients,
    {
      kind: `neighbourhoodPlan.${event}`,
      messageKey: `neighbourhood.notify.${event}`,
      params: { planId, title: plan.title, name: nameOf(tx, actorId) },
      link: planLink(planId),
    },
    { except: actorId, now },
  );
}

/** The new co-author hears who added them and to which plan. */
export function notifyCoauthorAdded(tx: Tx, actorId: string, planId: number, coauthorId: string, now: Date): number {
  const plan = planOf(tx, planId);
  return notifyMany(
    tx,
    [coauthorId],
    {
      kind: "neighbourhoodPlan.coauthorAdded",
      messageKey: "neighbourhood.notify.coauthorAdded",
      params: { planId, title: plan.title, name: nameOf(tx, actorId) },
      link: `/neighbourhood-plans/${planId}/edit`,
    },
    { except: actorId, now },
  );
}

/** A comment → the plan's authors, never the commenter. */
export function notifyCommented(tx: Tx, actorId: string, planId: number, commentId: number, now: Date): number {
  const plan = planOf(tx, planId);
  return notifyMany(
    tx,
    authorIdsOf(tx, planId),
    {
      kind: "neighbourhoodPlan.commented",
      messageKey: "neighbourhood.notify.commented",
      params: { planId, commentId, title: plan.title, name: nameOf(tx, actorId) },
      link: planLink(planId, `comment-${commentId}`),
    },
    { except: actorId, now },
  );
}

/** A reported comment → its moderators: the covering networks' members and the coordinators. */
export function notifyCommentReported(tx: Tx, actorId: string, planId: number, commentId: number, now: Date): number {
  const plan = planOf(tx, planId);
  return notifyMany(
    tx,
    [...networkMemberIds(tx, plan.areaId, now), ...listCurrentMemberIdsOfKind("coordinators", tx, now)],
    {
      kind: "neighbourhoodPlan.commentReported",
      messageKey: "neighbourhood.notify.commentReported",
      params: { planId, commentId, title: plan.title },
      link: planLink(planId, `comment-${commentId}`),
    },
    { except: actorId, now },
  );
}

/** A neighbour invited by e-mail arrived: the plan's other authors hear they can write together now. */
export function notifyCoauthorJoined(tx: Tx, newcomerId: string, planId: number, now: Date): number {
  const plan = planOf(tx, planId);
  return notifyMany(
    tx,
    authorIdsOf(tx, planId),
    {
      kind: "neighbourhoodPlan.coauthorJoined",
      messageKey: "neighbourhood.notify.coauthorJoined",
      params: { planId, title: plan.title, name: nameOf(tx, newcomerId) },
      link: `/neighbourhood-plans/${planId}/edit`,
    },
    { except: newcomerId, now },
  );
}
