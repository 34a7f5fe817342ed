// A residents' plan's co-authors: an author adds a registered resident at once, or invites a
// neighbour by e-mail (a single-use link, at most a few a day); the owner removes a co-author and a
// co-author may leave. Every change is versioned with the plan and audited.
import { and, count, eq, gt } from "drizzle-orm";
import { invitations, neighbourhoodPlans, planAuthors, planInvitations, residencies, users, type Locale } from "../../../db/schema";
import type { Language } from "../../i18n/config";
import { acceptInvitation, insertInvitation, invitationState, mailInvitation } from "../people/accounts.server";
import type { Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Reader } from "../platform/db.server";
import { scheduleMailDelivery } from "../mail/notifications.server";
import { userName } from "../people/user-name";
import { editablePlan, touch } from "./plan-history.server";
import { notifyCoauthorAdded, notifyCoauthorJoined } from "./plan-notifications.server";

export type CoauthorResult =
  | { ok: true; name: string }
  | { ok: false; reason: "notEditable" | "notFound" | "noSuchResident" | "alreadyAuthor" };

/** Any author of an editable plan may invite another registered resident (someone with a home area). */
export function addCoauthor(viewer: Viewer, planId: number, email: string, now = clock.now()): CoauthorResult {
  const result = db().transaction((tx): CoauthorResult => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false, reason: found.error };
    const user = tx
      .select({ id: users.id, name: users.name, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
      .get();
    const resident =
      user && !user.disabledAt
        ? tx.select({ areaId: residencies.areaId }).from(residencies).where(eq(residencies.userId, user.id)).get()
        : undefined;
    if (!user || !resident) return { ok: false, reason: "noSuchResident" };
    if (
      tx
        .select({ userId: planAuthors.userId })
        .from(planAuthors)
        .where(and(eq(planAuthors.planId, planId), eq(planAuthors.userId, user.id)))
        .get()
    )
      return { ok: false, reason: "alreadyAuthor" };
    tx.insert(planAuthors).values({ planId, userId: user.id, role: "coauthor", addedAt: now }).run();
    touch(tx, planId, viewer.id, now);
    audit(
      {
        actorId: viewer.id,
        action: "neighbourhoodPlan.coauthorAdded",
        targetType: "neighbourhoodPlan",
        targetId: planId,
        detail: { userId: user.id },
      },
      tx,
    );
    notifyCoauthorAdded(tx, viewer.id, planId, user.id, now);
    return { ok: true, name: user.name };
  });
  if (result.ok) scheduleMailDelivery();
  return result;
}

export type InviteResult = CoauthorResult | { ok: false; reason: "tooManyInvitations" } | { ok: true; invited: string; mailed: boolean };

/**
 * How many co-author invitations one person may send in a day: enough to ask a street's
 * neighbours, too few to use the city's mail server for mass mailing. Counted in the database, so a
 * restart does not reset it.
 */
export const COAUTHOR_INVITATIONS_PER_DAY = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An author names a neighbour by e-mail: a registered resident is added at once (addCoauthor);
 * anyone else gets a single-use, expiring invitation by mail, in the inviter's language, and
 * becomes a co-author on arrival (acceptCoauthorInvitation).
 */
export async function addOrInviteCoauthor(
  viewer: Viewer,
  planId: number,
  email: string,
  lang: Language,
  now = clock.now(),
): Promise<InviteResult> {
  const added = addCoauthor(viewer, planId, email, now);
  if (added.ok || added.reason !== "noSuchResident") return added;
  const address = email.trim().toLowerCase();
  const invited = db().transaction((tx) => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { error: found.error };
    const account = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, address)).get();
    // A disabled account is not brought back by a neighbour's invitation.
    if (account?.disabledAt) return { error: "noSuchResident" as const };
    const sentToday = tx
      .select({ n: count() })
      .from(planInvitations)
      .innerJoin(invitations, eq(invitations.id, planInvitations.invitationId))
      .where(and(eq(invitations.invitedBy, viewer.id), gt(invitations.createdAt, new Date(now.getTime() - DAY_MS))))
      .get();
    if ((sentToday?.n ?? 0) >= COAUTHOR_INVITATIONS_PER_DAY) return { error: "tooManyInvitations" as const };
    const invite = insertInvitation(
      tx,
      { email: address, name: "", groupId: null, organisationId: null, position: "member", invitedBy: viewer.id },
      now,
    );
    tx.insert(planInvitations).values({ invitationId: invite.id, planId }).run();
    audit(
      {
        actorId: viewer.id,
        action: "neighbourhoodPlan.coauthorInvited",
        targetType: "neighbourhoodPlan",
        targetId: planId,
        detail: { email: address, invitationId: invite.id },
      },
      tx,
    );
    return { invite, title: found.plan.title, inviter: userName(tx, viewer.id) ?? "" };
  });
  if ("error" in invited) return { ok: false, reason: invited.error ?? "notFound" };
  const mailed = await mailInvitation(
    { email: address, name: "", url: invited.invite.url, expiresAt: invited.invite.expiresAt },
    invited.inviter,
    lang,
    {
      keyPrefix: "neighbourhood.inviteMail",
      params: { title: invited.title },
    },
  );
  return { ok: true, invited: address, mailed };
}

