// Staff second factor: passkeys (WebAuthn), TOTP as a fallback, and ten one-time recovery codes.
//
// Sign-in is two steps. The password step (login.tsx) does not start a session for a person who has
// a factor: it stores a short-lived `signIn` challenge, found by the hash of a random cookie token,
// and sends them to /login/second-factor. Only a verified second factor starts the session, so every
// session row is a fully signed-in person and the sessions table needs no "half signed in" state.
//
// Who must have a factor: every coordinator, anyone who may read a non-public document (a grant to
// them, their group or their organisation), and all staff when a coordinator turns that setting
// on. Such a person without one is sent to enrol (guard.server.ts) before anything else.
//
// Enrolling, using, failing, removing and resetting a factor are audited. Failed codes are counted
// in the audit log itself: five failures in 15 minutes stop further codes for that person.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, asc, count, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { appSettings, auditLog, authChallenges, documentGrants, documents, recoveryCodes, secondFactors, users } from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { config } from "../platform/config.server";
import { db, type Db } from "../platform/db.server";
import { isCoordinator, isStaff, loadViewer, memberGroupIds, type Viewer } from "./viewer.server";
import { columnsOf } from "../platform/select-names";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The password step is valid this long; the person then signs in again. */
export const PENDING_SIGN_IN_MINUTES = 10;
/** Failed TOTP or recovery codes allowed per person in the window before codes are refused. */
export const SECOND_FACTOR_LIMIT = { failures: 5, windowMinutes: 15 } as const;
export const RECOVERY_CODE_COUNT = 10;
export const PENDING_COOKIE = "lahiturva_pending";
const TOTP_PERIOD = 30;
const APP_NAME = "Lähiturva";

// ---------------------------------------------------------------------------------------------
// Who must have a factor

export const REQUIRE_ALL_STAFF_KEY = "secondFactor.requireAllStaff";

export function requireAllStaff(): boolean {
  const row = db().select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, REQUIRE_ALL_STAFF_KEY)).get();
  return row?.value === "true";
}

export function setRequireAllStaff(viewer: Viewer, on: boolean, now = clock.now()): void {
  db().transaction((tx) => {
    tx.insert(appSettings)
      .values({ key: REQUIRE_ALL_STAFF_KEY, value: String(on), updatedBy: viewer.id, updatedAt: now })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: String(on), updatedBy: viewer.id, updatedAt: now } })
      .run();
    audit({ actorId: viewer.id, action: "secondFactor.requireAllStaffChanged", detail: { on } }, tx);
  });
}

/** Whether the person may read some non-public document through a grant (theirs, their group's or organisation's). */
export function readsNonPublicDocuments(viewer: Viewer): boolean {
  const groupIds = memberGroupIds(viewer);
  const organisationIds = [...new Set(viewer.memberships.map((m) => m.organisationId).filter((id): id is number => id != null))];
  const holders = [eq(documentGrants.userId, viewer.id)];
  if (groupIds.length) holders.push(inArray(documentGrants.groupId, groupIds));
  if (organisationIds.length) holders.push(inArray(documentGrants.organisationId, organisationIds));
  return !!db()
    .select({ id: documentGrants.id })
    .from(documentGrants)
    .innerJoin(documents, eq(documents.id, documentGrants.documentId))
    .where(and(ne(documents.publicity, "public"), or(...holders)))
    .get();
}

/** Coordinators, readers of non-public documents, and all staff when the setting is on. */
export function mustHaveSecondFactor(viewer: Viewer): boolean {
  if (isCoordinator(viewer)) return true;
  if (!isStaff(viewer)) return false;
  return requireAllStaff() || readsNonPublicDocuments(viewer);
}

export function hasSecondFactor(userId: string): boolean {
  return !!db().select({ id: secondFactors.id }).from(secondFactors).where(eq(secondFactors.userId, userId)).get();
}

// ---------------------------------------------------------------------------------------------
// Secrets

const hmac = (purpose: string, value: string) => createHmac("sha256", config().appSecret).update(`${purpose}:${value}`).digest("hex");
const secretKey = () => createHash("sha256").update(`totp-secret-key:${config().appSecret}`).digest();

function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

