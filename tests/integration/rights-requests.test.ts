// The data subject's requests on the real migrated database and the test clock: sending (due one
// month later, the coordinators notified and mailed in their own language), the coordinators' list,
// answering once (a second answer is refused, not written), the reminders a week before and after
// the due date (once each), the data download, and the routes' guards.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailLog, notifications, remindersSent, rightsRequests, users } from "../../db/schema";
import { startSession } from "~/server/people/auth.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { deliverImmediateMail } from "~/server/mail/notifications.server";
import { can } from "~/server/people/permissions.server";
import { personalData } from "~/server/people/personal-data.server";
import { runReminders } from "~/server/jobs/reminders.server";
import {
  answerRightsRequest,
  dueDateFor,
  getRightsRequest,
  listOwnRightsRequests,
  listRightsRequests,
  openRightsRequestCounts,
  RIGHTS_REMINDER_DAYS,
  sendRightsRequest,
} from "~/server/people/rights-requests.server";
import { listCurrentMemberIdsOfKind } from "~/server/workspaces/workspace-members.server";
import { TEST_NOW } from "../setup/test-now";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

beforeAll(seedOnce);
const DAY = 86_400_000;

const notificationsAbout = (requestId: number, kind?: string) =>
  db()
    .select({ userId: notifications.userId, kind: notifications.kind, messageKey: notifications.messageKey })
    .from(notifications)
    .where(and(sql`json_extract(${notifications.params}, '$.requestId') = ${requestId}`, kind ? eq(notifications.kind, kind) : undefined))
    .all();
const coordinators = () => listCurrentMemberIdsOfKind("coordinators").sort();

describe("the due date", () => {
  it("is one calendar month after receipt on Helsinki clocks, the month's last day when it is shorter", () => {
    expect(dueDateFor(new Date("2026-11-23T10:00:00Z")).toISOString()).toBe("2026-12-23T10:00:00.000Z");
    expect(dueDateFor(new Date("2026-11-23T10:00:42.123Z")).toISOString()).toBe("2026-12-23T10:00:42.123Z");
    // 31 January → 28 February; a year's end; a Helsinki date that is still the day before in UTC.
    expect(dueDateFor(new Date("2027-01-31T12:00:00Z")).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(dueDateFor(new Date("2026-12-15T08:00:00Z")).toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(dueDateFor(new Date("2026-12-31T22:30:00Z")).toISOString()).toBe("2027-01-31T22:30:00.000Z"); // 1 Jan 00:30 → 1 Feb 00:30
    // Across the spring clock change the Helsinki wall-clock time stays (12:00 EET → 12:00 EEST).
    expect(dueDateFor(new Date("2027-03-15T10:00:00Z")).toISOString()).toBe("2027-04-15T09:00:00.000Z");
  });
});

describe("sending a request", () => {
  it("stores it for the sender with the due date one month after receipt, audited, and tells every coordinator", async () => {
    const resident = viewerOf(DEMO.resident);
    const now = clock.now();
    const sent = sendRightsRequest(
      resident,
      { kind: "rectification", body: "  Osoitteeni on väärin: asun Linjoilla, en Harjussa.  " },
      now,
    );
    expect(sent.dueAt.getTime()).toBe(dueDateFor(now).getTime());
    expect(sent.dueAt.toISOString().slice(0, 10)).toBe(new Date(TEST_NOW.getTime() + 30 * DAY).toISOString().slice(0, 10)); // 23.11. → 23.12.

    const row = db().select().from(rightsRequests).where(eq(rightsRequests.id, sent.id)).get()!;
    expect(row).toMatchObject({
      userId: resident.id,
      kind: "rectification",
      body: "Osoitteeni on väärin: asun Linjoilla, en Harjussa.",
      status: "open",
      answer: null,
      answeredById: null,
      answeredAt: null,
    });
    expect(row.createdAt.getTime()).toBe(now.getTime());
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "rightsRequest.sent"), eq(auditLog.targetId, String(sent.id))))
        .all(),
    ).toHaveLength(1);

    const told = notificationsAbout(sent.id, "rightsRequest.received");
    expect(told.map((n) => n.userId).sort()).toEqual(coordinators());
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.messageKey === "rights.notify.rectificationReceived")).toBe(true);
    expect(listOwnRightsRequests(resident.id).map((r) => r.id)).toContain(sent.id);
  });

  it("mails each coordinator in their own language", async () => {
    const coordinatorId = userIdOf(DEMO.coordinator);
    db().update(users).set({ locale: "sv" }).where(eq(users.id, coordinatorId)).run();
    const now = clock.now();
    const sent = sendRightsRequest(
      viewerOf(DEMO.resident),
      { kind: "objection", body: "En halua, että nimeni näkyy alueen suunnitelmassa." },
      now,
    );
    await deliverImmediateMail(now);
    const mails = db().select({ to: mailLog.to, subject: mailLog.subject }).from(mailLog).where(eq(mailLog.to, DEMO.coordinator)).all();
    const name = viewerOf(DEMO.resident).name;
    expect(mails.some((m) => m.subject.includes(`${name} har invänt mot behandlingen`))).toBe(true);
    db().update(users).set({ locale: "fi" }).where(eq(users.id, coordinatorId)).run();
    expect(notificationsAbout(sent.id, "rightsRequest.received").every((n) => n.messageKey === "rights.notify.objectionReceived")).toBe(
      true,
    );
  });
});

