// Signing in, registering residents, invitations and one's own account.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import {
  areas,
  documentAccessLog,
  invitations,
  memberships,
  neighbourhoodPlans,
  observations,
  planAuthors,
  planComments,
  residencies,
  users,
  type Locale,
  type Position,
} from "../../../db/schema";
import { INTL_LOCALE, type Language } from "../../i18n/config";
import { i18nFor } from "../../i18n/i18n.server";
import { audit } from "../platform/audit.server";
import { dummyPasswordHash } from "./auth.server";
import { config } from "../platform/config.server";
import { db } from "../platform/db.server";
import { currentAreaCondition } from "../city/areas.server";
import { sendMail } from "../mail/mail.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { clearLoginFailures, countLoginAttempt } from "./rate-limit.server";
import { clock } from "../platform/clock";

export type SignInResult =
  | { ok: true; userId: string; locale: Locale }
  | { ok: false; reason: "invalidCredentials" }
  | { ok: false; reason: "tooManyAttempts"; retryAfterSeconds: number };

export async function signIn(email: string, password: string, clientIp: string): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  // Counted before the password is checked (atomically, in the database): see rate-limit.server.
  const attempt = countLoginAttempt(normalised, clientIp);
  if (!attempt.ok) return { ok: false, reason: "tooManyAttempts", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = db().select().from(users).where(eq(users.email, normalised)).get();
  // Verify against a dummy hash for unknown accounts so the response time does not reveal them.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid || user.disabledAt) {
    audit({ actorId: user?.id ?? null, action: "auth.signInFailed", detail: { email: normalised } });
    return { ok: false, reason: "invalidCredentials" };
  }
  clearLoginFailures(normalised, clientIp);
  audit({ actorId: user.id, action: "auth.signIn" });
  return { ok: true, userId: user.id, locale: user.locale };
}

export function emailTaken(email: string): boolean {
  return !!db().select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function registerResident(input: {
  name: string;
  email: string;
  password: string;
  areaId: number;
  locale: Locale;
}): Promise<{ ok: true; userId: string } | { ok: false; field: "email" | "areaId"; reason: string }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
      return { ok: false as const, field: "email" as const, reason: "auth.emailTaken" };
    // A former area is not a home area any more (its history stays).
    if (
      !tx
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.id, input.areaId), currentAreaCondition()))
        .get()
    )
      return { ok: false as const, field: "areaId" as const, reason: "validation.choose" };
    const userId = randomUUID();
    tx.insert(users).values({ id: userId, email, name: input.name.trim(), passwordHash, locale: input.locale }).run();
    tx.insert(residencies).values({ userId, areaId: input.areaId }).run();
    audit({ actorId: userId, action: "account.registered", targetType: "user", targetId: userId }, tx);
    return { ok: true as const, userId };
  });
}

/** Tokens are random; only an HMAC of them is stored, so a leaked database does not leak live links. */
function tokenHash(token: string): string {
  return createHmac("sha256", config().appSecret).update(token).digest("hex");
}

type InvitationInput = {
  email: string;
  name: string;
  groupId: number | null;
  organisationId: number | null;
  position: Position;
  invitedBy: string;
};

/**
 * Writes one single-use, expiring invitation inside the caller's transaction (a staff invitation
 * here, a plan's co-author invitation in neighbourhood/); the token itself is returned once.
 */
export function insertInvitation(tx: Tx, input: InvitationInput, now: Date): { id: number; token: string; url: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + config().invitationDays * 24 * 3600 * 1000);
  const id = Number(
    tx
      .insert(invitations)
      .values({
        tokenHash: tokenHash(token),
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        groupId: input.groupId,
        organisationId: input.organisationId,
        position: input.position,
        invitedBy: input.invitedBy,
        expiresAt,
        createdAt: now,
      })
      .run().lastInsertRowid,
  );
  return { id, token, url: `${config().publicUrl}/invite/${token}`, expiresAt };
}

export function createInvitation(input: InvitationInput & { now?: Date }): { token: string; url: string; expiresAt: Date } {
  const now = input.now ?? clock.now();
  return db().transaction((tx) => {
    const { token, url, expiresAt } = insertInvitation(tx, input, now);
    audit({ actorId: input.invitedBy, action: "invitation.created", detail: { email: input.email, groupId: input.groupId } }, tx);
    return { token, url, expiresAt };
  });
}

/**
 * Mails the invitation link to the invitee in the inviter's language. The coordinator also sees the
 * link once, so a mail that fails loses nothing: they can pass it on themselves.
 */
export async function mailInvitation(
  invite: { email: string; name: string; url: string; expiresAt: Date },
  inviterName: string,
  lang: Language,
  /** Another invitation's wording (a plan's co-author invitation) and what else it names. */
  text: { keyPrefix: string; params?: Record<string, string> } = { keyPrefix: "admin.invitationMail" },
): Promise<boolean> {
  const t = i18nFor(lang).t;
  const date = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(
    invite.expiresAt,
  );
  const result = await sendMail({
    to: invite.email,
    subject: t(`${text.keyPrefix}.subject`),
    text: t(`${text.keyPrefix}.body`, { name: invite.name, inviter: inviterName, url: invite.url, date, ...text.params }),
  });
  return result.ok;
}

/** An invitation that can still be used, or null (unknown, used or expired look the same). */
export function findOpenInvitation(token: string, now = clock.now()) {
  return (
    db()
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
      .get() ?? null
  );
}

/**
 * What a link is: open (with the invitation), already used, or expired; null when unknown. The
 * invitation page tells the holder of a used or expired link so, instead of a bare "not found".
 */