/** The plan an invitation link is for (null for a staff invitation), for the invitation page. */
export function planOfInvitation(invitationId: number, r: Reader = db()) {
  return (
    r
      .select({ id: neighbourhoodPlans.id, title: neighbourhoodPlans.title })
      .from(planInvitations)
      .innerJoin(neighbourhoodPlans, eq(neighbourhoodPlans.id, planInvitations.planId))
      .where(eq(planInvitations.invitationId, invitationId))
      .get() ?? null
  );
}

/** An invitation link as its page shows it: open (and for which plan, if any), used or expired. */
export function invitationForPage(token: string, now = clock.now()) {
  const found = invitationState(token, now);
  if (!found || found.state !== "open") return found;
  const { invitation } = found;
  return { state: "open" as const, name: invitation.name, email: invitation.email, plan: planOfInvitation(invitation.id) };
}

/**
 * Accepting a link: the account as for any invitation, then, for a plan's invitation, the
 * co-authorship and (for someone without one) the plan's area as home area, in the same
 * transaction; the plan's authors hear that their neighbour joined.
 */
export async function acceptCoauthorInvitation(token: string, password: string, locale: Locale, name: string, now = clock.now()) {
  let planId: number | null = null;
  const accepted = await acceptInvitation(token, password, locale, now, {
    name,
    onAccept: (tx, invitation, userId) => {
      const plan = tx
        .select({ id: neighbourhoodPlans.id, areaId: neighbourhoodPlans.areaId })
        .from(planInvitations)
        .innerJoin(neighbourhoodPlans, eq(neighbourhoodPlans.id, planInvitations.planId))
        .where(eq(planInvitations.invitationId, invitation.id))
        .get();
      if (!plan) return;
      planId = plan.id;
      if (!tx.select({ areaId: residencies.areaId }).from(residencies).where(eq(residencies.userId, userId)).get())
        tx.insert(residencies).values({ userId, areaId: plan.areaId }).run();
      const joined = tx
        .insert(planAuthors)
        .values({ planId: plan.id, userId, role: "coauthor", addedAt: now })
        .onConflictDoNothing()
        .run().changes;
      if (!joined) return;
      touch(tx, plan.id, userId, now);
      audit(
        {
          actorId: userId,
          action: "neighbourhoodPlan.coauthorAdded",
          targetType: "neighbourhoodPlan",
          targetId: plan.id,
          detail: { userId, invitationId: invitation.id },
        },
        tx,
      );
      notifyCoauthorJoined(tx, userId, plan.id, now);
    },
  });
  if (!accepted) return null;
  scheduleMailDelivery();
  return { userId: accepted.userId, planId: planId as number | null };
}

/** The owner removes a co-author; a co-author may leave. The owner stays. */
export function removeCoauthor(viewer: Viewer, planId: number, userId: string, now = clock.now()): { ok: boolean } {
  return db().transaction((tx) => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false };
    const roles = tx.select().from(planAuthors).where(eq(planAuthors.planId, planId)).all();
    const target = roles.find((a) => a.userId === userId);
    const actorIsOwner = roles.some((a) => a.userId === viewer.id && a.role === "owner");
    if (!target || target.role === "owner" || (!actorIsOwner && userId !== viewer.id)) return { ok: false };
    tx.delete(planAuthors)
      .where(and(eq(planAuthors.planId, planId), eq(planAuthors.userId, userId)))
      .run();
    touch(tx, planId, viewer.id, now);
    audit(
      {
        actorId: viewer.id,
        action: "neighbourhoodPlan.coauthorRemoved",
        targetType: "neighbourhoodPlan",
        targetId: planId,
        detail: { userId },
      },
      tx,
    );
    return { ok: true };
  });
}
