// Forms of the residents' e-consultations: the coordinators' consultation and question forms, the
// moderation and closing buttons, and the answer form, whose schema is built from the questions
// (the same schema checks in the browser and on the server: ranks within 1..N, no duplicate rank,
// only the question's own options, texts within their limit).
import { errorKey, z } from "./z";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.invalid");
const translation = (max: number) => z.string().trim().max(max).optional();
/** A checkbox: present ("on") or absent. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
const idList = z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()));

/** The longest free-text answer, in characters. */
export const MAX_ANSWER_TEXT = 2000;
/** Public results show no area with fewer answers than this: such areas are counted together (results.server.ts). */
export const MIN_PUBLIC_GROUP = 5;
/** The area id of the row that counts the small areas together. */
export const SMALL_AREAS = -1;

const contentFields = {
  titleFi: z.string().trim().min(3).max(200),
  titleSv: translation(200),
  titleEn: translation(200),
  descriptionFi: z.string().trim().min(1).max(4000),
  descriptionSv: translation(4000),
  descriptionEn: translation(4000),
  closesDate: isoDate,
  closesTime: clockTime,
};

/** A new consultation: content, when it is open (Helsinki time), who may answer, and whether results go public. */
export const ConsultationSchema = z
  .object({
    ...contentFields,
    opensDate: isoDate,
    opensTime: clockTime,
    /** Empty: the whole city. */
    areaIds: idList,
    resultsPublic: checkbox,
  })
  .superRefine((v, ctx) => {
    if (`${v.closesDate}T${v.closesTime}` <= `${v.opensDate}T${v.opensTime}`)
      ctx.addIssue({ code: "custom", path: ["closesDate"], message: "consultations.validation.closesBeforeOpens" });
  });
export type ConsultationForm = z.infer<typeof ConsultationSchema>;

/** Editing a consultation: the same fields, with the version it was opened on. Once answered, only texts and closing change. */
export const ConsultationEditSchema = z
  .object({
    intent: z.literal("edit"),
    version: z.coerce.number().int().positive(),
    ...contentFields,
    opensDate: isoDate.optional(),
    opensTime: clockTime.optional(),
    areaIds: idList,
    resultsPublic: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.opensDate && v.opensTime && `${v.closesDate}T${v.closesTime}` <= `${v.opensDate}T${v.opensTime}`)
      ctx.addIssue({ code: "custom", path: ["closesDate"], message: "consultations.validation.closesBeforeOpens" });
  });

const lines = (v: string | undefined) =>
  (v ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A question: its kind, wording in three languages, and its choices (one per line; Swedish and English lines follow the Finnish ones). */
export const QuestionSchema = z
  .object({
    intent: z.literal("addQuestion"),
    kind: z.enum(["rank", "single", "multiple", "scale", "text"]),
    textFi: z.string().trim().min(3).max(500),
    textSv: translation(500),
    textEn: translation(500),
    required: checkbox,
    maxChoices: z.coerce.number().int().min(1).max(20).optional(),
    priorityAreaIds: idList,
    optionsFi: z.string().max(4000).optional(),
    optionsSv: z.string().max(4000).optional(),
    optionsEn: z.string().max(4000).optional(),
  })
  .superRefine((v, ctx) => {
    const fi = lines(v.optionsFi);
    for (const [field, other] of [
      ["optionsSv", lines(v.optionsSv)],
      ["optionsEn", lines(v.optionsEn)],
    ] as const)
      if (other.length && other.length !== fi.length)
        ctx.addIssue({ code: "custom", path: [field], message: "consultations.validation.optionLines" });
    if (fi.some((l) => l.length > 200))
      ctx.addIssue({ code: "custom", path: ["optionsFi"], message: errorKey("validation.tooLong", { max: 200 }) });
    const choices = fi.length + (v.kind === "rank" ? v.priorityAreaIds.length : 0);
    if ((v.kind === "rank" || v.kind === "single" || v.kind === "multiple") && choices < 2)
      ctx.addIssue({ code: "custom", path: ["optionsFi"], message: "consultations.validation.twoOptions" });
    if (v.kind === "rank" && v.maxChoices && v.maxChoices > choices)
      ctx.addIssue({ code: "custom", path: ["maxChoices"], message: errorKey("validation.tooBig", { max: choices }) });
  })
  .transform((v) => {
    const fi = lines(v.optionsFi);
    const sv = lines(v.optionsSv);
    const en = lines(v.optionsEn);
    const usesOptions = v.kind === "rank" || v.kind === "single" || v.kind === "multiple";
    return {
      kind: v.kind,
      textFi: v.textFi,
      textSv: v.textSv || null,
      textEn: v.textEn || null,
      required: v.required,
      maxChoices: v.kind === "rank" || v.kind === "multiple" ? (v.maxChoices ?? null) : null,
      priorityAreaIds: v.kind === "rank" ? v.priorityAreaIds : [],
      options: usesOptions ? fi.map((labelFi, i) => ({ labelFi, labelSv: sv.at(i) ?? null, labelEn: en.at(i) ?? null })) : [],
    };
  });
export type QuestionInput = z.output<typeof QuestionSchema>;

/** Rewording a question (allowed also after the first answer; logged). */
export const QuestionWordingSchema = z.object({
  intent: z.literal("rewordQuestion"),
  questionId: z.coerce.number().int().positive(),
  textFi: z.string().trim().min(3).max(500),
  textSv: translation(500),
  textEn: translation(500),
});

export const RemoveQuestionSchema = z.object({ intent: z.literal("removeQuestion"), questionId: z.coerce.number().int().positive() });
export const CloseConsultationSchema = z.object({ intent: z.literal("close") });

/** The edit page's forms, told apart by their intent. */
export const ConsultationEditIntent = z.object({ intent: z.enum(["edit", "addQuestion", "rewordQuestion", "removeQuestion", "close"]) });

export const ModerationSchema = z.object({
  answerId: z.coerce.number().int().positive(),
  decision: z.enum(["approved", "rejected"]),
});

export const ResultsExportFormatSchema = z.enum(["csv", "xlsx"]);

/** The account setting: tell me when a consultation for my area opens. */
export const ConsultationSubscriptionSchema = z.object({ intent: z.literal("consultationSubscription"), subscribe: checkbox });

// ---------------------------------------------------------------------------------------------
// The answer form

/** What the answer schema needs of a question. */
export type AnswerQuestion = {
  id: number;
  kind: "rank" | "single" | "multiple" | "scale" | "text";
  required: boolean;
  maxChoices: number | null;
  options: { id: number }[];
};

/** One stored answer row: the domain module writes these. */
export type AnswerInput = {
  questionId: number;
  optionId?: number | null;
  rank?: number | null;
  scale?: number | null;
  text?: string | null;
};

/** How many candidates a ranking question ranks at most. */
export const rankLimit = (q: AnswerQuestion) => Math.min(q.maxChoices ?? q.options.length, q.options.length);

/** The name of a question's field (ranking: one per candidate). */
export const questionField = (questionId: number) => `q${questionId}`;
export const rankField = (questionId: number, optionId: number) => `q${questionId}_o${optionId}`;

const optionalNumber = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().optional());

