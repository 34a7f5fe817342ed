// Signing in, registering, invitations and sessions against a real migrated database.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  auditLog,
  followUps,
  groups,
  neighbourhoodPlans,
  organisations,
  planAuthors,
  planComments,
  sessions,
  users,
} from "../../db/schema";
import {
  acceptInvitation,
  createInvitation,
  deleteOwnAccount,
  findOpenInvitation,
  mayDeleteOwnAccount,
  registerResident,
  signIn,
} from "~/server/people/accounts.server";
import { addCoauthor, addComment, createNeighbourhoodPlan } from "~/server/neighbourhood/neighbourhood.server";
import { endAllSessions, hashSessionId, readSession, startSession } from "~/server/people/auth.server";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { setUserDisabled } from "~/server/people/directory.server";
import { exportPersonalData, personalData } from "~/server/people/personal-data.server";
import Database from "better-sqlite3";
import { LOGIN_LIMITS } from "~/server/people/rate-limit.server";
import { loadViewer, viewerById } from "~/server/people/viewer.server";
import { DEMO, DEMO_PASSWORD, seedOnce, userIdOf } from "./fixtures";

beforeAll(seedOnce);

const cookieRequest = (setCookie: string) => new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } });

describe("signing in", () => {
  it("accepts the right password (any letter case in the email) and writes the audit log", async () => {
    const result = await signIn("Pormestari@Demo.Lahiturva.fi", DEMO_PASSWORD, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, userId: userIdOf(DEMO.mayor) });
    const entries = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, userIdOf(DEMO.mayor)))
      .all();
    expect(entries.map((e) => e.action)).toContain("auth.signIn");
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    expect(await signIn(DEMO.mayor, "wrong password", "10.0.0.2")).toEqual({ ok: false, reason: "invalidCredentials" });
    expect(await signIn("nobody@example.fi", "whatever", "10.0.0.2")).toEqual({ ok: false, reason: "invalidCredentials" });
  });

  it("locks an account after repeated failures, even with the right password, and per address", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await signIn(DEMO.network, "nope", `10.1.0.${i}`);
    const blocked = await signIn(DEMO.network, DEMO_PASSWORD, "10.1.1.1");
    expect(blocked).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await signIn(`someone${i}@example.fi`, "nope", "10.9.9.9");
    expect(await signIn(DEMO.expert, DEMO_PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    expect(await signIn(DEMO.expert, DEMO_PASSWORD, "10.9.9.10")).toMatchObject({ ok: true });
  });

  it("keeps its counters in the database, so a restarted server still refuses (finding 1)", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await signIn(DEMO.coordinator, "nope", "10.2.0.1");
    // Another connection (as a restarted process would open) sees the count.
    const other = new Database(process.env.DATABASE_PATH!, { readonly: true });
    const row = other.prepare("select count from login_attempts where key = ?").get(`account:${DEMO.coordinator}`) as { count: number };
    other.close();
    expect(row.count).toBe(LOGIN_LIMITS.perAccount);
    expect(await signIn(DEMO.coordinator, DEMO_PASSWORD, "10.2.0.2")).toMatchObject({ ok: false, reason: "tooManyAttempts" });
    // The window passes: the account may try again.
    clock.set(new Date(clock.ms() + 16 * 60_000));
    try {
      expect(await signIn(DEMO.coordinator, DEMO_PASSWORD, "10.2.0.2")).toMatchObject({ ok: true });
    } finally {
      clock.set(new Date(clock.ms() - 16 * 60_000));
    }
  });

  it("counts attempts sent all at once before any password is checked (finding 2)", async () => {
    const email = DEMO.expert;
    // 50 at once from one address: only the first 5 reach a password check; the right one, sent
    // last, is refused with the rest.
    const attempts = Array.from({ length: 50 }, (_, i) => signIn(email, i === 49 ? DEMO_PASSWORD : `wrong-${i}`, "10.3.0.1"));
    const results = await Promise.all(attempts);
    expect(results.filter((r) => !r.ok && r.reason === "invalidCredentials")).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(results.filter((r) => !r.ok && r.reason === "tooManyAttempts")).toHaveLength(50 - LOGIN_LIMITS.perAccount);
    expect(results.some((r) => r.ok)).toBe(false);
    // Many accounts from one address: the address limit holds under concurrency too.
    const spread = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`nobody${i}@example.fi`, "x", "10.3.0.2")));
    expect(spread.filter((r) => !r.ok && r.reason === "invalidCredentials")).toHaveLength(LOGIN_LIMITS.perAddress);
  });
});

