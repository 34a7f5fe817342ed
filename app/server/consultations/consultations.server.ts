// Residents' e-consultations (issue 16): the coordinators set one up (texts in three languages, the
// open period in Helsinki time, the audience, the questions), it freezes at the first answer (then
// only the closing time and the wording change, both audited), and the people concerned hear of it:
// subscribed residents of the covered areas when it opens, its answerers when results and the
// steering group's decision are published.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import {
  areas,
  consultationAreas,
  consultationDecisions,
  consultationOptions,
  consultationQuestions,
  consultationResponses,
  consultations,
  consultationSubscriptions,
  priorityAreas,
  residencies,
  reviewDecisions,
  type QuestionKind,
} from "../../../db/schema";
import type { QuestionInput } from "../../forms/consultations";
import { areaLineageIds, listAllAreas } from "../city/areas.server";
import { currentPlan, listPriorityAreas } from "../city/plans.server";
import { notifyMany, scheduleMailDelivery } from "../mail/notifications.server";
import type { Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Tx, type Reader } from "../platform/db.server";
import { helsinkiParts, helsinkiToDate } from "../platform/helsinki-time";
import { blankToNull, namesOf, columnsOf } from "../platform/select-names";
import { namesFrom } from "../../i18n/names";

export type ConsultationState = "upcoming" | "open" | "closed";

/** Closing is exact: at the closing instant the consultation is closed. */
export function consultationState(c: { opensAt: Date; closesAt: Date }, now = clock.now()): ConsultationState {
  if (now.getTime() < c.opensAt.getTime()) return "upcoming";
  return now.getTime() < c.closesAt.getTime() ? "open" : "closed";
}

export type ConsultationInput = {
  titleFi: string;
  titleSv?: string | null;
  titleEn?: string | null;
  descriptionFi: string;
  descriptionSv?: string | null;
  descriptionEn?: string | null;
  opensDate?: string;
  opensTime?: string;
  closesDate: string;
  closesTime: string;
  areaIds: number[];
  resultsPublic: boolean;
};

const texts = (input: ConsultationInput) => ({
  titleFi: input.titleFi.trim(),
  titleSv: blankToNull(input.titleSv),
  titleEn: blankToNull(input.titleEn),
  descriptionFi: input.descriptionFi.trim(),
  descriptionSv: blankToNull(input.descriptionSv),
  descriptionEn: blankToNull(input.descriptionEn),
});

export type ConsultationRefusal = {
  ok: false;
  reason: "notFound" | "conflict" | "frozen" | "closesInPast" | "closesBeforeOpens" | "unknownArea" | "closed";
};

function knownAreas(tx: Reader, ids: number[]): boolean {
  if (!ids.length) return true;
  return tx.select({ id: areas.id }).from(areas).where(inArray(areas.id, ids)).all().length === new Set(ids).size;
}

/**
 * A coordinator creates a consultation. The candidates of a ranking question come from the plan in
 * force (or the one given). When it opens at once, the subscribed residents hear of it now.
 */
export function createConsultation(
  viewer: Viewer,
  input: ConsultationInput & { planId: number | null },
  now = clock.now(),
): { ok: true; id: number; told: number } | ConsultationRefusal {
  const opensAt = helsinkiToDate(input.opensDate ?? helsinkiParts(now).date, input.opensTime ?? helsinkiParts(now).time);
  const closesAt = helsinkiToDate(input.closesDate, input.closesTime);
  if (closesAt.getTime() <= opensAt.getTime()) return { ok: false, reason: "closesBeforeOpens" };
  if (closesAt.getTime() <= now.getTime()) return { ok: false, reason: "closesInPast" };
  const result = db().transaction((tx) => {
    if (!knownAreas(tx, input.areaIds)) return { ok: false as const, reason: "unknownArea" as const };
    const row = tx
      .insert(consultations)
      .values({ ...texts(input), planId: input.planId, opensAt, closesAt, resultsPublic: input.resultsPublic, createdById: viewer.id })
      .returning({ id: consultations.id })
      .get();
    for (const areaId of new Set(input.areaIds)) tx.insert(consultationAreas).values({ consultationId: row.id, areaId }).run();
    audit({ actorId: viewer.id, action: "consultation.created", targetType: "consultation", targetId: row.id }, tx);
    const told = opensAt.getTime() <= now.getTime() ? notifyOpened(tx, row.id, now) : 0;
    return { ok: true as const, id: row.id, told };
  });
  if (result.ok && result.told) scheduleMailDelivery();
  return result;
}

