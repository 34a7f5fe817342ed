// Residents' e-consultations (issue 16) on a real database: once per person, frozen questions after
// the first answer, the exact closing time (on the app's clock), the area breakdown against a
// direct SQL count, anonymity of every results view, moderation, deleted accounts, the person's own
// data, notifications and the steering group's decision and status review.
import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, consultationResponses, notifications, users } from "../../db/schema";
import { answerSchema, answersFromForm, MIN_PUBLIC_GROUP, SMALL_AREAS, type AnswerQuestion } from "~/forms/consultations";
import { currentPlan, listPriorityAreas } from "~/server/city/plans.server";
import { ownAnswer, submitAnswer } from "~/server/consultations/answers.server";
import {
  addQuestion,
  closeConsultation,
  consultationQuestionList,
  createConsultation,
  decisionsCiting,
  getConsultation,
  removeQuestion,
  rewordQuestion,
  runConsultationNotices,
  setSubscription,
  updateConsultation,
} from "~/server/consultations/consultations.server";
import {
  consultationResults,
  consultationResultsFor,
  moderateAnswer,
  moderationQueue,
  protectSmallGroups,
  resultRows,
} from "~/server/consultations/results.server";
import { deleteOwnAccount } from "~/server/people/accounts.server";
import { personalData } from "~/server/people/personal-data.server";
import { clock } from "~/server/platform/clock";
import { config } from "~/server/platform/config.server";
import { db } from "~/server/platform/db.server";
import { helsinkiParts } from "~/server/platform/helsinki-time";
import { getReview, recordDecision, sendReview, startReview } from "~/server/steering/reviews.server";
import { DEMO, DEMO_PASSWORD, seedOnce, userIdOf, viewerOf } from "./fixtures";

const SOFIA = "sofia.koivisto@demo.lahiturva.fi"; // Harju, Alppiharju (Keskinen)
const MARJA = "marja-liisa.pulkkinen@demo.lahiturva.fi"; // Ylä-Malmi (Koillinen)
const KALLE = "kalle.nurmi@demo.lahiturva.fi"; // Meri-Rastila, Vuosaari (Itäinen)
const BJORN = "bjorn.holmstrom@demo.lahiturva.fi"; // Aurinkolahti, Vuosaari (Itäinen)
const DAY = 86_400_000;

beforeAll(seedOnce);
afterEach(() => clock.reset());

const at = (d: Date) => helsinkiParts(d);

/** A consultation open from now for a week, for the whole city or some areas, with a ranking question. */
function newConsultation(opts: { areaIds?: number[]; resultsPublic?: boolean; closes?: Date } = {}) {
  const now = clock.now();
  const closes = at(opts.closes ?? new Date(now.getTime() + 7 * DAY));
  const open = at(new Date(now.getTime() - 60_000));
  const plan = currentPlan({ publicOnly: false })!;
  const created = createConsultation(viewerOf(DEMO.coordinator), {
    planId: plan.id,
    titleFi: "Painopistealueet ensi vuodelle",
    descriptionFi: "Mitkä asiat ovat tärkeimpiä?",
    opensDate: open.date,
    opensTime: open.time,
    closesDate: closes.date,
    closesTime: closes.time,
    areaIds: opts.areaIds ?? [],
    resultsPublic: opts.resultsPublic ?? true,
  });
  if (!created.ok) throw new Error(created.reason);
  const candidates = listPriorityAreas(plan.id).slice(0, 3);
  const rank = addQuestion(viewerOf(DEMO.coordinator), created.id, {
    kind: "rank",
    textFi: "Järjestä tärkeimmät",
    textSv: null,
    textEn: null,
    required: true,
    maxChoices: 3,
    priorityAreaIds: candidates.map((c) => c.id),
    options: [{ labelFi: "Sähköpotkulaudat", labelSv: null, labelEn: null }],
  });
  const text = addQuestion(viewerOf(DEMO.coordinator), created.id, {
    kind: "text",
    textFi: "Mitä muuta haluat sanoa?",
    textSv: null,
    textEn: null,
    required: false,
    maxChoices: null,
    priorityAreaIds: [],
    options: [],
  });
  if (!rank.ok || !text.ok) throw new Error("questions");
  return created.id;
}

