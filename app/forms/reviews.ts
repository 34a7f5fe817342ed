import { z } from "./z";
import { positiveIntParam } from "./params";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");

export const SummaryFilterSchema = z.object({
  /** A priority area's id, or "none" for the measures without a priority area. */
  priority: z
    .union([z.literal("none"), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
  owner: z.coerce.number().int().positive().optional().catch(undefined),
  area: z.coerce.number().int().positive().optional().catch(undefined),
});

// Runs of spaces count as one, so "Katsaus  2" and "Katsaus 2" are the same title.
const reviewTitle = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .transform((v) => v.replace(/\s+/g, " "));
/** A translation of the title: optional (conform reads an empty input as absent), the same rules when given. */
const titleTranslation = reviewTitle.optional();

const titleFields = { title: reviewTitle, titleSv: titleTranslation, titleEn: titleTranslation };

/** Renaming a draft review in its three languages. */
export const ReviewTitlesSchema = z.object({
  intent: z.literal("titles"),
  version: z.coerce.number().int().positive(),
  ...titleFields,
});

export const NewReviewSchema = z
  .object({
    ...titleFields,
    periodStart: isoDate,
    periodEnd: isoDate,
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ["periodEnd"], message: "measures.validation.endBeforeStart" });

export const AssessmentSchema = z.object({
  intent: z.literal("assess"),
  priorityAreaId: z.coerce.number().int().positive().optional(),
  version: z.coerce.number().int().min(0).default(0),
  assessment: z.string().trim().max(8000).default(""),
  proposals: z.string().trim().max(8000).default(""),
});

export const ReviewStepSchema = z.object({
  intent: z.enum(["send", "discussed", "close"]),
  version: z.coerce.number().int().positive(),
});

export const DecisionFormSchema = z
  .object({
    intent: z.literal("decide"),
    decidedOn: isoDate,
    kind: z.enum(["priority_areas", "other"]),
    text: z.string().trim().min(3).max(4000),
    /** The decision in Swedish and English; empty falls back to the Finnish text. */
    textSv: z.string().trim().max(4000).optional(),
    textEn: z.string().trim().max(4000).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    priorityAreaIds: z.array(z.coerce.number().int().positive()).default([]),
    /** A residents' consultation the decision cites (issue 16); empty: none. */
    consultationId: z.coerce.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "priority_areas") return;
    if (!v.year) ctx.addIssue({ code: "custom", path: ["year"], message: "validation.required" });
    if (!v.priorityAreaIds.length) ctx.addIssue({ code: "custom", path: ["priorityAreaIds"], message: "reviews.validation.chooseAreas" });
  });

/** Comparing two reviews: `?a=` and `?b=` are both needed. */
export const ReviewCompareQuerySchema = z.object({ a: positiveIntParam, b: positiveIntParam });