describe("residents register themselves", () => {
  it("creates the account with a home area and refuses a taken email", async () => {
    const areaId = loadViewer(userIdOf(DEMO.resident))!.residentAreaIds[0];
    const created = await registerResident({
      name: "Pekka Puupää",
      email: "Pekka@Example.fi",
      password: "hyvä pitkä salasana",
      areaId,
      locale: "sv",
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const viewer = loadViewer(created.userId)!;
    expect(viewer).toMatchObject({ email: "pekka@example.fi", locale: "sv", residentAreaIds: [areaId], memberships: [] });
    expect(
      await registerResident({ name: "Toinen", email: "pekka@example.fi", password: "hyvä pitkä salasana", areaId, locale: "fi" }),
    ).toEqual({
      ok: false,
      field: "email",
      reason: "auth.emailTaken",
    });
    expect(
      await registerResident({ name: "Kolmas", email: "kolmas@example.fi", password: "hyvä pitkä salasana", areaId: 999999, locale: "fi" }),
    ).toMatchObject({ ok: false, field: "areaId" });
  });
});

describe("staff invitations", () => {
  it("are single-use, expire, and create the membership with its organisation", async () => {
    const expertGroup = db().select().from(groups).where(eq(groups.kind, "expert")).get()!;
    const org = db().select().from(organisations).get()!;
    const now = clock.now();
    const invite = createInvitation({
      email: "uusi@example.fi",
      name: "Uusi Asiantuntija",
      groupId: expertGroup.id,
      organisationId: org.id,
      position: "member",
      invitedBy: userIdOf(DEMO.coordinator),
      now,
    });
    expect(invite.url).toContain(`/invite/${invite.token}`);
    expect(findOpenInvitation(invite.token)).not.toBeNull();
    expect(findOpenInvitation(invite.token, new Date(invite.expiresAt.getTime() + 1000))).toBeNull();
    const accepted = await acceptInvitation(invite.token, "oma uusi salasana", "fi");
    expect(accepted).not.toBeNull();
    const viewer = loadViewer(accepted!.userId)!;
    expect(viewer.memberships).toEqual([
      { groupId: expertGroup.id, groupKind: "expert", organisationId: org.id, position: "member", forSituation: false },
    ]);
    expect(await acceptInvitation(invite.token, "toinen salasana", "fi")).toBeNull();
    expect(await signIn("uusi@example.fi", "oma uusi salasana", "10.2.0.1")).toMatchObject({ ok: true });
    expect(await acceptInvitation("made-up-token", "whatever salasana", "fi")).toBeNull();
  });
});

describe("sessions", () => {
  it("a fresh session is readable; sign-out-everywhere ends all of a user's sessions", async () => {
    const userId = userIdOf(DEMO.coordinator);
    const a = await startSession(userId, "test A");
    const b = await startSession(userId, "test B");
    expect(a.split(";")[0]).not.toBe(b.split(";")[0]);
    expect(a).toMatch(/HttpOnly/i);
    expect(a).toMatch(/SameSite=Lax/i);
    expect((await readSession(cookieRequest(a))).userId).toBe(userId);
    await endAllSessions(userId);
    expect((await readSession(cookieRequest(a))).userId).toBeNull();
    expect((await readSession(cookieRequest(b))).userId).toBeNull();
  });

  it("ends a session past its absolute lifetime even while it is being used", async () => {
    const userId = userIdOf(DEMO.mayor);
    const cookie = await startSession(userId, null);
    const id = hashSessionId(cookie.split(";")[0].split("=")[1]);
    db()
      .update(sessions)
      .set({ createdAt: clock.seconds() - 8 * 24 * 3600 })
      .where(eq(sessions.id, id))
      .run();
    const check = await readSession(cookieRequest(cookie));
    expect(check.userId).toBeNull();
    expect(check.setCookie).toMatch(/Max-Age=0/i);
    expect(db().select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("ends a session that has been idle too long", async () => {
    const userId = userIdOf(DEMO.mayor);
    const cookie = await startSession(userId, null);
    const id = hashSessionId(cookie.split(";")[0].split("=")[1]);
    db()
      .update(sessions)
      .set({ expiresAt: clock.seconds() - 1 })
      .where(eq(sessions.id, id))
      .run();
    expect((await readSession(cookieRequest(cookie))).userId).toBeNull();
  });

  it("disabling a user ends their sessions and blocks sign-in", async () => {
    const userId = userIdOf(DEMO.resident);
    const cookie = await startSession(userId, null);
    setUserDisabled(viewerById(userIdOf(DEMO.coordinator)), userId, true);
    expect((await readSession(cookieRequest(cookie))).userId).toBeNull();
    expect(await signIn(DEMO.resident, DEMO_PASSWORD, "10.3.0.1")).toEqual({ ok: false, reason: "invalidCredentials" });
    setUserDisabled(viewerById(userIdOf(DEMO.coordinator)), userId, false);
    expect(await signIn(DEMO.resident, DEMO_PASSWORD, "10.3.0.1")).toMatchObject({ ok: true });
  });
});

describe("a person's own data", () => {
  it("holds what they wrote and did, never their password hash, session ids or others' words, and the download is logged", async () => {
    const expertId = userIdOf(DEMO.expert);
    await startSession(expertId, "Testiselain/1.0");
    const stored = db().select().from(users).where(eq(users.id, expertId)).get()!;
    const sessionIds = db()
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, expertId))
      .all()
      .map((s) => s.id);
    const data = exportPersonalData(expertId)!;
    const text = JSON.stringify(data);

    expect(data.profile).toMatchObject({ id: expertId, email: DEMO.expert, name: stored.name });
    expect(text).not.toContain(stored.passwordHash!);
    expect(Object.keys(data.profile)).not.toContain("passwordHash");
    for (const id of sessionIds) expect(text).not.toContain(id);
    expect(data.sessions.some((s) => s.userAgent === "Testiselain/1.0")).toBe(true);
    expect(data.memberships.some((m) => m.groupKind === "expert")).toBe(true);

    const reported = db().select({ id: followUps.id }).from(followUps).where(eq(followUps.reportedById, expertId)).all();
    expect(reported.length).toBeGreaterThan(0);
    expect(data.followUpsReported).toHaveLength(reported.length);
    const comments = db().select({ authorId: planComments.authorId }).from(planComments).all();
    expect(data.planComments).toHaveLength(comments.filter((c) => c.authorId === expertId).length);
    expect(data.planComments.every((c) => c.authorId === expertId)).toBe(true);

    const logged = db().select().from(auditLog).where(eq(auditLog.action, "account.dataExported")).all();
    expect(logged.at(-1)).toMatchObject({ actorId: expertId, targetId: expertId });
    expect(personalData("no-such-user")).toBeNull();
  });

  it("a resident's export lists their plans with their role, and their comments", () => {
    const residentId = userIdOf(DEMO.resident);
    const data = personalData(residentId)!;
    const authored = db().select({ planId: planAuthors.planId }).from(planAuthors).where(eq(planAuthors.userId, residentId)).all();
    expect(authored.length).toBeGreaterThan(0);
    expect(data.neighbourhoodPlans.map((p) => p.id).sort()).toEqual(authored.map((a) => a.planId).sort());
    expect(data.residencies.length).toBeGreaterThan(0);
  });
});

describe("a resident deleting their own account", () => {
  it("takes the person, their sessions, comments and solo unpublished plans; shared and published plans stay without them", async () => {
    const area = db().select({ id: areas.id }).from(areas).where(eq(areas.level, "district")).get()!.id;
    const stamp = clock.ms().toString(36);
    const a = await registerResident({
      name: "Poistuva Asukas",
      email: `poistuva.${stamp}@example.fi`,
      password: "pitkä ja hyvä salasana",
      areaId: area,
      locale: "fi",
    });
    const b = await registerResident({
      name: "Jäävä Asukas",
      email: `jaava.${stamp}@example.fi`,
      password: "pitkä ja hyvä salasana",
      areaId: area,
      locale: "fi",
    });
    if (!a.ok || !b.ok) throw new Error("registration failed");
    await startSession(a.userId, "vitest");
    const solo = createNeighbourhoodPlan(viewerById(a.userId), area, "Oma luonnos");
    const shared = createNeighbourhoodPlan(viewerById(a.userId), area, "Yhteinen suunnitelma");
    expect(addCoauthor(viewerById(a.userId), shared, `jaava.${stamp}@example.fi`)).toMatchObject({ ok: true });
    const published = createNeighbourhoodPlan(viewerById(a.userId), area, "Julkaistu suunnitelma");
    db().update(neighbourhoodPlans).set({ status: "published" }).where(eq(neighbourhoodPlans.id, published)).run();
    const comment = addComment(viewerById(a.userId), published, "Hyvä suunnitelma, kiitos!");

    expect(mayDeleteOwnAccount(a.userId)).toBe(true);
    expect(await deleteOwnAccount(a.userId, "väärä salasana")).toEqual({ ok: false, reason: "wrongPassword" });
    expect(await deleteOwnAccount(a.userId, "pitkä ja hyvä salasana")).toEqual({ ok: true });

    expect(db().select().from(users).where(eq(users.id, a.userId)).get()).toBeUndefined();
    expect(db().select().from(sessions).where(eq(sessions.userId, a.userId)).all()).toEqual([]);
    expect(db().select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, solo)).get()).toBeUndefined();
    expect(db().select({ userId: planAuthors.userId }).from(planAuthors).where(eq(planAuthors.planId, shared)).all()).toEqual([
      { userId: b.userId },
    ]);
    expect(db().select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, published)).get()).toMatchObject({
      status: "published",
      createdById: null,
    });
    expect(db().select().from(planComments).where(eq(planComments.id, comment)).get()).toBeUndefined();
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "account.deleted"), eq(auditLog.targetId, a.userId)))
        .get(),
    ).toMatchObject({ actorId: null });
    expect(await signIn(`poistuva.${stamp}@example.fi`, "pitkä ja hyvä salasana", "10.9.0.1")).toEqual({
      ok: false,
      reason: "invalidCredentials",
    });
  });

  it("is not open to anyone who has held a role: their records are the city's", async () => {
    const expertId = userIdOf(DEMO.expert);
    expect(mayDeleteOwnAccount(expertId)).toBe(false);
    expect(await deleteOwnAccount(expertId, DEMO_PASSWORD)).toEqual({ ok: false, reason: "staff" });
    expect(db().select({ id: users.id }).from(users).where(eq(users.id, expertId)).get()).toBeDefined();
  });
});