/** An answer as the form would send it: ranks for the first options, a text. */
function answerAs(email: string, consultationId: number, ranks: number[], text?: string) {
  const questions = consultationQuestionList(consultationId);
  const form: Record<string, unknown> = {};
  const [rank, free] = questions;
  ranks.forEach((r, i) => {
    form[`q${rank.id}_o${rank.options[i].id}`] = String(r);
  });
  if (text) form[`q${free.id}`] = text;
  const parsed = answerSchema(questions).safeParse(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return submitAnswer(viewerOf(email), consultationId, answersFromForm(questions, parsed.data));
}

describe("answering", () => {
  it("a person answers once, and changing the answer replaces it", () => {
    const id = newConsultation();
    expect(answerAs(DEMO.resident, id, [1, 2])).toEqual({ ok: true, changed: false });
    expect(answerAs(DEMO.resident, id, [2, 1, 3])).toEqual({ ok: true, changed: true });
    const rows = db().select().from(consultationResponses).where(eq(consultationResponses.consultationId, id)).all();
    expect(rows).toHaveLength(1);
    expect(ownAnswer(userIdOf(DEMO.resident), id)!.rows.map((r) => r.rank)).toEqual([2, 1, 3]);
    // The database itself refuses a second response row for the same person.
    expect(() =>
      db()
        .insert(consultationResponses)
        .values({ consultationId: id, userId: userIdOf(DEMO.resident), submittedAt: clock.now(), updatedAt: clock.now() })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("refuses residents outside the chosen areas, and staff without a home area", () => {
    const sqlite = new Database(config().databasePath, { readonly: true });
    const itainen = (sqlite.prepare("select id from areas where level = 'major_district' and name_fi = 'Itäinen'").get() as { id: number })
      .id;
    sqlite.close();
    const id = newConsultation({ areaIds: [itainen] });
    expect(answerAs(DEMO.resident, id, [1])).toEqual({ ok: false, reason: "notInAudience" });
    expect(answerAs(KALLE, id, [1])).toMatchObject({ ok: true });
    expect(submitAnswer(viewerOf(DEMO.mayor), id, [])).toEqual({ ok: false, reason: "notInAudience" });
  });

  it("bad input gets field errors: a rank outside 1..N, a duplicate rank, an unknown option, an oversized text", () => {
    const id = newConsultation();
    const questions: AnswerQuestion[] = consultationQuestionList(id);
    const [rank, free] = questions;
    const schema = answerSchema(questions);
    const errors = (form: Record<string, unknown>) => {
      const r = schema.safeParse(form);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    const o = rank.options.map((x) => `q${rank.id}_o${x.id}`);
    expect(errors({ [o[0]]: "4" })[o[0]]).toBe('consultations.validation.rankRange|{"max":3}');
    expect(errors({ [o[0]]: "0" })[o[0]]).toMatch(/rankRange/);
    expect(errors({ [o[0]]: "1", [o[1]]: "1" })[o[1]]).toBe('consultations.validation.rankDuplicate|{"rank":1}');
    expect(errors({})[`q${rank.id}`]).toBe("consultations.validation.rankOne");
    expect(errors({ [o[0]]: "1", [`q${free.id}`]: "x".repeat(2001) })[`q${free.id}`]).toMatch(/tooLong/);
    // The domain refuses an option that belongs to another question.
    expect(submitAnswer(viewerOf(DEMO.resident), id, [{ questionId: free.id, optionId: rank.options[0].id }])).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("frozen once answered", () => {
  it("only the closing time and the wording change after the first answer, and both are logged", () => {
    const id = newConsultation();
    const coordinator = viewerOf(DEMO.coordinator);
    const [rank] = consultationQuestionList(id);
    // Before any answer, questions may still be removed and added.
    const extra = addQuestion(coordinator, id, {
      kind: "scale",
      textFi: "Kuinka turvalliseksi koet alueesi?",
      textSv: null,
      textEn: null,
      required: false,
      maxChoices: null,
      priorityAreaIds: [],
      options: [],
    });
    expect(extra.ok).toBe(true);
    expect(removeQuestion(coordinator, id, (extra as { id: number }).id)).toEqual({ ok: true });
    answerAs(SOFIA, id, [1]);
    expect(getConsultation(id)!.frozen).toBe(true);
    expect(
      addQuestion(coordinator, id, {
        kind: "text",
        textFi: "Uusi kysymys",
        textSv: null,
        textEn: null,
        required: false,
        maxChoices: null,
        priorityAreaIds: [],
        options: [],
      }),
    ).toEqual({ ok: false, reason: "frozen" });
    expect(removeQuestion(coordinator, id, rank.id)).toEqual({ ok: false, reason: "frozen" });
    const c = getConsultation(id)!.consultation;
    const closes = at(c.closesAt);
    const later = at(new Date(c.closesAt.getTime() + 2 * DAY));
    const base = {
      titleFi: c.titleFi,
      descriptionFi: c.descriptionFi,
      closesDate: closes.date,
      closesTime: closes.time,
      areaIds: [] as number[],
      resultsPublic: c.resultsPublic,
    };
    // Changing who may answer, or whether results go public, is refused.
    expect(updateConsultation(coordinator, id, c.version, { ...base, resultsPublic: !c.resultsPublic })).toEqual({
      ok: false,
      reason: "frozen",
    });
    expect(updateConsultation(coordinator, id, c.version, { ...base, areaIds: [1] })).toEqual({ ok: false, reason: "frozen" });
    // The wording and the closing time may change.
    expect(
      updateConsultation(coordinator, id, c.version, {
        ...base,
        titleFi: "Painopistealueet 2027",
        closesDate: later.date,
        closesTime: later.time,
      }),
    ).toEqual({ ok: true });
    expect(rewordQuestion(coordinator, id, rank.id, { textFi: "Järjestä tärkeimmät asiat" })).toEqual({ ok: true });
    const log = db()
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "consultation"), eq(auditLog.targetId, String(id))))
      .all();
    const edit = log.find((l) => l.action === "consultation.edited")!;
    expect(JSON.parse(edit.detail!)).toMatchObject({ changed: ["titleFi", "closesAt"], frozen: true });
    expect(log.find((l) => l.action === "consultation.questionReworded")).toBeTruthy();
    // A stale version is refused, not overwritten.
    expect(updateConsultation(coordinator, id, c.version, base)).toEqual({ ok: false, reason: "conflict" });
  });
});

describe("closing time", () => {
  it("is exact on the app's clock: a moment before is accepted, at closing the answer is refused", () => {
    const closes = new Date(Math.ceil((clock.now().getTime() + 3 * DAY) / 60_000) * 60_000);
    const id = newConsultation({ closes });
    clock.set(new Date(closes.getTime() - 1_000));
    expect(answerAs(DEMO.resident, id, [1])).toMatchObject({ ok: true });
    clock.set(closes);
    expect(answerAs(DEMO.resident, id, [2])).toEqual({ ok: false, reason: "closed" });
    expect(ownAnswer(userIdOf(DEMO.resident), id)!.rows[0].rank).toBe(1);
    // Closing early moves the closing time to now.
    clock.reset();
    const early = newConsultation();
    expect(closeConsultation(viewerOf(DEMO.coordinator), early)).toEqual({ ok: true });
    expect(answerAs(SOFIA, early, [1])).toEqual({ ok: false, reason: "closed" });
    expect(getConsultation(early)!.state).toBe("closed");
  });
});

describe("results", () => {
  it("the breakdown by major district and district equals a direct count from the answerers' home areas", () => {
    const id = newConsultation();
    for (const email of [DEMO.resident, SOFIA, MARJA, KALLE, BJORN]) answerAs(email, id, [1, 2]);
    const results = consultationResults(id);
    expect(results.total).toBe(5);
    const sqlite = new Database(config().databasePath, { readonly: true });
    // Straight from residencies: walk each answerer's home area up to its major district.
    const direct = (level: string) =>
      sqlite
        .prepare(
          `with recursive up(user_id, id, level) as (
             select r.user_id, a.id, a.level from residencies r join areas a on a.id = r.area_id
             where r.user_id in (select user_id from consultation_responses where consultation_id = ?)
             union all select up.user_id, p.id, p.level from up join areas a on a.id = up.id join areas p on p.id = a.parent_id
           ) select id as areaId, count(distinct user_id) as count from up where level = ? group by id order by id`,
        )
        .all(id, level) as { areaId: number; count: number }[];
    const byId = (rows: { areaId: number | null; count: number }[]) =>
      rows.map((r) => ({ areaId: r.areaId, count: r.count })).sort((a, b) => (a.areaId ?? 0) - (b.areaId ?? 0));
    expect(byId(results.byMajorDistrict)).toEqual(direct("major_district"));
    expect(byId(results.byDistrict)).toEqual(direct("district"));
    expect(results.byMajorDistrict.length).toBeGreaterThanOrEqual(3);
    // Ranking: five first places for the first candidate, N points each.
    const [rank] = results.questions;
    expect(rank.options[0]).toMatchObject({ count: 5, first: 5, points: 15 });
    sqlite.close();
  });

  it("public results count areas with fewer than five answers together; the live results stay exact", () => {
    const id = newConsultation();
    const answered = [DEMO.resident, SOFIA, MARJA, KALLE, BJORN];
    for (const email of answered) answerAs(email, id, [1, 2]);
    // Five more people from the demo resident's district (responses as the answer flow stores them).
    const home = db()
      .select()
      .from(consultationResponses)
      .where(and(eq(consultationResponses.consultationId, id), eq(consultationResponses.userId, userIdOf(DEMO.resident))))
      .get()!;
    const answeredIds = new Set(answered.map(userIdOf));
    for (const user of db()
      .select({ id: users.id })
      .from(users)
      .all()
      .filter((u) => !answeredIds.has(u.id))
      .slice(0, 5))
      db()
        .insert(consultationResponses)
        .values({
          consultationId: id,
          userId: user.id,
          homeAreaId: home.homeAreaId,
          districtId: home.districtId,
          majorDistrictId: home.majorDistrictId,
          submittedAt: clock.now(),
          updatedAt: clock.now(),
        })
        .run();
    const exact = consultationResults(id);
    expect(exact.total).toBe(10);
    expect(exact.byDistrict.some((a) => a.count < MIN_PUBLIC_GROUP)).toBe(true);
    const shown = protectSmallGroups(exact);
    expect(shown.merged).toBe(true);
    expect(shown.total).toBe(exact.total);
    for (const rows of [shown.byDistrict, shown.byMajorDistrict]) {
      for (const a of rows) expect(a.areaId === SMALL_AREAS || a.count >= MIN_PUBLIC_GROUP).toBe(true);
      expect(rows.reduce((sum, a) => sum + a.count, 0)).toBe(exact.total);
    }
    expect(shown.byDistrict.find((a) => a.areaId === home.districtId)?.count).toBe(6);
    expect(shown.byDistrict.find((a) => a.areaId === SMALL_AREAS)?.count).toBe(4);
    // The choices by major district: the small ones' columns are summed into one, nothing is lost.
    const perOption = (rows: { optionId: number; count: number }[]) =>
      rows.reduce((m, r) => m.set(r.optionId, (m.get(r.optionId) ?? 0) + r.count), new Map<number, number>());
    for (const [i, q] of shown.questions.entries()) {
      expect(perOption(q.byMajorDistrict)).toEqual(perOption(exact.questions[i]!.byMajorDistrict));
      const major = new Set(shown.byMajorDistrict.map((a) => a.areaId));
      for (const row of q.byMajorDistrict) expect(major.has(row.areaId)).toBe(true);
    }
    // Who gets which: the public (closed, results public) the protected figures, the coordinator the exact ones.
    expect(closeConsultation(viewerOf(DEMO.coordinator), id)).toEqual({ ok: true });
    const forPublic = consultationResultsFor(null, id);
    const forCoordinator = consultationResultsFor(viewerOf(DEMO.coordinator), id);
    if (typeof forPublic === "string" || typeof forCoordinator === "string") throw new Error("no results");
    expect(forPublic.access).toBe("public");
    expect(forPublic.results.byDistrict).toEqual(shown.byDistrict);
    expect(forCoordinator.access).toBe("live");
    expect(forCoordinator.results.byDistrict).toEqual(exact.byDistrict);
  });

  it("shows nobody who answered what: no user id, name or e-mail in results, moderation or export", () => {
    const id = newConsultation();
    answerAs(DEMO.resident, id, [1], "Valaistus Linjoilla on huono");
    answerAs(KALLE, id, [2], "Metroasemalle lisää valoa");
    const people = db().select({ id: users.id, name: users.name, email: users.email }).from(users).all();
    const views = [
      JSON.stringify(consultationResults(id)),
      JSON.stringify(moderationQueue(viewerOf(DEMO.coordinator), id)),
      JSON.stringify(getConsultation(id)),
      JSON.stringify(resultRows(consultationResults(id), (k) => k, "fi")),
    ];
    for (const view of views)
      for (const p of people) {
        expect(view).not.toContain(p.id);
        expect(view).not.toContain(p.email);
        expect(view).not.toContain(p.name);
      }
  });

  it("free text appears only after a moderator approved it; the covering network may, another network may not", () => {
    const id = newConsultation();
    answerAs(DEMO.resident, id, [1], "Linjojen sisäpihat ovat pimeitä");
    const texts = () => consultationResults(id).questions[1].texts.map((t) => t.text);
    expect(texts()).toEqual([]);
    const [pending] = moderationQueue(viewerOf(DEMO.coordinator), id);
    // The Kallio network covers Linjat; the Malmi network does not and does not even see it.
    const malmi = viewerOf("kari.vainio@demo.lahiturva.fi");
    expect(moderationQueue(malmi, id)).toEqual([]);
    expect(moderateAnswer(malmi, id, pending.id, "approved")).toEqual({ ok: false, reason: "forbidden" });
    expect(moderationQueue(viewerOf(DEMO.network), id).map((a) => a.id)).toEqual([pending.id]);
    expect(moderateAnswer(viewerOf(DEMO.network), id, pending.id, "approved")).toEqual({ ok: true });
    expect(texts()).toEqual(["Linjojen sisäpihat ovat pimeitä"]);
  });

  it("a deleted account's answer stays in the counts without the person; the person's data lists their own answers", async () => {
    const id = newConsultation();
    answerAs(KALLE, id, [1], "Rantaraitille valoja");
    const kalle = userIdOf(KALLE);
    const own = personalData(kalle)!.consultationAnswers.filter((a) => a.consultationId === id);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ consultationId: id, homeArea: "Meri-Rastila" });
    expect(own[0].answers.map((a) => a.text ?? a.rank)).toContain("Rantaraitille valoja");
    const before = consultationResults(id);
    expect((await deleteOwnAccount(kalle, DEMO_PASSWORD)).ok).toBe(true);
    const after = consultationResults(id);
    expect(after.total).toBe(before.total);
    expect(after.byMajorDistrict).toEqual(before.byMajorDistrict);
    const row = db().select().from(consultationResponses).where(eq(consultationResponses.consultationId, id)).get()!;
    expect(row.userId).toBeNull();
  });
});

describe("closing the loop", () => {
  it("subscribers hear of the opening; answerers of results and of the decision; the review and the consultation show them", () => {
    const sofia = userIdOf(SOFIA);
    const marja = userIdOf(MARJA);
    setSubscription(sofia, true);
    const id = newConsultation();
    const told = (userId: string, kind: string) =>
      db()
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.link, `/consultations/${id}`)))
        .all().length;
    expect(told(sofia, "consultation.opened")).toBe(1);
    expect(told(marja, "consultation.opened")).toBe(0);
    answerAs(MARJA, id, [1, 2]);
    expect(closeConsultation(viewerOf(DEMO.coordinator), id)).toEqual({ ok: true });
    expect(told(marja, "consultation.results")).toBe(1);
    // The status review of the period includes the closed consultation.
    const plan = currentPlan({ publicOnly: false })!;
    const today = helsinkiParts(clock.now()).date;
    const started = startReview(viewerOf(DEMO.coordinator), {
      planId: plan.id,
      title: `Kyselykatsaus ${id}`,
      periodStart: helsinkiParts(new Date(clock.now().getTime() - 30 * DAY)).date,
      periodEnd: today,
    });
    if (!started.ok) throw new Error("review");
    expect(sendReview(viewerOf(DEMO.coordinator), started.id, 1)).toEqual({ ok: true });
    const review = getReview(started.id)!;
    const inReview = review.content.consultations!.find((c) => c.id === id)!;
    expect(inReview.total).toBe(1);
    expect(inReview.ranking[0].points).toBe(3);
    // The steering group's priority-area decision cites the consultation.
    const areas = listPriorityAreas(plan.id).slice(0, 2);
    const year = Number(today.slice(0, 4)) + 1;
    expect(
      recordDecision(viewerOf(DEMO.mayor), started.id, {
        decidedOn: today,
        kind: "priority_areas",
        text: "Painopistealueet valittiin asukaskyselyn perusteella.",
        year,
        priorityAreaIds: areas.map((a) => a.id),
        consultationId: id,
      }),
    ).toEqual({ ok: true });
    const decided = decisionsCiting(id);
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ year, kind: "priority_areas" });
    expect(decided[0].priorityAreas.map((a) => a.id)).toEqual(areas.map((a) => a.id));
    expect(told(marja, "consultation.decision")).toBe(1);
  });
});