function decrypt(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export const encryptTotpSecret = encrypt;

function webauthnSite() {
  const url = new URL(config().publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

// ---------------------------------------------------------------------------------------------
// Listing and removing

export type FactorSummary = { id: number; kind: "passkey" | "totp"; label: string; createdAt: Date; lastUsedAt: Date | null };

export function listFactors(userId: string): FactorSummary[] {
  return db()
    .select({
      ...columnsOf(secondFactors, "id", "kind", "label", "createdAt", "lastUsedAt"),
    })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .orderBy(asc(secondFactors.id))
    .all();
}

export function unusedRecoveryCodeCount(userId: string): number {
  return (
    db()
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

/** Removing one's own factor. The last factor takes the recovery codes with it. */
export function removeFactor(userId: string, factorId: number): boolean {
  return db().transaction((tx) => {
    const factor = tx
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.id, factorId), eq(secondFactors.userId, userId)))
      .get();
    if (!factor) return false;
    tx.delete(secondFactors).where(eq(secondFactors.id, factorId)).run();
    const left = tx.select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, userId)).get()?.n ?? 0;
    if (left === 0) tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    audit(
      {
        actorId: userId,
        action: "secondFactor.removed",
        targetType: "user",
        targetId: userId,
        detail: { kind: factor.kind, label: factor.label, remaining: left },
      },
      tx,
    );
    return true;
  });
}

/** A coordinator removes every factor of someone who lost theirs; they enrol again after signing in. */
export function resetFactors(viewer: Viewer, userId: string): number {
  return db().transaction((tx) => {
    const removed = tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).run().changes;
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.delete(authChallenges).where(eq(authChallenges.userId, userId)).run();
    audit({ actorId: viewer.id, action: "secondFactor.reset", targetType: "user", targetId: userId, detail: { removed } }, tx);
    return removed;
  });
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

function newRecoveryCode(): string {
  const raw = randomBytes(10).toString("hex"); // 80 bits
  return `${raw.slice(0, 5)}-${raw.slice(5, 10)}-${raw.slice(10, 15)}-${raw.slice(15, 20)}`;
}
const normaliseCode = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, "");

/** Replaces the person's recovery codes with ten new ones, shown once (only HMACs are stored). */
function issueRecoveryCodes(tx: Tx, userId: string): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  for (const code of codes)
    tx.insert(recoveryCodes)
      .values({ userId, codeHash: hmac("recovery", normaliseCode(code)) })
      .run();
  return codes;
}

export function regenerateRecoveryCodes(userId: string): string[] | null {
  return db().transaction((tx) => {
    if (!tx.select({ id: secondFactors.id }).from(secondFactors).where(eq(secondFactors.userId, userId)).get()) return null;
    const codes = issueRecoveryCodes(tx, userId);
    audit({ actorId: userId, action: "secondFactor.recoveryCodesIssued", targetType: "user", targetId: userId }, tx);
    return codes;
  });
}

/** After a factor is added: the first factor brings ten recovery codes, later ones none. */
function afterEnrol(tx: Tx, userId: string): string[] | null {
  const n = tx.select({ n: count() }).from(secondFactors).where(eq(secondFactors.userId, userId)).get()?.n ?? 0;
  return n === 1 ? issueRecoveryCodes(tx, userId) : null;
}

// ---------------------------------------------------------------------------------------------
// TOTP enrolment

function totpFor(secretBase32: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: APP_NAME,
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** Starts a TOTP enrolment: a new secret, as a QR code (SVG data URL) and as text for typing in. */
export async function startTotpEnrolment(userId: string, now = clock.now()): Promise<{ secret: string; qrCode: string; uri: string }> {
  const user = db().select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new Error("no such user");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const uri = totpFor(secret, user.email).toString();
  db().transaction((tx) => {
    tx.delete(authChallenges)
      .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "totpEnrol")))
      .run();
    tx.insert(authChallenges)
      .values({
        tokenHash: hmac("totpEnrol", randomBytes(16).toString("hex")),
        userId,
        purpose: "totpEnrol",
        challenge: encrypt(secret),
        expiresAt: new Date(now.getTime() + 30 * 60_000),
      })
      .run();
  });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, uri };
}

/** The secret of the enrolment under way (to show it again after a wrong code), or null. */
export function pendingTotpSecret(userId: string, now = clock.now()): string | null {
  const row = db()
    .select({ challenge: authChallenges.challenge })
    .from(authChallenges)
    .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "totpEnrol"), gt(authChallenges.expiresAt, now)))
    .get();
  return row ? decrypt(row.challenge) : null;
}