export function invitationState(token: string, now = clock.now()) {
  const invitation = db()
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash(token)))
    .get();
  if (!invitation) return null;
  if (invitation.usedAt) return { state: "used" as const };
  if (invitation.expiresAt.getTime() <= now.getTime()) return { state: "expired" as const };
  return { state: "open" as const, invitation };
}

export type Invitation = typeof invitations.$inferSelect;

/**
 * Accepting sets the password, creates (or completes) the account and the membership, and burns
 * the token, all in one transaction so a link can never be used twice. `name` is for invitations
 * that came without one; `onAccept` adds what the invitation was for (a plan's co-authorship).
 */
export async function acceptInvitation(
  token: string,
  password: string,
  locale: Locale,
  now = clock.now(),
  opts: { name?: string; onAccept?: (tx: Tx, invitation: Invitation, userId: string) => void } = {},
) {
  const passwordHash = await hashPassword(password);
  return db().transaction((tx) => {
    const invitation = tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
      .get();
    if (!invitation) return null;
    const existing = tx.select().from(users).where(eq(users.email, invitation.email)).get();
    const userId = existing?.id ?? randomUUID();
    if (existing) {
      if (!existing.passwordHash) tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    } else {
      const name = invitation.name || opts.name?.trim() || invitation.email;
      tx.insert(users).values({ id: userId, email: invitation.email, name, passwordHash, locale }).run();
    }
    if (invitation.groupId) {
      tx.insert(memberships)
        .values({
          userId,
          groupId: invitation.groupId,
          organisationId: invitation.organisationId,
          position: invitation.position,
          joinedAt: now,
        })
        .run();
    }
    tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id)).run();
    opts.onAccept?.(tx, invitation, userId);
    audit({ actorId: userId, action: "invitation.accepted", targetType: "invitation", targetId: invitation.id }, tx);
    return { userId };
  });
}

export function getAccount(userId: string) {
  return db().select().from(users).where(eq(users.id, userId)).get() ?? null;
}

export function updateProfile(userId: string, input: { name: string; title?: string; phone?: string; locale: Locale }) {
  db()
    .update(users)
    .set({ name: input.name, title: input.title || null, phone: input.phone || null, locale: input.locale })
    .where(eq(users.id, userId))
    .run();
}

export function setPreferredLanguage(userId: string, locale: Locale) {
  db().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const user = getAccount(userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  db().update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  audit({ actorId: userId, action: "account.passwordChanged", targetType: "user", targetId: userId });
  return true;
}

/**
 * Residents may delete their own account (their consent can be withdrawn at any time: the privacy
 * notice). Anyone who has ever held a role, or read a non-public document, cannot: those are
 * public-sector records, and a coordinator disables such accounts instead.
 */
export function mayDeleteOwnAccount(userId: string): boolean {
  const d = db();
  if (d.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).get()) return false;
  // Someone granted a non-public document is in its append-only access log, which outlives accounts.
  return !d.select({ id: documentAccessLog.id }).from(documentAccessLog).where(eq(documentAccessLog.userId, userId)).get();
}

/** Plans that only this person writes and that nobody else has seen published: they go with the account. */
const UNPUBLISHED_PLAN_STATUSES = ["draft", "submitted", "changes_requested", "withdrawn"] as const;

export type DeleteAccountResult = { ok: true } | { ok: false; reason: "wrongPassword" | "staff" };

/**
 * Deletes a resident's account in one transaction: the person, their sessions, home areas,
 * notifications and settings, their comments, and the plans only they wrote that were never
 * accepted or published. Plans written with others, and accepted or published ones, stay without
 * their name (the rows they wrote keep no author). The audit log keeps the bare user id.
 */
export async function deleteOwnAccount(userId: string, password: string): Promise<DeleteAccountResult> {
  const user = getAccount(userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "wrongPassword" };
  if (!mayDeleteOwnAccount(userId)) return { ok: false, reason: "staff" };
  db().transaction((tx) => removeResidentAccount(tx, userId, "account.deleted"));
  return { ok: true };
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

/** The removal itself, inside the caller's transaction: by the person, or by the retention job. */
export function removeResidentAccount(tx: Tx, userId: string, action: string): void {
  const soloUnpublished = tx
    .select({ id: neighbourhoodPlans.id })
    .from(neighbourhoodPlans)
    .innerJoin(planAuthors, eq(planAuthors.planId, neighbourhoodPlans.id))
    .where(
      and(
        eq(planAuthors.userId, userId),
        inArray(neighbourhoodPlans.status, [...UNPUBLISHED_PLAN_STATUSES]),
        sql`(select count(*) from ${planAuthors} pa where pa.plan_id = ${neighbourhoodPlans.id}) = 1`,
      ),
    )
    .all()
    .map((p) => p.id);
  if (soloUnpublished.length) tx.delete(neighbourhoodPlans).where(inArray(neighbourhoodPlans.id, soloUnpublished)).run();
  tx.delete(planComments).where(eq(planComments.authorId, userId)).run();
  // Map observations never published go with the account; published ones stay without the name
  // (reporter_id is set null by its foreign key).
  tx.delete(observations)
    .where(and(eq(observations.reporterId, userId), sql`${observations.review} <> 'approved'`))
    .run();
  // Sessions, residencies, authorships, notifications and settings go with the row (foreign keys).
  tx.delete(users).where(eq(users.id, userId)).run();
  audit({ actorId: null, action, targetType: "user", targetId: userId, detail: { plansDeleted: soloUnpublished.length } }, tx);
}