describe("the reminders job", () => {
  it("tells subscribed residents of the covered areas when a consultation opens later, once", () => {
    const marja = userIdOf(MARJA);
    const sofia = userIdOf(SOFIA);
    setSubscription(marja, true);
    setSubscription(sofia, true);
    const sqlite = new Database(config().databasePath, { readonly: true });
    const koillinen = (
      sqlite.prepare("select id from areas where level = 'major_district' and name_fi = 'Koillinen'").get() as { id: number }
    ).id;
    sqlite.close();
    const now = clock.now();
    const opens = at(new Date(now.getTime() + 2 * DAY));
    const closes = at(new Date(now.getTime() + 9 * DAY));
    const created = createConsultation(viewerOf(DEMO.coordinator), {
      planId: null,
      titleFi: "Malmin ja Pukinmäen turvallisuus",
      descriptionFi: "Kerro alueesi turvallisuudesta.",
      opensDate: opens.date,
      opensTime: opens.time,
      closesDate: closes.date,
      closesTime: closes.time,
      areaIds: [koillinen],
      resultsPublic: false,
    });
    if (!created.ok) throw new Error(created.reason);
    const told = (userId: string) =>
      db()
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.link, `/consultations/${created.id}`)))
        .all().length;
    // Not yet open: nobody hears.
    runConsultationNotices();
    expect(told(marja)).toBe(0);
    clock.set(new Date(now.getTime() + 2 * DAY + 60_000));
    runConsultationNotices();
    runConsultationNotices();
    expect(told(marja)).toBe(1);
    // Sofia lives in Alppiharju, outside Koillinen.
    expect(told(sofia)).toBe(0);
  });
});