describe("the coordinators' list and answering", () => {
  let overdueId: number;
  let soonId: number;
  let laterId: number;

  beforeAll(() => {
    const resident = viewerOf(DEMO.resident);
    const network = viewerOf(DEMO.network);
    const now = clock.ms();
    overdueId = sendRightsRequest(
      network,
      { kind: "objection", body: "Vastustan sähköpostiosoitteeni käyttöä." },
      new Date(now - 40 * DAY),
    ).id;
    soonId = sendRightsRequest(resident, { kind: "rectification", body: "Puhelinnumeroni on vanha." }, new Date(now - 26 * DAY)).id;
    laterId = sendRightsRequest(
      resident,
      { kind: "rectification", body: "Tehtävänimikkeeni on väärin kirjoitettu." },
      new Date(now + 1000),
    ).id;
  });

  it("lists open requests first by due date, with the requester and an overdue flag", () => {
    const { rows } = listRightsRequests({ status: "open" });
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(overdueId)).toBeLessThan(ids.indexOf(soonId));
    expect(ids.indexOf(soonId)).toBeLessThan(ids.indexOf(laterId));
    expect(rows.every((r, i) => i === 0 || rows[i - 1].dueAt.getTime() <= r.dueAt.getTime())).toBe(true);
    const overdue = rows.find((r) => r.id === overdueId)!;
    expect(overdue).toMatchObject({
      overdue: true,
      dueSoon: false,
      requesterName: viewerOf(DEMO.network).name,
      requesterEmail: DEMO.network,
    });
    expect(rows.find((r) => r.id === soonId)).toMatchObject({ overdue: false, dueSoon: true });
    expect(rows.find((r) => r.id === laterId)).toMatchObject({ overdue: false, dueSoon: false });
    expect(openRightsRequestCounts().overdue).toBeGreaterThanOrEqual(1);
  });

  it("a coordinator answers: the answer, who and when are written, audited, and the requester is told", () => {
    const coordinator = viewerOf(DEMO.coordinator);
    const now = clock.now();
    expect(answerRightsRequest(coordinator, soonId, "  Korjasimme puhelinnumerosi.  ", now)).toEqual({ ok: true });
    const row = getRightsRequest(soonId)!;
    expect(row).toMatchObject({
      status: "answered",
      answer: "Korjasimme puhelinnumerosi.",
      answeredByName: coordinator.name,
      overdue: false,
    });
    expect(row.answeredAt?.getTime()).toBe(now.getTime());
    expect(db().select().from(rightsRequests).where(eq(rightsRequests.id, soonId)).get()!.answeredById).toBe(coordinator.id);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "rightsRequest.answered"), eq(auditLog.targetId, String(soonId))))
        .all(),
    ).toHaveLength(1);
    expect(notificationsAbout(soonId, "rightsRequest.answered")).toEqual([
      { userId: userIdOf(DEMO.resident), kind: "rightsRequest.answered", messageKey: "rights.notify.answered" },
    ]);
    // The person sees the answer among their own requests.
    expect(listOwnRightsRequests(userIdOf(DEMO.resident)).find((r) => r.id === soonId)).toMatchObject({
      status: "answered",
      answer: "Korjasimme puhelinnumerosi.",
    });

    // Answered requests come after every open one.
    const all = listRightsRequests({ status: "all" }).rows;
    const firstAnswered = all.findIndex((r) => r.status === "answered");
    expect(all.slice(firstAnswered).every((r) => r.status === "answered")).toBe(true);
    expect(listRightsRequests({ status: "answered" }).rows.map((r) => r.id)).toEqual([soonId]);
  });

  it("a second answer (another coordinator at the same moment) is refused and the first stays", () => {
    const other = viewerOf(DEMO.coordinator);
    expect(answerRightsRequest(other, soonId, "Toinen vastaus, joka ei saa jäädä.")).toEqual({ ok: false, reason: "alreadyAnswered" });
    expect(getRightsRequest(soonId)!.answer).toBe("Korjasimme puhelinnumerosi.");
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "rightsRequest.answered"), eq(auditLog.targetId, String(soonId))))
        .all(),
    ).toHaveLength(1);
    expect(notificationsAbout(soonId, "rightsRequest.answered")).toHaveLength(1);
    expect(answerRightsRequest(other, 999_999, "Ei ole tällaista pyyntöä.")).toEqual({ ok: false, reason: "notFound" });
  });

  it("nobody but a coordinator may answer or see the list", () => {
    for (const email of [DEMO.resident, DEMO.network, DEMO.expert, DEMO.mayor]) {
      const viewer = viewerOf(email);
      expect(can(viewer, { kind: "rightsRequest.handle" })).toBe(false);
      expect(can(viewer, { kind: "rightsRequest.send" })).toBe(true);
      expect(answerRightsRequest(viewer, laterId, "Yritän vastata omaan pyyntööni.")).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(can(null, { kind: "rightsRequest.send" })).toBe(false);
    expect(getRightsRequest(laterId)!.status).toBe("open");
  });
});

