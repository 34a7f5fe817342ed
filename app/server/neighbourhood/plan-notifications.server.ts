// Who hears of what in the resident ↔ network workflow: the covering networks (or, where none
// covers the area, the coordinators) when a plan is submitted, the authors when the network answers,
// someone comments or an invited neighbour arrives, a new co-author, and the moderators when a
// comment is reported. Each call runs inside the caller's write transaction; the caller schedules
// the mail after it commits.
import { eq } from "drizzle-orm";
import { neighbourhoodPlans } from "../../../db/schema";
import { networksCoveringArea } from "../city/areas.server";
import { notifyMany } from "../mail/notifications.server";
import { authorIdsOf } from "./plan-access.server";
import type { Tx } from "../platform/db.server";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { userName } from "../people/user-name";

export const planLink = (planId: number, anchor = "") => `/neighbourhood-plans/${planId}${anchor ? `#${anchor}` : ""}`;

function planOf(tx: Tx, planId: number) {
  return tx
    .select({ id: neighbourhoodPlans.id, title: neighbourhoodPlans.title, areaId: neighbourhoodPlans.areaId })
    .from(neighbourhoodPlans)
    .where(eq(neighbourhoodPlans.id, planId))
    .get()!;
}

/** Current members of every network covering the plan's area (or an area above it). */
function networkMemberIds(tx: Tx, areaId: number, now: Date): string[] {
  return networksCoveringArea(areaId, tx).flatMap((g) => listCurrentMemberIds(g.id, tx, now));
}

const nameOf = (tx: Tx, userId: string) => userName(tx, userId) ?? "";

export type PlanEvent = "submitted" | "changesRequested" | "published";

/** Who reviews a submitted plan: the covering networks' members, or the coordinators where no network covers the area. */
function reviewerIds(tx: Tx, areaId: number, now: Date): string[] {
  const members = networkMemberIds(tx, areaId, now);
  return networksCoveringArea(areaId, tx).length ? members : listCurrentMemberIdsOfKind("coordinators", tx, now);
}

type Plan = ReturnType<typeof planOf>;

/**
 * One notice about a plan (`neighbourhoodPlan.<event>`, its text `neighbourhood.notify.<event>`
 * with the plan's title in it) to the people `to` names, never to whoever caused it.
 */
function tellAbout(
  tx: Tx,
  planId: number,
  event: string,
  notice: { to: (plan: Plan) => string[]; params?: Record<string, string | number | null>; link?: string; except: string; now: Date },
): number {
  const plan = planOf(tx, planId);
  return notifyMany(
    tx,
    notice.to(plan),
    {
      kind: `neighbourhoodPlan.${event}`,
      messageKey: `neighbourhood.notify.${event}`,
      params: { planId, title: plan.title, ...notice.params },
      link: notice.link ?? planLink(planId),
    },
    { except: notice.except, now: notice.now },
  );
}

const editorLink = (planId: number) => `/neighbourhood-plans/${planId}/edit`;

/** Submitted → the covering networks (or the coordinators); changes requested or published → the authors. */
export function notifyPlanEvent(tx: Tx, actorId: string, planId: number, event: PlanEvent, now: Date): number {
  const to = (plan: Plan) => (event === "submitted" ? reviewerIds(tx, plan.areaId, now) : authorIdsOf(tx, planId));
  return tellAbout(tx, planId, event, { to, params: { name: nameOf(tx, actorId) }, except: actorId, now });
}

/** The new co-author hears who added them and to which plan. */
export function notifyCoauthorAdded(tx: Tx, actorId: string, planId: number, coauthorId: string, now: Date): number {
  const params = { name: nameOf(tx, actorId) };
  return tellAbout(tx, planId, "coauthorAdded", { to: () => [coauthorId], params, link: editorLink(planId), except: actorId, now });
}

/** A comment → the plan's authors, never the commenter. */
export function notifyCommented(tx: Tx, actorId: string, planId: number, commentId: number, now: Date): number {
  const params = { commentId, name: nameOf(tx, actorId) };
  return tellAbout(tx, planId, "commented", {
    to: () => authorIdsOf(tx, planId),
    params,
    link: planLink(planId, `comment-${commentId}`),
    except: actorId,
    now,
  });
}

/** A reported comment → its moderators: the covering networks' members and the coordinators. */
export function notifyCommentReported(tx: Tx, actorId: string, planId: number, commentId: number, now: Date): number {
  const to = (plan: Plan) => [...networkMemberIds(tx, plan.areaId, now), ...listCurrentMemberIdsOfKind("coordinators", tx, now)];
  return tellAbout(tx, planId, "commentReported", {
    to,
    params: { commentId },
    link: planLink(planId, `comment-${commentId}`),
    except: actorId,
    now,
  });
}

/** A neighbour invited by e-mail arrived: the plan's other authors hear they can write together now. */
export function notifyCoauthorJoined(tx: Tx, newcomerId: string, planId: number, now: Date): number {
  const params = { name: nameOf(tx, newcomerId) };
  return tellAbout(tx, planId, "coauthorJoined", {
    to: () => authorIdsOf(tx, planId),
    params,
    link: editorLink(planId),
    except: newcomerId,
    now,
  });
}
