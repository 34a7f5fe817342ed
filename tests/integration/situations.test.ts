// The situation room (issue 18) on the real migrated database: who may read a situation (members,
// former members, coordinators, the steering group, outsiders) in lists, counts, search and pages;
// the log is append-only in the database; the picture keeps every version, compares any two and
// refuses a save on an older version; action reminders go once; closing ends the group and leaves
// measure proposals linked back; a confidential situation's title never reaches notifications.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  mailLog,
  measures,
  notifications,
  organisations,
  situationAccessLog,
  situationLogEntries,
  situationMeasureProposals,
  situationPictures,
} from "../../db/schema";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { deliverImmediateMail } from "~/server/mail/notifications.server";
import { runReminders } from "~/server/jobs/reminders.server";
import { can } from "~/server/people/permissions.server";
import {
  addAction,
  addLogEntry,
  closeSituation,
  comparePictures,
  countOpenSituations,
  getBriefing,
  getSituation,
  listMyActions,
  listSituations,
  openSituation,
  savePicture,
  sendBriefing,
  setActionStatus,
  situationOfMeasure,
} from "~/server/situations/situations.server";
import { diffWords } from "~/server/situations/picture-diff";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

beforeAll(seedOnce);
const DAY = 86_400_000;
const OUTSIDER = "ilkka.lahtinen@demo.lahiturva.fi";
const CHIEF = "leena.hyvarinen@demo.lahiturva.fi";

const org = (shortName: string) =>
  db().select({ id: organisations.id }).from(organisations).where(eq(organisations.shortName, shortName)).get()!.id;
const picture = (happened: string, agreed = "") => ({
  happened,
  location: "Itäkeskus",
  affected: "Nuoret",
  risks: "Väkivalta",
  resources: "Poliisipartio",
  agreed,
  nextUpdateAt: new Date(clock.ms() + DAY),
});
const notificationsOf = (situationId: number) =>
  db()
    .select({ userId: notifications.userId, kind: notifications.kind, messageKey: notifications.messageKey, params: notifications.params })
    .from(notifications)
    .where(sql`json_extract(${notifications.params}, '$.situationId') = ${situationId}`)
    .all();