describe("the deadline reminder", () => {
  it("reminds every coordinator a week before the due date and after it, once per stage, not for answered requests", () => {
    const sentAt = new Date(clock.ms() + 2 * DAY);
    const { id, dueAt } = sendRightsRequest(
      viewerOf(DEMO.resident),
      { kind: "objection", body: "Vastustan tietojeni käyttöä tilastoinnissa." },
      sentAt,
    );
    const answered = sendRightsRequest(viewerOf(DEMO.resident), { kind: "rectification", body: "Nimeni on kirjoitettu väärin." }, sentAt);
    expect(answerRightsRequest(viewerOf(DEMO.coordinator), answered.id, "Nimesi on korjattu.", sentAt)).toEqual({ ok: true });
    const due = dueAt.getTime();
    const expected = coordinators().length;

    // Eight days before: nothing yet.
    runReminders(new Date(due - (RIGHTS_REMINDER_DAYS + 1) * DAY));
    expect(notificationsAbout(id, "reminder.rightsDueSoon")).toEqual([]);

    // Six days before: every coordinator, once.
    const soon = new Date(due - 6 * DAY);
    expect(runReminders(soon).rightsDueSoon).toBeGreaterThanOrEqual(expected);
    expect(
      notificationsAbout(id, "reminder.rightsDueSoon")
        .map((n) => n.userId)
        .sort(),
    ).toEqual(coordinators());
    expect(runReminders(soon).rightsDueSoon).toBe(0);
    expect(runReminders(new Date(due - DAY)).rightsDueSoon).toBe(0);
    expect(notificationsAbout(id, "reminder.rightsDueSoon")).toHaveLength(expected);

    // Past the due date: the overdue reminder, once.
    const late = new Date(due + DAY);
    expect(runReminders(late).rightsOverdue).toBeGreaterThanOrEqual(expected);
    expect(
      notificationsAbout(id, "reminder.rightsOverdue")
        .map((n) => n.userId)
        .sort(),
    ).toEqual(coordinators());
    expect(runReminders(late).rightsOverdue).toBe(0);
    expect(runReminders(new Date(due + 5 * DAY)).rightsOverdue).toBe(0);
    expect(notificationsAbout(id, "reminder.rightsOverdue")).toHaveLength(expected);
    expect(
      db()
        .select()
        .from(remindersSent)
        .where(sql`${remindersSent.key} like ${`rights:${id}:%`}`)
        .all(),
    ).toHaveLength(2 * expected);

    // The answered request was never reminded of.
    expect(notificationsAbout(answered.id).filter((n) => n.kind.startsWith("reminder."))).toEqual([]);
  });
});