/**
 * The answer form's schema for these questions. Ranking is a number select per candidate (works
 * without a mouse and without JavaScript); the ranks are checked here, never trusted.
 */
export function answerSchema(questions: AnswerQuestion[]) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const q of questions) {
    const known = new Set(q.options.map((o) => o.id));
    if (q.kind === "rank") {
      const n = rankLimit(q);
      for (const o of q.options)
        shape[rankField(q.id, o.id)] = optionalNumber.refine(
          (v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= n),
          errorKey("consultations.validation.rankRange", { max: n }),
        );
    } else if (q.kind === "single") {
      shape[questionField(q.id)] = optionalNumber.refine((v) => v === undefined || known.has(v), "consultations.validation.unknownOption");
    } else if (q.kind === "multiple") {
      shape[questionField(q.id)] = idList.refine((v) => v.every((id) => known.has(id)), "consultations.validation.unknownOption");
    } else if (q.kind === "scale") {
      shape[questionField(q.id)] = optionalNumber.refine(
        (v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 5),
        "consultations.validation.scale",
      );
    } else {
      shape[questionField(q.id)] = z.string().trim().max(MAX_ANSWER_TEXT).optional();
    }
  }
  return z.object(shape).superRefine((value, ctx) => {
    for (const q of questions) {
      const field = questionField(q.id);
      if (q.kind === "rank") {
        const seen = new Map<number, number>();
        let given = 0;
        for (const o of q.options) {
          const rank = value[rankField(q.id, o.id)] as number | undefined;
          if (rank === undefined) continue;
          given++;
          if (seen.has(rank))
            ctx.addIssue({
              code: "custom",
              path: [rankField(q.id, o.id)],
              message: errorKey("consultations.validation.rankDuplicate", { rank }),
            });
          seen.set(rank, o.id);
        }
        if (q.required && given === 0) ctx.addIssue({ code: "custom", path: [field], message: "consultations.validation.rankOne" });
        continue;
      }
      const v = value[field];
      if (q.kind === "multiple") {
        const list = (v as number[] | undefined) ?? [];
        if (q.maxChoices && list.length > q.maxChoices)
          ctx.addIssue({ code: "custom", path: [field], message: errorKey("consultations.validation.tooMany", { max: q.maxChoices }) });
        if (q.required && list.length === 0) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
      } else if (q.required && (v === undefined || v === "")) {
        ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
      }
    }
  });
}

/** The validated answer form as the rows the domain module stores. */
export function answersFromForm(questions: AnswerQuestion[], value: Record<string, unknown>): AnswerInput[] {
  const rows: AnswerInput[] = [];
  for (const q of questions) {
    const v = value[questionField(q.id)];
    if (q.kind === "rank") {
      for (const o of q.options) {
        const rank = value[rankField(q.id, o.id)];
        if (typeof rank === "number") rows.push({ questionId: q.id, optionId: o.id, rank });
      }
    } else if (q.kind === "single" && typeof v === "number") rows.push({ questionId: q.id, optionId: v });
    else if (q.kind === "multiple" && Array.isArray(v)) for (const id of v) rows.push({ questionId: q.id, optionId: Number(id) });
    else if (q.kind === "scale" && typeof v === "number") rows.push({ questionId: q.id, scale: v });
    else if (q.kind === "text" && typeof v === "string" && v.trim()) rows.push({ questionId: q.id, text: v.trim() });
  }
  return rows;
}

/** A stored answer as the form's starting values (changing one's answer starts from it). */
export function formFromAnswers(questions: AnswerQuestion[], rows: AnswerInput[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of questions) {
    const mine = rows.filter((r) => r.questionId === q.id);
    if (q.kind === "rank") for (const r of mine) out[rankField(q.id, r.optionId ?? 0)] = String(r.rank ?? "");
    else if (q.kind === "single" && mine[0]?.optionId) out[questionField(q.id)] = String(mine[0].optionId);
    else if (q.kind === "multiple") out[questionField(q.id)] = mine.map((r) => String(r.optionId));
    else if (q.kind === "scale" && mine[0]?.scale) out[questionField(q.id)] = String(mine[0].scale);
    else if (q.kind === "text" && mine[0]?.text) out[questionField(q.id)] = mine[0].text;
  }
  return out;
}