function convene(title: string, publicity: "public" | "confidential") {
  const result = openSituation(viewerOf(DEMO.coordinator), {
    title,
    description: "Nuorisoryhmien välisiä yhteenottoja kauppakeskuksen ympäristössä.",
    severity: "high",
    publicity,
    legalGround: publicity === "public" ? null : "JulkL 24 § 1 mom. 5 k",
    secretUntil: publicity === "public" ? null : "2031-12-31",
    areaIds: [],
    memberIds: [userIdOf(DEMO.expert), userIdOf(DEMO.network)],
  });
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

describe("convening and reading", () => {
  let secret: number;
  let open: number;
  beforeAll(() => {
    secret = convene("Salainen tilanne Itäkeskus", "confidential");
    open = convene("Julkinen tilanne Kontula", "public");
  });

  it("only a coordinator convenes; invitees are notified and mailed at once, without a confidential title", async () => {
    expect(can(viewerOf(DEMO.coordinator), { kind: "situation.convene" })).toBe(true);
    expect(can(viewerOf(DEMO.expert), { kind: "situation.convene" })).toBe(false);
    const refused = openSituation(viewerOf(DEMO.expert), {
      title: "x",
      description: "",
      severity: "low",
      publicity: "public",
      legalGround: null,
      secretUntil: null,
      areaIds: [],
      memberIds: [],
    });
    expect(refused).toEqual({ ok: false, reason: "forbidden" });

    const invited = notificationsOf(secret);
    expect(invited.map((n) => n.userId).sort()).toEqual([userIdOf(DEMO.expert), userIdOf(DEMO.network)].sort());
    expect(invited.every((n) => n.messageKey === "situations.notify.invitedConfidential")).toBe(true);
    expect(invited.some((n) => n.params.includes("Salainen"))).toBe(false);
    expect(notificationsOf(open).every((n) => n.params.includes("Julkinen tilanne Kontula"))).toBe(true);
    await deliverImmediateMail();
    const mails = db().select().from(mailLog).all();
    expect(mails.some((m) => m.to === DEMO.expert)).toBe(true);
    expect(mails.some((m) => m.subject.includes("Salainen"))).toBe(false);
  });

  it("members and coordinators read it; outsiders never see it in lists, counts, search or pages", () => {
    for (const email of [DEMO.coordinator, DEMO.expert, DEMO.network]) {
      const v = viewerOf(email);
      expect(getSituation(v, secret)?.situation.title).toBe("Salainen tilanne Itäkeskus");
      expect(listSituations(v).open.map((s) => s.id)).toContain(secret);
    }
    for (const email of [OUTSIDER, DEMO.mayor, DEMO.resident]) {
      const v = viewerOf(email);
      expect(getSituation(v, secret)).toBeNull();
      expect(listSituations(v).open.map((s) => s.id)).not.toContain(secret);
      expect(listSituations(v, { q: "Salainen" }).closed).toEqual([]);
    }
    // The steering group sees the public situation, not the confidential one.
    expect(listSituations(viewerOf(DEMO.mayor)).open.map((s) => s.id)).toContain(open);
    expect(countOpenSituations(viewerOf(OUTSIDER))).toBe(countOpenSituations(viewerOf(DEMO.resident)));
    expect(getSituation(viewerOf(OUTSIDER), open)).toBeNull();
  });

  it("an outside organisation's member reads the situations they are in, and gets no staff rights from it", () => {
    const guard = viewerOf("vartija@demo.lahiturva.fi");
    expect(guard.memberships.length).toBeGreaterThan(0);
    expect(guard.memberships.every((m) => m.forSituation)).toBe(true);
    expect(can(guard, { kind: "situation.list" })).toBe(true);
    expect(listSituations(guard).open.length).toBeGreaterThan(0);
    // Unpublished measures (the proposals among them), staff areas and indicators stay closed.
    expect(can(guard, { kind: "measure.viewAll" })).toBe(false);
    expect(can(guard, { kind: "areas.view" })).toBe(false);
    expect(can(guard, { kind: "indicator.view" })).toBe(false);
    // A city employee in the same situation keeps the rights of their standing groups.
    expect(can(viewerOf(DEMO.expert), { kind: "measure.viewAll" })).toBe(true);
  });

  it("every read of a confidential situation is in the access log; public ones are not logged", () => {
    const before = db().select().from(situationAccessLog).where(eq(situationAccessLog.situationId, secret)).all().length;
    getSituation(viewerOf(DEMO.expert), secret);
    getSituation(viewerOf(DEMO.coordinator), open);
    const rows = db().select().from(situationAccessLog).all();
    expect(rows.filter((r) => r.situationId === secret)).toHaveLength(before + 1);
    expect(rows.filter((r) => r.situationId === open)).toHaveLength(0);
    expect(() => db().delete(situationAccessLog).run()).toThrow(/append-only/);
    // The coordinators see who read it; members do not.
    expect(getSituation(viewerOf(DEMO.coordinator), secret)!.accessLog.map((r) => r.action)).toContain("view");
    expect(getSituation(viewerOf(DEMO.expert), secret)!.accessLog).toEqual([]);
  });

  it("the log is append-only; a correction points at the old entry", () => {
    const police = viewerOf(DEMO.expert);
    const first = addLogEntry(police, secret, {
      body: "Kolme nuorta otettu kiinni.",
      sourceOrganisationId: org("Poliisi"),
      reliability: "unconfirmed",
      happenedAt: new Date(clock.ms() - 3600_000),
      areaId: null,
      documentId: null,
      correctsId: null,
    });
    expect(first.ok).toBe(true);
    const firstId = (first as { entryId: number }).entryId;
    const correction = addLogEntry(police, secret, {
      body: "Korjaus: kaksi nuorta otettu kiinni.",
      sourceOrganisationId: org("Poliisi"),
      reliability: "confirmed",
      happenedAt: new Date(clock.ms() - 3600_000),
      areaId: null,
      documentId: null,
      correctsId: firstId,
    });
    expect(correction.ok).toBe(true);
    const base = {
      sourceOrganisationId: org("Poliisi"),
      reliability: "confirmed" as const,
      happenedAt: clock.now(),
      areaId: null,
      documentId: null,
      correctsId: null,
    };
    expect(addLogEntry(police, secret, { ...base, body: "x", documentId: 999999 })).toEqual({ ok: false, reason: "document" });
    expect(addLogEntry(police, secret, { ...base, body: "x", areaId: 999999 })).toEqual({ ok: false, reason: "area" });
    expect(addLogEntry(police, secret, { ...base, body: "x", correctsId: 999999 })).toEqual({ ok: false, reason: "corrects" });
    const log = getSituation(police, secret)!.log;
    expect(log.find((e) => e.id === firstId)?.correctedBy).toBe((correction as { entryId: number }).entryId);
    expect(() => db().update(situationLogEntries).set({ body: "muutettu" }).where(eq(situationLogEntries.id, firstId)).run()).toThrow(
      /append-only/,
    );
    expect(() => db().delete(situationLogEntries).where(eq(situationLogEntries.id, firstId)).run()).toThrow(/append-only/);
    expect(
      addLogEntry(viewerOf(OUTSIDER), secret, {
        ...log[0]!,
        sourceOrganisationId: org("Poliisi"),
        areaId: null,
        documentId: null,
        correctsId: null,
        body: "x",
        happenedAt: clock.now(),
      }),
    ).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("the picture keeps every version, compares any two, and refuses a save on an older version with the newer text", () => {
    const coordinator = viewerOf(DEMO.coordinator);
    expect(savePicture(coordinator, secret, 0, picture("Yhteenotto kauppakeskuksessa."))).toEqual({ ok: true, version: 1 });
    expect(savePicture(coordinator, secret, 1, picture("Yhteenotto kauppakeskuksessa ja metroasemalla.", "Partiointi"))).toEqual({
      ok: true,
      version: 2,
    });
    const stale = savePicture(coordinator, secret, 1, picture("Vanha teksti"));
    expect(stale.ok).toBe(false);
    expect(stale).toMatchObject({
      reason: "conflict",
      current: { version: 2, happened: "Yhteenotto kauppakeskuksessa ja metroasemalla." },
    });
    expect(db().select().from(situationPictures).where(eq(situationPictures.situationId, secret)).all()).toHaveLength(2);
    expect(savePicture(viewerOf(DEMO.expert), secret, 2, picture("x"))).toEqual({ ok: false, reason: "forbidden" });

    const diff = comparePictures(coordinator, secret, 1, 2)!;
    const happened = diff.fields.find((f) => f.field === "happened")!;
    expect(happened.changed).toBe(true);
    expect(happened.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["kauppakeskuksessa ja metroasemalla."]);
    expect(happened.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["kauppakeskuksessa."]);
    expect(diff.fields.find((f) => f.field === "location")!.changed).toBe(false);
    expect(diff.fields.find((f) => f.field === "agreed")!.changed).toBe(true);
    expect(comparePictures(viewerOf(OUTSIDER), secret, 1, 2)).toBeNull();
    expect(() => db().update(situationPictures).set({ happened: "x" }).run()).toThrow(/append-only/);
    expect(diffWords("a b c", "a c d").map((p) => `${p.kind}:${p.text.trim()}`)).toEqual(["same:a", "removed:b", "same:c", "added:d"]);
  });

  it("agreed actions show in the owners' task lists, are reminded once before and after the deadline, and can be done", () => {
    const coordinator = viewerOf(DEMO.coordinator);
    const tomorrow = new Date(clock.ms() + DAY).toISOString().slice(0, 10);
    const added = addAction(coordinator, secret, {
      title: "Lisäpartiointi perjantaina",
      ownerOrganisationId: org("Poliisi"),
      responsibleUserId: userIdOf(DEMO.expert),
      deadline: tomorrow,
    });
    expect(added.ok).toBe(true);
    const actionId = (added as { actionId: number }).actionId;
    // Only a member of the group can be made responsible.
    expect(
      addAction(coordinator, secret, {
        title: "Ulkopuolisen tehtävä",
        ownerOrganisationId: org("Poliisi"),
        responsibleUserId: userIdOf(OUTSIDER),
        deadline: tomorrow,
      }),
    ).toEqual({
      ok: false,
      reason: "responsible",
    });
    const mine = listMyActions(viewerOf(DEMO.expert));
    expect(mine.map((a) => a.id)).toContain(actionId);
    expect(listMyActions(viewerOf(OUTSIDER)).map((a) => a.id)).not.toContain(actionId);

    const due = runReminders(clock.now());
    expect(due.situationActionsDueSoon).toBeGreaterThanOrEqual(1);
    expect(runReminders(clock.now()).situationActionsDueSoon).toBe(0);
    const later = new Date(clock.ms() + 3 * DAY);
    expect(runReminders(later).situationActionsOverdue).toBeGreaterThanOrEqual(1);
    expect(runReminders(later).situationActionsOverdue).toBe(0);
    const reminders = notificationsOf(secret).filter((n) => n.kind.startsWith("reminder.situation"));
    expect(reminders.map((n) => n.kind).sort()).toEqual(["reminder.situationDueSoon", "reminder.situationOverdue"]);
    expect(reminders.every((n) => n.userId === userIdOf(DEMO.expert) && !n.params.includes("Salainen"))).toBe(true);
    expect(getSituation(viewerOf(DEMO.expert), secret, later)!.actions.find((a) => a.id === actionId)!.overdue).toBe(true);

    expect(setActionStatus(viewerOf(DEMO.expert), actionId, 1, "done")).toMatchObject({ ok: true });
    expect(setActionStatus(viewerOf(DEMO.expert), actionId, 1, "open")).toEqual({ ok: false, reason: "conflict" });
    expect(listMyActions(viewerOf(DEMO.expert)).map((a) => a.id)).not.toContain(actionId);
  });

  it("a briefing is sent to the chief executive and the mayor, who may then read it; reading is recorded", () => {
    const coordinator = viewerOf(DEMO.coordinator);
    const sent = sendBriefing(coordinator, secret, [userIdOf(DEMO.mayor), userIdOf(CHIEF)]);
    expect(sent.ok).toBe(true);
    const briefingId = (sent as { briefingId: number }).briefingId;
    const mayor = viewerOf(DEMO.mayor);
    const read = getBriefing(mayor, secret, briefingId)!;
    expect(read.snapshot.picture?.version).toBe(2);
    expect(read.recipients.find((r) => r.userId === userIdOf(DEMO.mayor))?.readAt).not.toBeNull();
    expect(read.recipients.find((r) => r.userId === userIdOf(CHIEF))?.readAt).toBeNull();
    expect(getBriefing(viewerOf(OUTSIDER), secret, briefingId)).toBeNull();
    expect(
      notificationsOf(secret)
        .filter((n) => n.kind === "situation.briefing")
        .map((n) => n.messageKey),
    ).toEqual(["situations.notify.briefingConfidential", "situations.notify.briefingConfidential"]);
    expect(
      db()
        .select()
        .from(situationAccessLog)
        .where(and(eq(situationAccessLog.situationId, secret), eq(situationAccessLog.action, "briefing")))
        .all(),
    ).toHaveLength(1);
  });

  it("closing ends the group (former members lose access), leaves measure proposals linked back, and is read-only", () => {
    const coordinator = viewerOf(DEMO.coordinator);
    const closed = closeSituation(coordinator, secret, {
      afterAction: "Yhteistyö toimi; partiointia jatketaan.",
      proposals: [
        { title: "Kauppakeskusten turvallisuusyhteistyön malli", description: "Pysyvä yhteistyö.", ownerOrganisationId: org("Poliisi") },
      ],
    });
    expect(closed.ok).toBe(true);
    const [measureId] = (closed as { measureIds: number[] }).measureIds;
    const measure = db().select().from(measures).where(eq(measures.id, measureId!)).get()!;
    expect(measure.status).toBe("proposed");
    expect(measure.code).toBe(`T${secret}.1`);
    expect(
      db().select().from(situationMeasureProposals).where(eq(situationMeasureProposals.measureId, measureId!)).get()?.situationId,
    ).toBe(secret);
    expect(situationOfMeasure(coordinator, measureId!)?.id).toBe(secret);
    expect(situationOfMeasure(viewerOf(OUTSIDER), measureId!)).toBeNull();

    // Former members: no page, no list, no search.
    expect(getSituation(viewerOf(DEMO.expert), secret)).toBeNull();
    expect(listSituations(viewerOf(DEMO.expert), { q: "Salainen" }).closed).toEqual([]);
    // Coordinators find it among the closed ones, read-only.
    const found = listSituations(coordinator, { q: "partiointia" }).closed.map((s) => s.id);
    expect(found).toContain(secret);
    const page = getSituation(coordinator, secret)!;
    expect(page.situation.status).toBe("closed");
    expect(page.canLog || page.canManage || page.canUpdateActions).toBe(false);
    expect(page.members.every((m) => !m.current)).toBe(true);
    expect(savePicture(coordinator, secret, 2, picture("x"))).toEqual({ ok: false, reason: "closed" });
    // The mayor was briefed: the record stays readable to them.
    expect(getSituation(viewerOf(DEMO.mayor), secret)?.situation.status).toBe("closed");
  });
});
