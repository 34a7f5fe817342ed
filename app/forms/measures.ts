import { MEASURE_STATUSES, TASK_STATES } from "../../db/schema";
import { costSharesProblem, MEASURE_SORTS } from "../server/city/measure-rules";
import { z } from "./z";
import { ImportDoneSchema, optionalPositiveIntParam, positiveIntParam } from "./params";

/** Finnish number input: "24 000,50" and "24000.50" both mean 24000.5. */
export const finnishNumber = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const cleaned = v.replace(/[\s\u00a0€%]/g, "").replace(",", ".");
  return cleaned === "" ? undefined : Number(cleaned);
}, z.number({ invalid_type_error: "validation.number" }).finite());

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const ids = z.array(z.coerce.number().int().positive()).default([]);
/** A Swedish or English version beside a Finnish text: optional, empty means "fall back to Finnish". */
const translation = (max: number) => z.string().trim().max(max).optional();

export const MeasureFormSchema = z
  .object({
    version: z.coerce.number().int().positive().optional(),
    code: z
      .string()
      .trim()
      .min(1)
      .max(16)
      .regex(/^[0-9A-Za-zÅÄÖåäö.\-/]+$/, "measures.validation.code"),
    title: z.string().trim().min(3).max(300),
    description: z.string().trim().max(8000).default(""),
    titleSv: translation(300),
    titleEn: translation(300),
    descriptionSv: translation(8000),
    descriptionEn: translation(8000),
    priorityAreaId: z.coerce.number().int().positive().optional(),
    ownerOrganisationId: z.coerce.number().int().positive({ message: "validation.choose" }),
    responsibleUserId: z.string().trim().max(64).optional(),
    partnerIds: ids,
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    continuous: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    cityWide: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    areaIds: ids,
    budgetEur: finnishNumber.pipe(z.number().min(0).max(1e10)).optional(),
    goalIds: ids,
    costShares: z
      .array(
        z.object({
          organisationId: z.coerce.number().int().positive({ message: "validation.choose" }),
          percent: finnishNumber.pipe(z.number().gt(0).max(100)),
        }),
      )
      .default([]),
    tasks: z
      .array(
        z.object({
          title: z.string().trim().min(2).max(300),
          titleSv: translation(300),
          titleEn: translation(300),
          dueDate: isoDate.optional(),
          state: z.enum(TASK_STATES).default("open"),
        }),
      )
      .default([]),
    published: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (!v.continuous && !v.endDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "measures.validation.endOrContinuous" });
    if (v.startDate && v.endDate && !v.continuous && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "measures.validation.endBeforeStart" });
    if (!v.cityWide && v.areaIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["areaIds"], message: "measures.validation.areasRequired" });
    const problem = costSharesProblem(v.costShares);
    if (problem) ctx.addIssue({ code: "custom", path: ["costShares"], message: `measures.validation.costShares.${problem}` });
  });

export type MeasureForm = z.infer<typeof MeasureFormSchema>;

/** The texts of a follow-up entry, as it is written and as it is corrected later. */
const followUpTexts = {
  done: z.string().trim().min(3).max(4000),
  next: z.string().trim().max(4000).default(""),
  obstacles: z.string().trim().max(4000).default(""),
  publicText: z.string().trim().max(1000).default(""),
  publicTextSv: translation(1000),
  publicTextEn: translation(1000),
};

export const FollowUpFormSchema = z.object({
  version: z.coerce.number().int().positive(),
  status: z.enum(MEASURE_STATUSES),
  progress: z.coerce.number({ invalid_type_error: "validation.number" }).int().min(0).max(100),
  ...followUpTexts,
  tasks: z.array(z.object({ id: z.coerce.number().int().positive(), state: z.enum(TASK_STATES) })).default([]),
  /** The checkbox under the question "complete although work is open?"; a plain form field, so it works without JavaScript. */
  confirmCompletion: z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean()).default(false),
  /** Set while the question is on the form: a second send without the tick gets a field error. */
  completionAsked: z.preprocess((v) => v === "1", z.boolean()).default(false),
});

export const FollowUpEditSchema = z.object({
  intent: z.literal("editFollowUp"),
  followUpId: z.coerce.number().int().positive(),
  revision: z.coerce.number().int().positive(),
  ...followUpTexts,
});

export const DecisionSchema = z.object({
  intent: z.enum(["approve", "discontinue"]),
  version: z.coerce.number().int().positive(),
});

const bool = z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()).optional();

/** The measure list's state lives in the URL; anything malformed is simply ignored. */
export const MeasureListQuerySchema = z.object({
  plan: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  area: z.coerce.number().int().positive().optional().catch(undefined),
  /** A priority area's id, or "none" for the measures without a priority area. */
  priority: z
    .union([z.literal("none"), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
  status: z.array(z.enum(MEASURE_STATUSES)).optional().catch(undefined),
  late: bool.catch(undefined),
  stale: bool.catch(undefined),
  owner: z.coerce.number().int().positive().optional().catch(undefined),
  goal: z.coerce.number().int().positive().optional().catch(undefined),
  sort: z.enum(MEASURE_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

export type MeasureListQuery = z.infer<typeof MeasureListQuerySchema>;

/** Reads the list state from a URL (status may repeat). */
export function parseMeasureListQuery(url: URL): MeasureListQuery {
  const params = url.searchParams;
  const raw: Record<string, unknown> = Object.fromEntries(params);
  raw.status = params.getAll("status").length ? params.getAll("status") : undefined;
  return MeasureListQuerySchema.parse(raw);
}

/** The list's filters and order as the measure queries take them: the list page and the export use the same. */
export function measureListFilter(planId: number, query: MeasureListQuery) {
  return {
    planId,
    q: query.q,
    priorityAreaId: query.priority,
    status: query.status,
    late: query.late,
    stale: query.stale,
    ownerId: query.owner,
    areaId: query.area,
    goalId: query.goal,
    sort: query.sort,
    dir: query.dir,
  };
}

/** A new measure's page: which plan it is proposed to (`?plan=`); anything malformed is ignored. */
export const NewMeasureQuerySchema = z.object({ plan: optionalPositiveIntParam });

/** The measure export's file format (`?format=`), CSV unless asked otherwise. */
export const MeasureExportFormatSchema = z.enum(["csv", "xlsx"]).default("csv");

/** What a confirmed measure import did, and into which plan. */
export const MeasureImportDoneSchema = ImportDoneSchema.extend({ plan: positiveIntParam });

/** The upload form's "import new measures unpublished" checkbox. */
export const MeasureImportUnpublishedSchema = z
  .literal("on")
  .optional()
  .catch(undefined)
  .transform((v) => v === "on");