export async function totpQrCode(secret: string, userId: string): Promise<string> {
  const user = db().select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  const svg = await QRCode.toString(totpFor(secret, user?.email ?? "").toString(), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Which time step a code belongs to, within one step either way of now, or null. */
function matchTotp(secret: string, code: string, now: Date): number | null {
  const delta = OTPAuth.TOTP.validate({
    token: code.replace(/\s/g, ""),
    secret: OTPAuth.Secret.fromBase32(secret),
    period: TOTP_PERIOD,
    digits: 6,
    algorithm: "SHA1",
    timestamp: now.getTime(),
    window: 1,
  });
  return delta == null ? null : Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
}

export type EnrolResult = { ok: true; recoveryCodes: string[] | null } | { ok: false; reason: "expired" | "wrongCode" | "invalid" };

export function confirmTotpEnrolment(userId: string, code: string, label: string, now = clock.now()): EnrolResult {
  return db().transaction((tx) => {
    const pending = tx
      .select()
      .from(authChallenges)
      .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "totpEnrol"), gt(authChallenges.expiresAt, now)))
      .get();
    if (!pending) return { ok: false as const, reason: "expired" as const };
    const secret = decrypt(pending.challenge);
    const step = matchTotp(secret, code, now);
    if (step == null) {
      audit({ actorId: userId, action: "secondFactor.enrolFailed", targetType: "user", targetId: userId, detail: { kind: "totp" } }, tx);
      return { ok: false as const, reason: "wrongCode" as const };
    }
    tx.delete(authChallenges).where(eq(authChallenges.id, pending.id)).run();
    tx.insert(secondFactors)
      .values({ userId, kind: "totp", label, secret: encrypt(secret), lastStep: step, createdAt: now })
      .run();
    const codes = afterEnrol(tx, userId);
    audit({ actorId: userId, action: "secondFactor.enrolled", targetType: "user", targetId: userId, detail: { kind: "totp", label } }, tx);
    return { ok: true as const, recoveryCodes: codes };
  });
}

// ---------------------------------------------------------------------------------------------
// Passkey enrolment

export async function passkeyRegistrationOptions(userId: string, now = clock.now()) {
  const user = db().select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new Error("no such user");
  const existing = db()
    .select({ credentialId: secondFactors.credentialId, transports: secondFactors.transports })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "passkey")))
    .all();
  const { rpID } = webauthnSite();
  const options = await generateRegistrationOptions({
    rpName: APP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({
      id: c.credentialId!,
      transports: c.transports ? (JSON.parse(c.transports) as AuthenticatorTransportFuture[]) : undefined,
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  db().transaction((tx) => {
    tx.delete(authChallenges)
      .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "passkeyEnrol")))
      .run();
    tx.insert(authChallenges)
      .values({
        tokenHash: hmac("passkeyEnrol", randomBytes(16).toString("hex")),
        userId,
        purpose: "passkeyEnrol",
        challenge: options.challenge,
        expiresAt: new Date(now.getTime() + 10 * 60_000),
      })
      .run();
  });
  return options;
}

export async function confirmPasskeyEnrolment(
  userId: string,
  response: RegistrationResponseJSON,
  label: string,
  now = clock.now(),
): Promise<EnrolResult> {
  const pending = db()
    .select()
    .from(authChallenges)
    .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "passkeyEnrol"), gt(authChallenges.expiresAt, now)))
    .get();
  if (!pending) return { ok: false, reason: "expired" };
  const { rpID, origin } = webauthnSite();
  let info;
  try {
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
    if (!verification.verified || !verification.registrationInfo) throw new Error("not verified");
    info = verification.registrationInfo;
  } catch {
    audit({ actorId: userId, action: "secondFactor.enrolFailed", targetType: "user", targetId: userId, detail: { kind: "passkey" } });
    return { ok: false, reason: "invalid" };
  }
  const credential = info.credential;
  return db().transaction((tx) => {
    tx.delete(authChallenges).where(eq(authChallenges.id, pending.id)).run();
    if (tx.select({ id: secondFactors.id }).from(secondFactors).where(eq(secondFactors.credentialId, credential.id)).get())
      return { ok: false as const, reason: "invalid" as const };
    tx.insert(secondFactors)
      .values({
        userId,
        kind: "passkey",
        label,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
        createdAt: now,
      })
      .run();
    const codes = afterEnrol(tx, userId);
    audit(
      { actorId: userId, action: "secondFactor.enrolled", targetType: "user", targetId: userId, detail: { kind: "passkey", label } },
      tx,
    );
    return { ok: true as const, recoveryCodes: codes };
  });
}

