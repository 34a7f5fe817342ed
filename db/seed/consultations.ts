// Demo residents' consultations: last year's priority-area consultation, closed with public results,
// answered by the demo residents (free text moderated) and cited by the steering group's decision in
// the closed status review; and this year's consultation, open now, with a few answers so far.
// Dates are relative to the seeding moment, and everything goes through the domain modules.
import { asc, eq } from "drizzle-orm";
import { addQuestion, createConsultation } from "../../app/server/consultations/consultations.server";
import { submitAnswer } from "../../app/server/consultations/answers.server";
import { moderateAnswer, moderationQueue } from "../../app/server/consultations/results.server";
import { loadViewer } from "../../app/server/people/viewer.server";
import { helsinkiParts } from "../../app/server/platform/helsinki-time";
import type { AnswerInput } from "../../app/forms/consultations";
import type { Db } from "../client";
import { consultationQuestions, consultationOptions, priorityAreas, safetyPlans, users } from "../schema";

const DAY = 86_400_000;
export const DEMO_CLOSED_CONSULTATION = "Painopistealueet: asukkaiden näkemys";
export const DEMO_OPEN_CONSULTATION = "Turvallisuus omalla alueella";

const viewer = (db: Db, email: string) => {
  const id = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  return loadViewer(id)!;
};

function questionsOf(db: Db, consultationId: number) {
  return db
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position))
    .all()
    .map((q) => ({
      ...q,
      options: db
        .select()
        .from(consultationOptions)
        .where(eq(consultationOptions.questionId, q.id))
        .orderBy(asc(consultationOptions.position))
        .all(),
    }));
}