describe("the data download", () => {
  it("contains the person's requests and the answers", () => {
    const residentId = userIdOf(DEMO.resident);
    const data = personalData(residentId)!;
    const own = db().select({ id: rightsRequests.id }).from(rightsRequests).where(eq(rightsRequests.userId, residentId)).all();
    expect(data.rightsRequests.map((r) => r.id).sort()).toEqual(own.map((r) => r.id).sort());
    expect(data.rightsRequests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "rectification",
          body: "Puhelinnumeroni on vanha.",
          status: "answered",
          answer: "Korjasimme puhelinnumerosi.",
        }),
      ]),
    );
    // Only the person's own: the network member's objection is not in the resident's file.
    expect(JSON.stringify(data)).not.toContain("Vastustan sähköpostiosoitteeni käyttöä.");
    // The coordinator's file lists what they answered, without the requesters' words.
    const coordinatorData = personalData(userIdOf(DEMO.coordinator))!;
    expect(coordinatorData.rightsRequestsAnswered.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(coordinatorData.rightsRequestsAnswered)).not.toContain("Puhelinnumeroni");
  });
});

describe("the routes", () => {
  const context = () => ({ nonce: "n", clientIp: "10.0.0.1", memo: {}, setCookies: [] as string[] });
  const cookieOf = async (email: string) => (await startSession(userIdOf(email), "vitest")).split(";")[0]!;
  const settle = (p: Promise<unknown>) =>
    p.then(
      (r) => r as Response,
      (r: unknown) => r as Response,
    );

  it("the account form keeps the words typed on a validation error and refuses anonymous senders", async () => {
    const { action } = await import("~/routes/account");
    const post = (body: URLSearchParams, cookie?: string) =>
      settle(
        action({
          request: new Request("http://localhost/account", {
            method: "POST",
            body,
            headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
          }),
          context: context(),
          params: {},
        }),
      );
    const cookie = await cookieOf(DEMO.resident);
    const before = db().select({ n: sql<number>`count(*)` }).from(rightsRequests).get()!.n;

    const short = await post(new URLSearchParams({ intent: "rightsRequest", kind: "rectification", body: "Liian" }), cookie);
    expect(short.status).toBe(400);
    const reply = (await short.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(reply.result.error.body).toEqual(['validation.tooShort|{"min":10}']);
    expect(reply.result.initialValue).toMatchObject({ kind: "rectification", body: "Liian" });

    const badKind = await post(
      new URLSearchParams({ intent: "rightsRequest", kind: "erasure", body: "Poistakaa kaikki tietoni heti." }),
      cookie,
    );
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { result: { error: Record<string, string[]> } }).result.error.kind).toEqual(["validation.choose"]);

    const tooLong = await post(new URLSearchParams({ intent: "rightsRequest", kind: "objection", body: "x".repeat(4001) }), cookie);
    expect(tooLong.status).toBe(400);

    const anonymous = await post(
      new URLSearchParams({ intent: "rightsRequest", kind: "objection", body: "Vastustan käsittelyä kokonaan." }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(db().select({ n: sql<number>`count(*)` }).from(rightsRequests).get()!.n).toBe(before);

    const ok = await post(
      new URLSearchParams({ intent: "rightsRequest", kind: "objection", body: "Vastustan tietojeni käsittelyä markkinointiin." }),
      cookie,
    );
    expect(ok.status).toBe(302);
    const newest = db()
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.userId, userIdOf(DEMO.resident)))
      .orderBy(sql`${rightsRequests.id} desc`)
      .get()!;
    expect(newest).toMatchObject({ kind: "objection", body: "Vastustan tietojeni käsittelyä markkinointiin.", status: "open" });
    expect(ok.headers.get("Location")).toBe(`/account?rightsRequest=${newest.id}#rights-requests`);
  });

  it("the coordinators' pages: 403 for anyone else, 404 for a missing request, 409 for a second answer", async () => {
    const list = await import("~/routes/admin.rights-requests._index");
    const detail = await import("~/routes/admin.rights-requests.$requestId");
    const resident = await cookieOf(DEMO.resident);
    const coordinator = await cookieOf(DEMO.coordinator);
    const get = (mod: typeof list | typeof detail, path: string, cookie: string, params: Record<string, string> = {}) =>
      settle(mod.loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), context: context(), params }));

    expect((await get(list, "/admin/rights-requests", resident)).status).toBe(403);
    expect((await get(list, "/admin/rights-requests?status=bogus&page=abc", coordinator)).status).toBe(200);
    const { id } = sendRightsRequest(viewerOf(DEMO.resident), { kind: "rectification", body: "Sähköpostiosoitteeni on vaihtunut." });
    expect((await get(detail, `/admin/rights-requests/${id}`, resident, { requestId: String(id) })).status).toBe(403);
    const page = await get(detail, `/admin/rights-requests/${id}`, coordinator, { requestId: String(id) });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { request: { requesterEmail: string } }).request.requesterEmail).toBe(DEMO.resident);
    expect((await get(detail, "/admin/rights-requests/999999", coordinator, { requestId: "999999" })).status).toBe(404);
    expect((await get(detail, "/admin/rights-requests/abc", coordinator, { requestId: "abc" })).status).toBe(404);

    const answer = (cookie: string, requestId: string, text: string) =>
      settle(
        detail.action({
          request: new Request(`http://localhost/admin/rights-requests/${requestId}`, {
            method: "POST",
            body: new URLSearchParams({ intent: "answer", answer: text }),
            headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          }),
          context: context(),
          params: { requestId },
        }),
      );
    expect((await answer(resident, String(id), "Vastaan itse omaan pyyntööni.")).status).toBe(403);
    expect((await answer(coordinator, "999999", "Vastaus pyyntöön, jota ei ole.")).status).toBe(404);
    expect((await answer(coordinator, String(id), "Lyhyt")).status).toBe(400);
    expect((await answer(coordinator, String(id), "Päivitimme sähköpostiosoitteesi.")).status).toBe(200);
    const second = await answer(coordinator, String(id), "Toinen vastaus samaan aikaan.");
    expect(second.status).toBe(409);
    const body = (await second.json()) as { result: { error: Record<string, string[]> }; refusedAnswer: string };
    expect(body.result.error[""]).toEqual(["rights.admin.alreadyAnswered"]);
    expect(body.refusedAnswer).toBe("Toinen vastaus samaan aikaan.");
    expect(getRightsRequest(id)!.answer).toBe("Päivitimme sähköpostiosoitteesi.");
  });
});