// ---------------------------------------------------------------------------------------------
// Signing in: the pending state between the password and the second factor

/** After a correct password: a pending sign-in, whose token goes into a short cookie. */
export function beginSecondFactor(userId: string, redirectTo: string | null, now = clock.now()): string {
  const token = randomBytes(32).toString("base64url");
  db().transaction((tx) => {
    // One pending sign-in per person: a new password step replaces an older one.
    tx.delete(authChallenges)
      .where(and(eq(authChallenges.userId, userId), eq(authChallenges.purpose, "signIn")))
      .run();
    tx.insert(authChallenges)
      .values({
        tokenHash: hmac("signIn", token),
        userId,
        purpose: "signIn",
        challenge: randomBytes(32).toString("base64url"),
        redirectTo,
        expiresAt: new Date(now.getTime() + PENDING_SIGN_IN_MINUTES * 60_000),
      })
      .run();
  });
  return token;
}

export function pendingCookie(token: string): string {
  const secure = config().cookieSecure ? "; Secure" : "";
  return `${PENDING_COOKIE}=${token}; Path=/login; HttpOnly; SameSite=Lax; Max-Age=${PENDING_SIGN_IN_MINUTES * 60}${secure}`;
}
export const clearPendingCookie = () => `${PENDING_COOKIE}=; Path=/login; HttpOnly; SameSite=Lax; Max-Age=0`;

function readPendingToken(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === PENDING_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function findPendingSignIn(request: Request, now = clock.now()) {
  const token = readPendingToken(request);
  if (!token) return null;
  const row = db()
    .select()
    .from(authChallenges)
    .where(
      and(eq(authChallenges.tokenHash, hmac("signIn", token)), eq(authChallenges.purpose, "signIn"), gt(authChallenges.expiresAt, now)),
    )
    .get();
  if (!row) return null;
  const kinds = new Set(
    db()
      .select({ kind: secondFactors.kind })
      .from(secondFactors)
      .where(eq(secondFactors.userId, row.userId))
      .all()
      .map((f) => f.kind),
  );
  return { id: row.id, userId: row.userId, redirectTo: row.redirectTo, hasPasskey: kinds.has("passkey"), hasTotp: kinds.has("totp") };
}

/** Authentication options for the pending sign-in (its challenge; the person's passkeys). */
export async function passkeySignInOptions(pendingId: number) {
  const row = db().select().from(authChallenges).where(eq(authChallenges.id, pendingId)).get();
  if (!row) return null;
  const passkeys = db()
    .select({ credentialId: secondFactors.credentialId, transports: secondFactors.transports })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, row.userId), eq(secondFactors.kind, "passkey")))
    .all();
  const options = await generateAuthenticationOptions({
    rpID: webauthnSite().rpID,
    allowCredentials: passkeys.map((p) => ({
      id: p.credentialId!,
      transports: p.transports ? (JSON.parse(p.transports) as AuthenticatorTransportFuture[]) : undefined,
    })),
    userVerification: "preferred",
  });
  // Our own challenge, stored with the pending sign-in, replaces the library's random one.
  return { ...options, challenge: row.challenge };
}

export type SecondFactorResult =
  | { ok: true; userId: string; redirectTo: string | null }
  | { ok: false; reason: "expired" | "wrongCode" | "tooManyAttempts" };

function recentFailures(tx: Tx, userId: string, now: Date): number {
  const since = new Date(now.getTime() - SECOND_FACTOR_LIMIT.windowMinutes * 60_000);
  return (
    tx
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, "auth.secondFactorFailed"), gt(auditLog.at, since)))
      .get()?.n ?? 0
  );
}

/** Whether the person may try another code now (read before the form is shown). */
export function secondFactorBlocked(userId: string, now = clock.now()): boolean {
  return recentFailures(db() as unknown as Tx, userId, now) >= SECOND_FACTOR_LIMIT.failures;
}

