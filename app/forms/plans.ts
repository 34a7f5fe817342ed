// Forms of the strategy, safety plans and priority areas (coordinators). Messages are translation
// keys; the same schemas validate in the browser (conform) and on the server.
import { z } from "./z";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const optionalText = (max: number) => z.string().trim().max(max).optional();
const year = z.coerce.number().int().min(1900).max(2200);

const planFields = {
  nameFi: z.string().trim().min(3).max(200),
  nameSv: optionalText(200),
  nameEn: optionalText(200),
  periodStart: isoDate,
  periodEnd: isoDate,
  updateIntervalDays: z.coerce.number().int().min(7).max(730),
  strategyId: z.coerce.number().int().positive().optional(),
};

const periodOrder = (v: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) => {
  if (v.periodEnd < v.periodStart) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["periodEnd"], message: "plans.errors.periodOrder" });
};

export const NewPlanSchema = z.object(planFields).superRefine(periodOrder);

export const PlanEditSchema = z
  .object({
    intent: z.literal("plan"),
    ...planFields,
    descriptionFi: optionalText(8000),
    descriptionSv: optionalText(8000),
    descriptionEn: optionalText(8000),
    decisionDate: isoDate.optional(),
    decisionBody: optionalText(200),
    decisionReference: optionalText(200),
  })
  .superRefine(periodOrder);

/** Approval needs the decision that approved the plan; the other steps are plain buttons. */
export const ApproveSchema = z.object({
  intent: z.literal("approve"),
  decisionDate: isoDate,
  decisionBody: z.string().trim().min(2).max(200),
  decisionReference: z.string().trim().min(1).max(200),
});

export const StepSchema = z.object({ intent: z.literal("step"), to: z.enum(["in_force", "closed"]) });

export const PublishSchema = z.object({ intent: z.literal("publish"), published: z.enum(["1", "0"]) });

/** A coded, named item of a plan or a strategy (a priority area, a goal) as its form sends it. */
const codedItem = {
  id: z.coerce.number().int().positive().optional(),
  code: z.string().trim().min(1).max(20),
  nameFi: z.string().trim().min(2).max(200),
  nameSv: optionalText(200),
  nameEn: optionalText(200),
  descriptionFi: optionalText(4000),
};

export const PriorityAreaSchema = z.object({
  intent: z.literal("area"),
  ...codedItem,
  descriptionSv: optionalText(4000),
  descriptionEn: optionalText(4000),
  years: z.array(year).default([]),
  decisionNote: optionalText(300),
});

export const StrategySchema = z
  .object({
    intent: z.literal("strategy"),
    id: z.coerce.number().int().positive().optional(),
    nameFi: z.string().trim().min(3).max(200),
    nameSv: optionalText(200),
    nameEn: optionalText(200),
    termStartYear: year,
    termEndYear: year,
    descriptionFi: optionalText(8000),
    descriptionSv: optionalText(8000),
    descriptionEn: optionalText(8000),
  })
  .superRefine((v, ctx) => {
    if (v.termEndYear < v.termStartYear)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["termEndYear"], message: "plans.errors.termOrder" });
  });

export const GoalSchema = z.object({
  intent: z.literal("goal"),
  strategyId: z.coerce.number().int().positive(),
  ...codedItem,
});
