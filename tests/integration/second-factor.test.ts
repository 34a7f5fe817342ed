// The second factor's rules against a real migrated database: who must have one, the guard that
// sends them to enrol, TOTP codes used once, recovery codes used once, the attempt limit, audit.
import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, recoveryCodes, secondFactors } from "../../db/schema";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { requireViewer } from "~/server/people/guard.server";
import { personalData } from "~/server/people/personal-data.server";
import {
  beginSecondFactor,
  confirmTotpEnrolment,
  findPendingSignIn,
  mustHaveSecondFactor,
  pendingTotpSecret,
  removeFactor,
  resetFactors,
  SECOND_FACTOR_LIMIT,
  setRequireAllStaff,
  startTotpEnrolment,
  verifyCodeForSignIn,
} from "~/server/people/second-factor.server";
import { startSession } from "~/server/people/auth.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

// The fixtures give demo accounts that must have one a demo factor; these tests start without.
beforeAll(async () => {
  await seedOnce();
  for (const email of [DEMO.coordinator, DEMO.expert]) resetFactors(viewerById(userIdOf(email)), userIdOf(email));
});

const actions = (userId: string) =>
  db()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .all()
    .map((r) => r.action);
const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" }).generate({ timestamp: at.getTime() });
const pendingRequest = (token: string) =>
  new Request("http://localhost/login/second-factor", { headers: { Cookie: `lahiturva_pending=${token}` } });

async function enrolTotp(email: string, at: Date) {
  const userId = userIdOf(email);
  await startTotpEnrolment(userId, at);
  const secret = pendingTotpSecret(userId, at)!;
  const result = confirmTotpEnrolment(userId, codeAt(secret, at), "Phone", at);
  if (!result.ok) throw new Error("enrolment failed");
  return { userId, secret, codes: result.recoveryCodes! };
}

describe("who must have a second factor", () => {
  it("coordinators and readers of non-public documents always; other staff when the setting says so; residents never", () => {
    expect(mustHaveSecondFactor(viewerOf(DEMO.coordinator))).toBe(true);
    expect(mustHaveSecondFactor(viewerOf(DEMO.expert))).toBe(true); // the police hold a grant on a confidential attachment
    expect(mustHaveSecondFactor(viewerOf(DEMO.network))).toBe(false);
    expect(mustHaveSecondFactor(viewerOf(DEMO.resident))).toBe(false);
    setRequireAllStaff(viewerById(userIdOf(DEMO.coordinator)), true);
    expect(mustHaveSecondFactor(viewerOf(DEMO.network))).toBe(true);
    expect(mustHaveSecondFactor(viewerOf(DEMO.resident))).toBe(false);
    setRequireAllStaff(viewerById(userIdOf(DEMO.coordinator)), false);
    expect(mustHaveSecondFactor(viewerOf(DEMO.network))).toBe(false);
    expect(actions(userIdOf(DEMO.coordinator))).toContain("secondFactor.requireAllStaffChanged");
  });

  it("the guard sends a coordinator without one to enrol, except on their account page", async () => {
    const cookie = (await startSession(userIdOf(DEMO.coordinator), null)).split(";")[0];
    const context = () => ({ memo: {}, setCookies: [] as string[] }) as never;
    const at = (path: string) => requireViewer(new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), context());
    const refused = await at("/admin").catch((r: Response) => r);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).headers.get("Location")).toBe("/account?enrol=1#second-factor");
    await expect(at("/account")).resolves.toMatchObject({ id: userIdOf(DEMO.coordinator) });
  });
});