/**
 * A TOTP or recovery code for the pending sign-in. The attempt is counted before the code is
 * checked, inside one immediate transaction, so parallel guesses cannot pass the limit.
 */
export function verifyCodeForSignIn(pendingId: number, kind: "totp" | "recovery", code: string, now = clock.now()): SecondFactorResult {
  return db().transaction((tx) => {
    const pending = tx
      .select()
      .from(authChallenges)
      .where(and(eq(authChallenges.id, pendingId), eq(authChallenges.purpose, "signIn"), gt(authChallenges.expiresAt, now)))
      .get();
    if (!pending) return { ok: false as const, reason: "expired" as const };
    const userId = pending.userId;
    if (recentFailures(tx, userId, now) >= SECOND_FACTOR_LIMIT.failures) {
      audit({ actorId: userId, action: "auth.secondFactorBlocked", targetType: "user", targetId: userId, detail: { kind } }, tx);
      return { ok: false as const, reason: "tooManyAttempts" as const };
    }
    let used: string | null = null;
    if (kind === "totp") {
      for (const factor of tx
        .select()
        .from(secondFactors)
        .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "totp")))
        .all()) {
        const step = matchTotp(decrypt(factor.secret!), code, now);
        // A code works once: its time step must be later than the last one used.
        if (step != null && step > (factor.lastStep ?? -1)) {
          tx.update(secondFactors).set({ lastStep: step, lastUsedAt: now }).where(eq(secondFactors.id, factor.id)).run();
          used = factor.label;
          break;
        }
      }
    } else {
      const hash = hmac("recovery", normaliseCode(code));
      const row = tx
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
        .all()
        .find((r) => safeEqual(r.codeHash, hash));
      if (row) {
        tx.update(recoveryCodes).set({ usedAt: now }).where(eq(recoveryCodes.id, row.id)).run();
        used = "recovery code";
      }
    }
    if (used == null) {
      audit({ actorId: userId, action: "auth.secondFactorFailed", targetType: "user", targetId: userId, detail: { kind }, at: now }, tx);
      tx.update(authChallenges)
        .set({ failures: sql`${authChallenges.failures} + 1` })
        .where(eq(authChallenges.id, pending.id))
        .run();
      return { ok: false as const, reason: "wrongCode" as const };
    }
    tx.delete(authChallenges).where(eq(authChallenges.id, pending.id)).run();
    const left =
      kind === "recovery"
        ? (tx
            .select({ n: count() })
            .from(recoveryCodes)
            .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
            .get()?.n ?? 0)
        : undefined;
    audit(
      {
        actorId: userId,
        action: kind === "totp" ? "auth.secondFactor" : "auth.recoveryCodeUsed",
        targetType: "user",
        targetId: userId,
        detail: { kind, label: used, recoveryCodesLeft: left },
      },
      tx,
    );
    return { ok: true as const, userId, redirectTo: pending.redirectTo };
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function verifyPasskeyForSignIn(
  pendingId: number,
  response: AuthenticationResponseJSON,
  now = clock.now(),
): Promise<SecondFactorResult> {
  const pending = db()
    .select()
    .from(authChallenges)
    .where(and(eq(authChallenges.id, pendingId), eq(authChallenges.purpose, "signIn"), gt(authChallenges.expiresAt, now)))
    .get();
  if (!pending) return { ok: false, reason: "expired" };
  const userId = pending.userId;
  const factor = db()
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "passkey"), eq(secondFactors.credentialId, String(response.id))))
    .get();
  const { rpID, origin } = webauthnSite();
  let newCounter: number | null = null;
  if (factor) {
    try {
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: pending.challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: factor.credentialId!,
          publicKey: new Uint8Array(Buffer.from(factor.publicKey!, "base64url")),
          counter: factor.counter,
        },
        requireUserVerification: false,
      });
      if (verification.verified) newCounter = verification.authenticationInfo.newCounter;
    } catch {
      newCounter = null;
    }
  }
  return db().transaction((tx) => {
    // The challenge is used once, whatever the outcome.
    const still = tx.delete(authChallenges).where(eq(authChallenges.id, pending.id)).run().changes;
    if (!still) return { ok: false as const, reason: "expired" as const };
    if (newCounter == null || !factor) {
      audit(
        { actorId: userId, action: "auth.secondFactorFailed", targetType: "user", targetId: userId, detail: { kind: "passkey" }, at: now },
        tx,
      );
      return { ok: false as const, reason: "wrongCode" as const };
    }
    tx.update(secondFactors).set({ counter: newCounter, lastUsedAt: now }).where(eq(secondFactors.id, factor.id)).run();
    audit(
      {
        actorId: userId,
        action: "auth.secondFactor",
        targetType: "user",
        targetId: userId,
        detail: { kind: "passkey", label: factor.label },
      },
      tx,
    );
    return { ok: true as const, userId, redirectTo: pending.redirectTo };
  });
}

