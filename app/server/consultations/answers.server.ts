// A resident's answer to a consultation: once per person, changeable until the exact closing time,
// with the home area (and its district and major district) recorded for the breakdown. The person's
// own answers are theirs to read (account page, /account/data.json); nobody else sees who answered.
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  areas,
  consultationAnswers,
  consultationOptions,
  consultationQuestions,
  consultationResponses,
  consultations,
} from "../../../db/schema";
import type { AnswerInput } from "../../forms/consultations";
import { areaLineageIds } from "../city/areas.server";
import type { Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db } from "../platform/db.server";
import { consultationQuestionList, consultationState, inAudience } from "./consultations.server";
import { columnsOf } from "../platform/select-names";

export type AnswerRefusal = { ok: false; reason: "notFound" | "notOpen" | "closed" | "notInAudience" | "noQuestions" | "invalid" };

/**
 * Stores the viewer's answer, replacing their earlier one. The check of the closing time happens
 * inside the write transaction, against the same clock, so an answer a moment late is refused.
 */
export function submitAnswer(
  viewer: Viewer,
  consultationId: number,
  answers: AnswerInput[],
  now = clock.now(),
): { ok: true; changed: boolean } | AnswerRefusal {
  return db().transaction((tx) => {
    const c = tx.select().from(consultations).where(eq(consultations.id, consultationId)).get();
    if (!c) return { ok: false as const, reason: "notFound" as const };
    const state = consultationState(c, now);
    if (state === "upcoming") return { ok: false as const, reason: "notOpen" as const };
    if (state === "closed") return { ok: false as const, reason: "closed" as const };
    const home = inAudience(consultationId, viewer.residentAreaIds, tx);
    if (home == null) return { ok: false as const, reason: "notInAudience" as const };
    const questions = consultationQuestionList(consultationId, tx);
    if (!questions.length) return { ok: false as const, reason: "noQuestions" as const };
    // The form's schema checked the input; the domain still refuses rows that do not belong here.
    for (const a of answers) {
      const q = questions.find((x) => x.id === a.questionId);
      if (!q) return { ok: false as const, reason: "invalid" as const };
      if (a.optionId != null && !q.options.some((o) => o.id === a.optionId)) return { ok: false as const, reason: "invalid" as const };
    }
    const lineage = areaLineageIds(home, tx);
    const levels = tx.select({ id: areas.id, level: areas.level }).from(areas).where(inArray(areas.id, lineage)).all();
    const districtId = levels.find((l) => l.level === "district")?.id ?? null;
    const majorDistrictId = levels.find((l) => l.level === "major_district")?.id ?? null;
    const existing = tx
      .select({ id: consultationResponses.id })
      .from(consultationResponses)
      .where(and(eq(consultationResponses.consultationId, consultationId), eq(consultationResponses.userId, viewer.id)))
      .get();
    let responseId: number;
    if (existing) {
      responseId = existing.id;
      tx.update(consultationResponses)
        .set({ homeAreaId: home, districtId, majorDistrictId, updatedAt: now })
        .where(eq(consultationResponses.id, responseId))
        .run();
      tx.delete(consultationAnswers).where(eq(consultationAnswers.responseId, responseId)).run();
    } else {
      responseId = tx
        .insert(consultationResponses)
        .values({ consultationId, userId: viewer.id, homeAreaId: home, districtId, majorDistrictId, submittedAt: now, updatedAt: now })
        .returning({ id: consultationResponses.id })
        .get().id;
    }
    for (const a of answers)
      tx.insert(consultationAnswers)
        .values({
          responseId,
          questionId: a.questionId,
          optionId: a.optionId ?? null,
          rank: a.rank ?? null,
          scale: a.scale ?? null,
          text: a.text ?? null,
          moderation: a.text ? "pending" : null,
        })
        .run();
    // The log says that the person answered, never what.
    audit(
      {
        actorId: viewer.id,
        action: existing ? "consultation.answerChanged" : "consultation.answered",
        targetType: "consultation",
        targetId: consultationId,
      },
      tx,
    );
    return { ok: true as const, changed: !!existing };
  });
}

/** The viewer's own answer as stored rows, or null when they have not answered. */
export function ownAnswer(userId: string, consultationId: number) {
  const response = db()
    .select({ id: consultationResponses.id, submittedAt: consultationResponses.submittedAt, updatedAt: consultationResponses.updatedAt })
    .from(consultationResponses)
    .where(and(eq(consultationResponses.consultationId, consultationId), eq(consultationResponses.userId, userId)))
    .get();
  if (!response) return null;
  const rows = db()
    .select({
      ...columnsOf(consultationAnswers, "questionId", "optionId", "rank", "scale", "text"),
    })
    .from(consultationAnswers)
    .where(eq(consultationAnswers.responseId, response.id))
    .all();
  return { submittedAt: response.submittedAt, updatedAt: response.updatedAt, rows };
}

/** A person's own answers for their data download: the consultation, the questions and what they said. */
export function personalConsultationAnswers(userId: string) {
  const d = db();
  const responses = d
    .select({
      id: consultationResponses.id,
      consultation: consultations.titleFi,
      consultationId: consultations.id,
      homeArea: areas.nameFi,
      ...columnsOf(consultationResponses, "submittedAt", "updatedAt"),
    })
    .from(consultationResponses)
    .innerJoin(consultations, eq(consultations.id, consultationResponses.consultationId))
    .leftJoin(areas, eq(areas.id, consultationResponses.homeAreaId))
    .where(eq(consultationResponses.userId, userId))
    .orderBy(asc(consultationResponses.submittedAt))
    .all();
  return responses.map(({ id, ...r }) => ({
    ...r,
    answers: d
      .select({
        question: consultationQuestions.textFi,
        option: consultationOptions.labelFi,
        ...columnsOf(consultationAnswers, "rank", "scale", "text", "moderation"),
      })
      .from(consultationAnswers)
      .innerJoin(consultationQuestions, eq(consultationQuestions.id, consultationAnswers.questionId))
      .leftJoin(consultationOptions, eq(consultationOptions.id, consultationAnswers.optionId))
      .where(eq(consultationAnswers.responseId, id))
      .orderBy(asc(consultationQuestions.position), asc(consultationAnswers.rank))
      .all(),
  }));
}