describe("codes at sign-in", () => {
  it("a TOTP code works once, a recovery code once; failures are audited and then refused", async () => {
    const now = clock.now();
    const { userId, secret, codes } = await enrolTotp(DEMO.coordinator, now);
    expect(codes).toHaveLength(10);
    // Stored hashed only.
    const stored = db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(db().select().from(secondFactors).where(eq(secondFactors.userId, userId)).get()!.secret).not.toContain(secret);

    const later = new Date(now.getTime() + 30_000);
    let pending = findPendingSignIn(pendingRequest(beginSecondFactor(userId, "/admin", later)), later)!;
    expect(pending).toMatchObject({ userId, hasTotp: true, redirectTo: "/admin" });
    // The enrolment's code is spent; the next time step's code signs in.
    expect(verifyCodeForSignIn(pending.id, "totp", codeAt(secret, now), later)).toMatchObject({ ok: false, reason: "wrongCode" });
    expect(verifyCodeForSignIn(pending.id, "totp", codeAt(secret, later), later)).toEqual({ ok: true, userId, redirectTo: "/admin" });
    // The pending sign-in is gone once used.
    expect(verifyCodeForSignIn(pending.id, "totp", codeAt(secret, later), later)).toMatchObject({ ok: false, reason: "expired" });

    pending = findPendingSignIn(pendingRequest(beginSecondFactor(userId, null, later)), later)!;
    expect(verifyCodeForSignIn(pending.id, "recovery", codes[3].toUpperCase(), later)).toMatchObject({ ok: true });
    pending = findPendingSignIn(pendingRequest(beginSecondFactor(userId, null, later)), later)!;
    expect(verifyCodeForSignIn(pending.id, "recovery", codes[3], later)).toMatchObject({ ok: false, reason: "wrongCode" });
    expect(actions(userId)).toEqual(
      expect.arrayContaining(["secondFactor.enrolled", "auth.secondFactor", "auth.recoveryCodeUsed", "auth.secondFactorFailed"]),
    );

    // The pending state expires.
    const token = beginSecondFactor(userId, null, later);
    expect(findPendingSignIn(pendingRequest(token), new Date(later.getTime() + 11 * 60_000))).toBeNull();

    // Download of one's own data: the factor without its secret, the codes without their hashes.
    const data = personalData(userId)!;
    expect(data.secondFactors).toEqual([expect.objectContaining({ kind: "totp", label: "Phone" })]);
    expect(JSON.stringify(data)).not.toContain(stored[0].codeHash);
    expect(data.recoveryCodes).toMatchObject({ unused: 9 });
  });

  it(`stops after ${SECOND_FACTOR_LIMIT.failures} wrong codes in ${SECOND_FACTOR_LIMIT.windowMinutes} minutes, even the right one`, async () => {
    const now = new Date(clock.now().getTime() + 3600_000);
    const { userId, secret } = await enrolTotp(DEMO.expert, now);
    const later = new Date(now.getTime() + 60_000);
    const pending = findPendingSignIn(pendingRequest(beginSecondFactor(userId, null, later)), later)!;
    for (let i = 0; i < SECOND_FACTOR_LIMIT.failures; i++)
      expect(verifyCodeForSignIn(pending.id, "totp", "000000" === codeAt(secret, later) ? "111111" : "000000", later)).toMatchObject({
        reason: "wrongCode",
      });
    expect(verifyCodeForSignIn(pending.id, "totp", codeAt(secret, later), later)).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    const afterWindow = new Date(later.getTime() + SECOND_FACTOR_LIMIT.windowMinutes * 60_000 + 60_000);
    const again = findPendingSignIn(pendingRequest(beginSecondFactor(userId, null, afterWindow)), afterWindow)!;
    expect(verifyCodeForSignIn(again.id, "totp", codeAt(secret, afterWindow), afterWindow)).toMatchObject({ ok: true });
  });

  it("removing the last factor takes the recovery codes; a coordinator's reset is audited", async () => {
    const userId = userIdOf(DEMO.expert);
    const factor = db()
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "totp")))
      .get()!;
    expect(removeFactor(userIdOf(DEMO.coordinator), factor.id)).toBe(false); // not someone else's
    expect(removeFactor(userId, factor.id)).toBe(true);
    expect(db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all()).toEqual([]);
    expect(actions(userId)).toContain("secondFactor.removed");
    expect(resetFactors(viewerById(userIdOf(DEMO.coordinator)), userIdOf(DEMO.coordinator))).toBe(1);
    expect(actions(userIdOf(DEMO.coordinator))).toContain("secondFactor.reset");
  });
});