// ---------------------------------------------------------------------------------------------
// The account page's part

/** What the account page shows about the person's second factor. */
export async function secondFactorOverview(viewer: Viewer, now = clock.now()) {
  const totpSecret = pendingTotpSecret(viewer.id, now);
  return {
    factors: listFactors(viewer.id),
    recoveryCodesLeft: unusedRecoveryCodeCount(viewer.id),
    required: mustHaveSecondFactor(viewer),
    totpEnrolment: totpSecret ? { secret: totpSecret, qrCode: await totpQrCode(totpSecret, viewer.id) } : null,
  };
}

export type SecondFactorIntent =
  | { intent: "passkeyOptions" }
  | { intent: "passkeyEnrol"; response: Record<string, unknown>; label: string }
  | { intent: "totpStart" }
  | { intent: "totpConfirm"; code: string; label: string }
  | { intent: "removeFactor"; factorId: number }
  | { intent: "recoveryCodes" };

export type SecondFactorReply = {
  intent: SecondFactorIntent["intent"];
  ok: boolean;
  message: string | null;
  recoveryCodes: string[] | null;
  passkeyOptions: Awaited<ReturnType<typeof passkeyRegistrationOptions>> | null;
};

/** One account-page action on one's own second factors; the route validated the input. */
export async function handleSecondFactorIntent(userId: string, input: SecondFactorIntent): Promise<SecondFactorReply> {
  const reply = (ok: boolean, message: string | null, extra: Partial<SecondFactorReply> = {}): SecondFactorReply => ({
    intent: input.intent,
    ok,
    message,
    recoveryCodes: null,
    passkeyOptions: null,
    ...extra,
  });
  switch (input.intent) {
    case "passkeyOptions":
      return reply(true, null, { passkeyOptions: await passkeyRegistrationOptions(userId) });
    case "passkeyEnrol": {
      const result = await confirmPasskeyEnrolment(userId, input.response as unknown as RegistrationResponseJSON, input.label);
      return result.ok
        ? reply(true, "secondFactor.passkeyAdded", { recoveryCodes: result.recoveryCodes })
        : reply(false, result.reason === "expired" ? "secondFactor.enrolExpired" : "secondFactor.passkeyEnrolFailed");
    }
    case "totpStart":
      await startTotpEnrolment(userId);
      return reply(true, null);
    case "totpConfirm": {
      const result = confirmTotpEnrolment(userId, input.code, input.label);
      return result.ok
        ? reply(true, "secondFactor.totpAdded", { recoveryCodes: result.recoveryCodes })
        : reply(false, result.reason === "expired" ? "secondFactor.enrolExpired" : "secondFactor.wrongCode");
    }
    case "removeFactor":
      return reply(removeFactor(userId, input.factorId), "secondFactor.removed");
    case "recoveryCodes": {
      const codes = regenerateRecoveryCodes(userId);
      return reply(!!codes, null, { recoveryCodes: codes });
    }
  }
}

/** The coordinators' view: every current staff member, whether a factor is required, and how many they have. */
export function securityRoster(now = clock.now()) {
  const d = db();
  const staff = d
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(sql`memberships m`, sql`m.user_id = ${users.id} and (m.left_at is null or m.left_at > ${now.getTime()})`)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
    .all();
  const counts = new Map(
    d
      .select({ userId: secondFactors.userId, n: count() })
      .from(secondFactors)
      .groupBy(secondFactors.userId)
      .all()
      .map((r) => [r.userId, r.n]),
  );
  return staff.map((s) => {
    const viewer = loadViewer(s.id, now);
    return { ...s, required: viewer ? mustHaveSecondFactor(viewer) : false, factors: counts.get(s.id) ?? 0 };
  });
}