export function seedDemoConsultations(db: Db, now: Date): { closedId: number | null } {
  const plan = db.select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get();
  if (!plan) return { closedId: null };
  const coordinator = viewer(db, "koordinaattori@demo.lahiturva.fi");
  const areas = db.select().from(priorityAreas).where(eq(priorityAreas.planId, plan.id)).orderBy(asc(priorityAreas.code)).all();

  // Last year's: open for four weeks ending some 170 days ago (inside the closed review's period).
  const opened = new Date(now.getTime() - 200 * DAY);
  const closes = helsinkiParts(new Date(now.getTime() - 172 * DAY));
  const opens = helsinkiParts(opened);
  const closed = createConsultation(
    coordinator,
    {
      planId: plan.id,
      titleFi: DEMO_CLOSED_CONSULTATION,
      titleSv: "Fokusområden: invånarnas syn",
      titleEn: "Priority areas: the residents' view",
      descriptionFi:
        "Johtoryhmä tarkistaa turvallisuussuunnitelman painopistealueet vuosittain. Kerro, mitkä painopistealueet ovat sinulle tärkeimpiä ja mitä muuta pitäisi ottaa huomioon.",
      descriptionSv: "Ledningsgruppen ser över säkerhetsplanens fokusområden varje år. Berätta vilka som är viktigast för dig.",
      descriptionEn: "The steering group reviews the safety plan's priority areas every year. Tell us which matter most to you.",
      opensDate: opens.date,
      opensTime: "09:00",
      closesDate: closes.date,
      closesTime: "16:00",
      areaIds: [],
      resultsPublic: true,
    },
    opened,
  );
  if (!closed.ok) throw new Error(`demo consultation: ${closed.reason}`);
  const rank = {
    kind: "rank" as const,
    textFi: "Järjestä tärkeimmät painopistealueet (1 = tärkein)",
    textSv: "Rangordna de viktigaste fokusområdena (1 = viktigast)",
    textEn: "Rank the most important priority areas (1 = most important)",
    required: true,
    maxChoices: 3,
    priorityAreaIds: areas.slice(0, 5).map((a) => a.id),
    options: [{ labelFi: "Sähköpotkulautojen turvallisuus", labelSv: "Elsparkcyklarnas säkerhet", labelEn: "E-scooter safety" }],
  };
  const scale = {
    kind: "scale" as const,
    textFi: "Tunnen oloni turvalliseksi omalla asuinalueellani iltaisin.",
    textSv: "Jag känner mig trygg i mitt bostadsområde på kvällarna.",
    textEn: "I feel safe in my neighbourhood in the evening.",
    required: false,
    maxChoices: null,
    priorityAreaIds: [],
    options: [],
  };
  const text = {
    kind: "text" as const,
    textFi: "Mitä muuta haluat sanoa turvallisuudesta?",
    textSv: "Vad vill du mer säga om säkerheten?",
    textEn: "What else would you like to say about safety?",
    required: false,
    maxChoices: null,
    priorityAreaIds: [],
    options: [],
  };
  for (const q of [rank, scale, text]) addQuestion(coordinator, closed.id, q);
  const [rq, sq, tq] = questionsOf(db, closed.id);
  const answers: [string, number[], number, string | null][] = [
    ["asukas@demo.lahiturva.fi", [1, 3, 2], 3, "Linjojen sisäpihojen valaistus on huono."],
    ["aino.heinonen@demo.lahiturva.fi", [2, 1], 4, null],
    ["sofia.koivisto@demo.lahiturva.fi", [1, 2, 3], 2, "Harjun puistossa on iltaisin levotonta."],
    ["marja-liisa.pulkkinen@demo.lahiturva.fi", [3, 1, 2], 4, null],
    ["kalle.nurmi@demo.lahiturva.fi", [1, 0, 0, 0, 0, 2], 3, "Metroasemalle lisää valoa ja valvontaa."],
    ["bjorn.holmstrom@demo.lahiturva.fi", [2, 0, 1], 5, null],
  ];
  answers.forEach(([email, ranks, value, words], i) => {
    const rows: AnswerInput[] = [];
    ranks.forEach((r, k) => {
      if (r) rows.push({ questionId: rq.id, optionId: rq.options[k].id, rank: r });
    });
    rows.push({ questionId: sq.id, scale: value });
    if (words) rows.push({ questionId: tq.id, text: words });
    submitAnswer(viewer(db, email), closed.id, rows, new Date(opened.getTime() + (i + 1) * DAY));
  });
  // Two free-text answers approved, one left waiting (moderation continues after closing).
  const pending = moderationQueue(coordinator, closed.id);
  for (const a of pending.slice(0, 2)) moderateAnswer(coordinator, closed.id, a.id, "approved", new Date(now.getTime() - 171 * DAY));

  // This year's: open now for two more weeks.
  const openFrom = helsinkiParts(new Date(now.getTime() - 5 * DAY));
  const openUntil = helsinkiParts(new Date(now.getTime() + 14 * DAY));
  const open = createConsultation(
    coordinator,
    {
      planId: plan.id,
      titleFi: DEMO_OPEN_CONSULTATION,
      titleSv: "Säkerheten i det egna området",
      titleEn: "Safety in your own area",
      descriptionFi: "Mikä lisäisi turvallisuutta omalla alueellasi ensi vuonna? Vastaukset ohjaavat johtoryhmän painopistealuepäätöstä.",
      descriptionSv: "Vad skulle öka säkerheten i ditt område nästa år? Svaren vägleder ledningsgruppens beslut om fokusområden.",
      descriptionEn: "What would make your area safer next year? The answers guide the steering group's priority-area decision.",
      opensDate: openFrom.date,
      opensTime: "09:00",
      closesDate: openUntil.date,
      closesTime: "16:00",
      areaIds: [],
      resultsPublic: true,
    },
    new Date(now.getTime() - 6 * DAY),
  );
  if (!open.ok) throw new Error(`demo consultation: ${open.reason}`);
  addQuestion(coordinator, open.id, rank);
  addQuestion(coordinator, open.id, {
    kind: "multiple",
    textFi: "Missä liikut mieluiten iltaisin?",
    textSv: "Var rör du dig helst på kvällarna?",
    textEn: "Where do you prefer to go in the evening?",
    required: false,
    maxChoices: 2,
    priorityAreaIds: [],
    options: [
      { labelFi: "Puistot", labelSv: "Parker", labelEn: "Parks" },
      { labelFi: "Kauppakeskukset", labelSv: "Köpcentrum", labelEn: "Shopping centres" },
      { labelFi: "Rannat", labelSv: "Stränder", labelEn: "Shores" },
    ],
  });
  addQuestion(coordinator, open.id, text);
  const [orq, omq, otq] = questionsOf(db, open.id);
  const openAnswers: [string, number[], number, string | null][] = [
    ["marja-liisa.pulkkinen@demo.lahiturva.fi", [2, 1], 0, "Malmin aseman seudulle lisää valoa."],
    ["kalle.nurmi@demo.lahiturva.fi", [1, 3, 2], 2, null],
  ];
  openAnswers.forEach(([email, ranks, choice, words], i) => {
    const rows: AnswerInput[] = ranks.map((r, k) => ({ questionId: orq.id, optionId: orq.options[k].id, rank: r }));
    rows.push({ questionId: omq.id, optionId: omq.options[choice].id });
    if (words) rows.push({ questionId: otq.id, text: words });
    submitAnswer(viewer(db, email), open.id, rows, new Date(now.getTime() - (3 - i) * DAY));
  });
  return { closedId: closed.id };
}