export function isFrozen(consultationId: number, r: Reader = db()): boolean {
  return !!r
    .select({ id: consultationResponses.id })
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, consultationId))
    .limit(1)
    .get();
}

/**
 * Changes a consultation. Before the first answer anything may change; after it only the texts and
 * the closing time (a change of anything else is refused as "frozen"). Every change is audited with
 * the fields it touched.
 */
export function updateConsultation(
  viewer: Viewer,
  id: number,
  expectedVersion: number,
  input: ConsultationInput,
  now = clock.now(),
): { ok: true } | ConsultationRefusal {
  return db().transaction((tx) => {
    const c = tx.select().from(consultations).where(eq(consultations.id, id)).get();
    if (!c) return { ok: false as const, reason: "notFound" as const };
    if (c.version !== expectedVersion) return { ok: false as const, reason: "conflict" as const };
    const frozen = isFrozen(id, tx);
    const closesAt = helsinkiToDate(input.closesDate, input.closesTime);
    const opensAt = input.opensDate && input.opensTime ? helsinkiToDate(input.opensDate, input.opensTime) : c.opensAt;
    const oldAreas = tx
      .select({ id: consultationAreas.areaId })
      .from(consultationAreas)
      .where(eq(consultationAreas.consultationId, id))
      .all()
      .map((a) => a.id)
      .sort((a, b) => a - b);
    const newAreas = [...new Set(input.areaIds)].sort((a, b) => a - b);
    const changed: string[] = [];
    const next = texts(input);
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (next[key] !== c[key]) changed.push(key);
    if (closesAt.getTime() !== c.closesAt.getTime()) changed.push("closesAt");
    const structural: string[] = [];
    if (opensAt.getTime() !== c.opensAt.getTime()) structural.push("opensAt");
    if (oldAreas.join() !== newAreas.join()) structural.push("areas");
    if (input.resultsPublic !== c.resultsPublic) structural.push("resultsPublic");
    if (frozen && structural.length) return { ok: false as const, reason: "frozen" as const };
    if (closesAt.getTime() <= opensAt.getTime()) return { ok: false as const, reason: "closesBeforeOpens" as const };
    // A closed consultation stays closed: reopening it would change what its results mean.
    if (changed.includes("closesAt") && (closesAt.getTime() <= now.getTime() || consultationState(c, now) === "closed"))
      return { ok: false as const, reason: "closesInPast" as const };
    if (!knownAreas(tx, newAreas)) return { ok: false as const, reason: "unknownArea" as const };
    tx.update(consultations)
      .set({ ...next, opensAt, closesAt, resultsPublic: input.resultsPublic, version: c.version + 1 })
      .where(eq(consultations.id, id))
      .run();
    if (structural.includes("areas")) {
      tx.delete(consultationAreas).where(eq(consultationAreas.consultationId, id)).run();
      for (const areaId of newAreas) tx.insert(consultationAreas).values({ consultationId: id, areaId }).run();
    }
    audit(
      {
        actorId: viewer.id,
        action: "consultation.edited",
        targetType: "consultation",
        targetId: id,
        detail: {
          changed: [...changed, ...structural],
          frozen,
          ...(changed.includes("closesAt") ? { closesAt: closesAt.toISOString() } : {}),
        },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Adds a question (before the first answer only). A ranking question's candidates are the chosen priority areas, then the new themes. */
export function addQuestion(viewer: Viewer, consultationId: number, input: QuestionInput): { ok: true; id: number } | ConsultationRefusal {
  return db().transaction((tx) => {
    const c = tx.select().from(consultations).where(eq(consultations.id, consultationId)).get();
    if (!c) return { ok: false as const, reason: "notFound" as const };
    if (isFrozen(consultationId, tx)) return { ok: false as const, reason: "frozen" as const };
    const chosen = input.priorityAreaIds.length
      ? tx
          .select({
            ...columnsOf(priorityAreas, "id", "planId"),
            ...namesOf(priorityAreas),
          })
          .from(priorityAreas)
          .where(inArray(priorityAreas.id, input.priorityAreaIds))
          .orderBy(asc(priorityAreas.code))
          .all()
      : [];
    // Only the consultation's own plan's priority areas are candidates.
    if (chosen.length !== new Set(input.priorityAreaIds).size || chosen.some((p) => p.planId !== c.planId))
      return { ok: false as const, reason: "unknownArea" as const };
    const last = tx
      .select({ position: consultationQuestions.position })
      .from(consultationQuestions)
      .where(eq(consultationQuestions.consultationId, consultationId))
      .orderBy(desc(consultationQuestions.position))
      .get();
    const question = tx
      .insert(consultationQuestions)
      .values({
        consultationId,
        position: (last?.position ?? 0) + 1,
        kind: input.kind,
        textFi: input.textFi,
        textSv: input.textSv,
        textEn: input.textEn,
        maxChoices: input.maxChoices,
        required: input.required,
      })
      .returning({ id: consultationQuestions.id })
      .get();
    let position = 0;
    for (const p of chosen)
      tx.insert(consultationOptions)
        .values({
          questionId: question.id,
          position: ++position,
          labelFi: p.nameFi,
          labelSv: p.nameSv,
          labelEn: p.nameEn,
          priorityAreaId: p.id,
        })
        .run();
    for (const o of input.options)
      tx.insert(consultationOptions)
        .values({ questionId: question.id, position: ++position, labelFi: o.labelFi, labelSv: o.labelSv, labelEn: o.labelEn })
        .run();
    tx.update(consultations)
      .set({ version: c.version + 1 })
      .where(eq(consultations.id, consultationId))
      .run();
    audit(
      {
        actorId: viewer.id,
        action: "consultation.questionAdded",
        targetType: "consultation",
        targetId: consultationId,
        detail: { kind: input.kind },
      },
      tx,
    );
    return { ok: true as const, id: question.id };
  });
}

/** Removes a question (before the first answer only). */
export function removeQuestion(viewer: Viewer, consultationId: number, questionId: number): { ok: true } | ConsultationRefusal {
  return db().transaction((tx) => {
    const q = tx
      .select()
      .from(consultationQuestions)
      .where(and(eq(consultationQuestions.id, questionId), eq(consultationQuestions.consultationId, consultationId)))
      .get();
    if (!q) return { ok: false as const, reason: "notFound" as const };
    if (isFrozen(consultationId, tx)) return { ok: false as const, reason: "frozen" as const };
    tx.delete(consultationQuestions).where(eq(consultationQuestions.id, questionId)).run();
    audit({ actorId: viewer.id, action: "consultation.questionRemoved", targetType: "consultation", targetId: consultationId }, tx);
    return { ok: true as const };
  });
}

/** Rewording a question is allowed at any time before closing (the meaning must stay; the log keeps the earlier wording). */
export function rewordQuestion(
  viewer: Viewer,
  consultationId: number,
  questionId: number,
  input: { textFi: string; textSv?: string | null; textEn?: string | null },
  now = clock.now(),
): { ok: true } | ConsultationRefusal {
  return db().transaction((tx) => {
    const c = tx.select().from(consultations).where(eq(consultations.id, consultationId)).get();
    const q = tx
      .select()
      .from(consultationQuestions)
      .where(and(eq(consultationQuestions.id, questionId), eq(consultationQuestions.consultationId, consultationId)))
      .get();
    if (!c || !q) return { ok: false as const, reason: "notFound" as const };
    if (consultationState(c, now) === "closed") return { ok: false as const, reason: "closed" as const };
    tx.update(consultationQuestions)
      .set({ textFi: input.textFi, textSv: blankToNull(input.textSv), textEn: blankToNull(input.textEn) })
      .where(eq(consultationQuestions.id, questionId))
      .run();
    audit(
      {
        actorId: viewer.id,
        action: "consultation.questionReworded",
        targetType: "consultation",
        targetId: consultationId,
        detail: { questionId, before: { fi: q.textFi, sv: q.textSv, en: q.textEn } },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Closes an open consultation now (the closing time moves to this moment); answerers hear when results go public. */
export function closeConsultation(viewer: Viewer, id: number, now = clock.now()): { ok: true } | ConsultationRefusal {
  const result = db().transaction((tx) => {
    const c = tx.select().from(consultations).where(eq(consultations.id, id)).get();
    if (!c) return { ok: false as const, reason: "notFound" as const };
    if (consultationState(c, now) === "closed") return { ok: false as const, reason: "closed" as const };
    tx.update(consultations)
      .set({ closesAt: now, opensAt: c.opensAt.getTime() > now.getTime() ? now : c.opensAt, version: c.version + 1 })
      .where(eq(consultations.id, id))
      .run();
    audit(
      {
        actorId: viewer.id,
        action: "consultation.closed",
        targetType: "consultation",
        targetId: id,
        detail: { closesAt: now.toISOString() },
      },
      tx,
    );
    if (c.resultsPublic) notifyResultsPublished(tx, id, now);
    return { ok: true as const };
  });
  if (result.ok) scheduleMailDelivery();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ConsultationQuestion = {
  id: number;
  position: number;
  kind: QuestionKind;
  textFi: string;
  textSv: string | null;
  textEn: string | null;
  maxChoices: number | null;
  required: boolean;
  options: { id: number; labelFi: string; labelSv: string | null; labelEn: string | null; priorityAreaId: number | null }[];
};

export function getConsultationRecord(id: number, r: Reader = db()) {
  return r.select().from(consultations).where(eq(consultations.id, id)).get() ?? null;
}

/** The questions with their options, in order. */
export function consultationQuestionList(consultationId: number, r: Reader = db()): ConsultationQuestion[] {
  const questions = r
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position))
    .all();
  if (!questions.length) return [];
  const options = r
    .select()
    .from(consultationOptions)
    .where(
      inArray(
        consultationOptions.questionId,
        questions.map((q) => q.id),
      ),
    )
    .orderBy(asc(consultationOptions.position))
    .all();
  return questions.map((q) => ({
    id: q.id,
    position: q.position,
    kind: q.kind,
    textFi: q.textFi,
    textSv: q.textSv,
    textEn: q.textEn,
    maxChoices: q.maxChoices,
    required: q.required,
    options: options
      .filter((o) => o.questionId === q.id)
      .map((o) => ({ id: o.id, labelFi: o.labelFi, labelSv: o.labelSv, labelEn: o.labelEn, priorityAreaId: o.priorityAreaId })),
  }));
}

/** The areas a consultation is for (none: the whole city). */
export function consultationAreaList(consultationId: number, r: Reader = db()) {
  return r
    .select({ id: areas.id, level: areas.level, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv })
    .from(consultationAreas)
    .innerJoin(areas, eq(areas.id, consultationAreas.areaId))
    .where(eq(consultationAreas.consultationId, consultationId))
    .orderBy(asc(areas.level), asc(areas.code))
    .all();
}

/** A consultation with everything its pages show (never who answered). */
export function getConsultation(id: number, now = clock.now()) {
  const c = getConsultationRecord(id);
  if (!c) return null;
  const { createdById: _creator, ...record } = c;
  return {
    consultation: record,
    state: consultationState(c, now),
    areas: consultationAreaList(id),
    questions: consultationQuestionList(id),
    frozen: isFrozen(id),
    responseCount: responseCount(id),
  };
}

export function responseCount(consultationId: number, r: Reader = db()): number {
  return r.select({ n: count() }).from(consultationResponses).where(eq(consultationResponses.consultationId, consultationId)).get()?.n ?? 0;
}

/** The list: staff who manage see everything; everyone else sees opened consultations. */
export function listConsultations(opts: { all: boolean }, now = clock.now()) {
  const rows = db()
    .select({
      ...columnsOf(consultations, "id", "titleFi", "titleSv", "titleEn", "opensAt", "closesAt", "resultsPublic"),
    })
    .from(consultations)
    .where(opts.all ? undefined : lte(consultations.opensAt, now))
    .orderBy(desc(consultations.opensAt), desc(consultations.id))
    .all();
  return rows.map((r) => ({ ...r, state: consultationState(r, now) }));
}

/** Whether the residents of these home areas are in the consultation's audience (whole city: every resident). */
export function inAudience(consultationId: number, homeAreaIds: number[], r: Reader = db()): number | null {
  if (!homeAreaIds.length) return null;
  const targets = consultationAreaList(consultationId, r).map((a) => a.id);
  if (!targets.length) return homeAreaIds[0];
  for (const home of homeAreaIds) if (areaLineageIds(home, r).some((id) => targets.includes(id))) return home;
  return null;
}

/** The steering group's decisions that cite a consultation: "what was decided". */
export function decisionsCiting(consultationId: number, r: Reader = db()) {
  const rows = r
    .select({
      ...columnsOf(reviewDecisions, "id", "decidedOn", "kind", "text", "textSv", "textEn", "year", "priorityAreaIds"),
    })
    .from(consultationDecisions)
    .innerJoin(reviewDecisions, eq(reviewDecisions.id, consultationDecisions.decisionId))
    .where(eq(consultationDecisions.consultationId, consultationId))
    .orderBy(asc(reviewDecisions.decidedOn), asc(reviewDecisions.id))
    .all();
  const ids = [...new Set(rows.flatMap((d) => (d.priorityAreaIds ? (JSON.parse(d.priorityAreaIds) as number[]) : [])))];
  const names = ids.length
    ? r
        .select({
          ...columnsOf(priorityAreas, "id", "code"),
          ...namesOf(priorityAreas),
        })
        .from(priorityAreas)
        .where(inArray(priorityAreas.id, ids))
        .all()
    : [];
  return rows.map(({ priorityAreaIds, ...d }) => ({
    ...d,
    priorityAreas: (priorityAreaIds ? (JSON.parse(priorityAreaIds) as number[]) : [])
      .map((id) => names.find((n) => n.id === id))
      .filter((n): n is NonNullable<typeof n> => !!n),
  }));
}

/** Consultations a priority-area decision may cite: the closed ones, newest first. */
export function citableConsultations(now = clock.now()) {
  return listConsultations({ all: true }, now).filter((c) => c.state === "closed");
}

/**
 * Records that a decision cites a consultation, and tells its answerers (inside the decision's
 * transaction; the caller schedules the mail after it).
 */
export function citeConsultation(tx: Tx, decisionId: number, consultationId: number, now = clock.now()): boolean {
  const c = tx
    .select({ id: consultations.id, closesAt: consultations.closesAt })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .get();
  if (!c) return false;
  tx.insert(consultationDecisions).values({ decisionId, consultationId }).run();
  notifyAnswerers(tx, consultationId, {
    kind: "consultation.decision",
    messageKey: "consultations.notify.decision",
    key: (u) => `consultation:${consultationId}:decision:${decisionId}:u:${u}`,
    now,
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Notifications

function titleOf(tx: Reader, id: number): string {
  return tx.select({ t: consultations.titleFi }).from(consultations).where(eq(consultations.id, id)).get()?.t ?? "";
}

/** Subscribed residents of the covered areas (whole city: every subscribed resident). */
function subscribersInAudience(tx: Reader, consultationId: number): string[] {
  const rows = tx
    .select({ userId: residencies.userId, areaId: residencies.areaId })
    .from(consultationSubscriptions)
    .innerJoin(residencies, eq(residencies.userId, consultationSubscriptions.userId))
    .all();
  const byUser = new Map<string, number[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.areaId]);
  return [...byUser].filter(([, homes]) => inAudience(consultationId, homes, tx) != null).map(([u]) => u);
}

/** Tells subscribed residents of the covered areas that the consultation is open (once per person). */
export function notifyOpened(tx: Tx, consultationId: number, now = clock.now()): number {
  return notifyMany(
    tx,
    subscribersInAudience(tx, consultationId),
    {
      kind: "consultation.opened",
      messageKey: "consultations.notify.opened",
      params: { title: titleOf(tx, consultationId) },
      link: `/consultations/${consultationId}`,
      key: (u) => `consultation:${consultationId}:opened:u:${u}`,
    },
    { now },
  );
}

function notifyAnswerers(
  tx: Tx,
  consultationId: number,
  n: { kind: string; messageKey: string; key: (u: string) => string; now: Date },
): number {
  const answerers = tx
    .select({ userId: consultationResponses.userId })
    .from(consultationResponses)
    .where(and(eq(consultationResponses.consultationId, consultationId), isNotNull(consultationResponses.userId)))
    .all()
    .map((r) => r.userId as string);
  return notifyMany(
    tx,
    answerers,
    {
      kind: n.kind,
      messageKey: n.messageKey,
      params: { title: titleOf(tx, consultationId) },
      link: `/consultations/${consultationId}`,
      key: n.key,
    },
    { now: n.now },
  );
}

/** Tells the answerers that the results are public (once per person). */
export function notifyResultsPublished(tx: Tx, consultationId: number, now = clock.now()): number {
  return notifyAnswerers(tx, consultationId, {
    kind: "consultation.results",
    messageKey: "consultations.notify.results",
    key: (u) => `consultation:${consultationId}:results:u:${u}`,
    now,
  });
}

/**
 * The reminders job's tick: consultations that opened (told to subscribers) and consultations whose
 * public results came out when their closing time passed (told to answerers) within the last
 * 30 days. The reminder keys keep each notice to once per person; the job delivers the mail after.
 */
export function runConsultationNotices(now = clock.now()): number {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  return db().transaction((tx) => {
    let n = 0;
    const opened = tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(lte(consultations.opensAt, now), gt(consultations.closesAt, now), gt(consultations.opensAt, since)))
      .all();
    for (const c of opened) n += notifyOpened(tx, c.id, now);
    const closed = tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(lte(consultations.closesAt, now), gt(consultations.closesAt, since), eq(consultations.resultsPublic, true)))
      .all();
    for (const c of closed) n += notifyResultsPublished(tx, c.id, now);
    return n;
  });
}

// ---------------------------------------------------------------------------------------------
// The account setting

export function isSubscribed(userId: string): boolean {
  return !!db().select().from(consultationSubscriptions).where(eq(consultationSubscriptions.userId, userId)).get();
}

export function setSubscription(userId: string, subscribe: boolean): void {
  db().transaction((tx) => {
    if (subscribe) tx.insert(consultationSubscriptions).values({ userId }).onConflictDoNothing().run();
    else tx.delete(consultationSubscriptions).where(eq(consultationSubscriptions.userId, userId)).run();
    audit(
      {
        actorId: userId,
        action: subscribe ? "consultation.subscribed" : "consultation.unsubscribed",
        targetType: "user",
        targetId: userId,
      },
      tx,
    );
  });
}

/** The Helsinki wall-clock date and time of an instant, as the edit form shows them. */
export function helsinkiFields(at: Date) {
  const { date, time } = helsinkiParts(at);
  return { date, time };
}

/** The current areas in tree order (major district, its districts, their sub-areas…) for choosing an audience. */
export function audienceAreaChoices(): { id: number; level: string; nameFi: string; nameSv: string | null; depth: number }[] {
  const all = listAllAreas().filter((a) => !a.former);
  const children = new Map<number | null, typeof all>();
  for (const a of all) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  const out: { id: number; level: string; nameFi: string; nameSv: string | null; depth: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const a of children.get(parentId) ?? []) {
      out.push({ id: a.id, level: a.level, nameFi: a.nameFi, nameSv: a.nameSv, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The starting values of a new consultation: open from now for two weeks, closing at 16.00 Helsinki time. */
export function newConsultationDefaults(now = clock.now()) {
  const opens = helsinkiParts(now);
  const closes = helsinkiParts(new Date(now.getTime() + 14 * 86_400_000));
  return { opensDate: opens.date, opensTime: opens.time, closesDate: closes.date, closesTime: "16:00", resultsPublic: "on" };
}

/** The plan whose priority areas a new consultation's ranking offers: the one in force, else the newest. */
export function consultationPlanId(): number | null {
  return currentPlan({ publicOnly: false })?.id ?? null;
}

/** What the edit page shows: the consultation, its form values, the areas to choose from and the plan's priority areas. */
export function consultationForEditing(id: number, now = clock.now()) {
  const data = getConsultation(id, now);
  if (!data) return null;
  const c = data.consultation;
  const opens = helsinkiParts(c.opensAt);
  const closes = helsinkiParts(c.closesAt);
  return {
    ...data,
    form: {
      intent: "edit",
      version: String(c.version),
      titleFi: c.titleFi,
      titleSv: c.titleSv ?? "",
      titleEn: c.titleEn ?? "",
      descriptionFi: c.descriptionFi,
      descriptionSv: c.descriptionSv ?? "",
      descriptionEn: c.descriptionEn ?? "",
      opensDate: opens.date,
      opensTime: opens.time,
      closesDate: closes.date,
      closesTime: closes.time,
      areaIds: data.areas.map((a) => String(a.id)),
      resultsPublic: c.resultsPublic ? "on" : "",
    },
    areaChoices: audienceAreaChoices(),
    priorityAreas: c.planId ? listPriorityAreas(c.planId, now).map((p) => ({ id: p.id, code: p.code, ...namesFrom(p) })) : [],
  };
}

/** Which consultation each of these decisions cites (for the review's decision list). */
export function citationsOf(
  decisionIds: number[],
): Record<number, { id: number; titleFi: string; titleSv: string | null; titleEn: string | null }> {
  if (!decisionIds.length) return {};
  const rows = db()
    .select({
      decisionId: consultationDecisions.decisionId,
      ...columnsOf(consultations, "id", "titleFi", "titleSv", "titleEn"),
    })
    .from(consultationDecisions)
    .innerJoin(consultations, eq(consultations.id, consultationDecisions.consultationId))
    .where(inArray(consultationDecisions.decisionId, decisionIds))
    .all();
  return Object.fromEntries(rows.map(({ decisionId, ...c }) => [decisionId, c]));
}
