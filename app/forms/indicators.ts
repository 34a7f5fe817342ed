// The indicator definition form (coordinators). Messages are translation keys; the same schema
// validates in the browser (conform) and on the server.
import { INDICATOR_DIRECTIONS, INDICATOR_RESOLUTIONS } from "../../db/schema";
import { figureProblem, normalizePeriod, parseFigure, type Figure } from "../server/city/indicator-figures";
import { errorKey, z } from "./z";

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const IndicatorDefinitionSchema = z.object({
  /** The key CSV imports name the indicator by: lower case letters, digits and dashes. */
  key: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "indicators.errors.keyFormat"),
  nameFi: z.string().trim().min(3).max(200),
  nameSv: optionalText(200),
  nameEn: optionalText(200),
  unit: z.string().trim().min(1).max(30),
  source: optionalText(300),
  direction: z.enum(INDICATOR_DIRECTIONS),
  resolution: z.enum(INDICATOR_RESOLUTIONS),
  descriptionFi: optionalText(4000),
  priorityAreaIds: z.array(z.coerce.number().int().positive()).default([]),
  /** Identifiers of measures, separated by commas, semicolons or spaces ("1.2, 3.10"). */
  measureCodes: optionalText(2000),
  /** The version the form was opened on (editing only). */
  version: z.coerce.number().int().positive().optional(),
});
export type IndicatorDefinitionForm = z.infer<typeof IndicatorDefinitionSchema>;

/** "1.2, 3.10;4.1" → ["1.2", "3.10", "4.1"]: each identifier once, in the order given. */
export function parseMeasureCodes(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

/** Which field a refused definition save is about, and what to tell (the server's reasons). */
const DEFINITION_REFUSALS = {
  keyTaken: { field: "key", message: "indicators.errors.keyTaken" },
  resolutionLocked: { field: "resolution", message: "indicators.errors.resolutionLocked" },
  priorityArea: { field: "priorityAreaIds", message: "indicators.errors.priorityArea" },
  measureCodes: { field: "measureCodes", message: "indicators.errors.measureCodes" },
} as const;

/**
 * A refused definition save as the form's field errors (unknown measure identifiers are named), or
 * null for a reason no field of the form is about.
 */
export function definitionRefusal(refusal: { reason: string; unknown?: string[] }): Record<string, string[]> | null {
  if (!(refusal.reason in DEFINITION_REFUSALS)) return null;
  const { field, message } = DEFINITION_REFUSALS[refusal.reason as keyof typeof DEFINITION_REFUSALS];
  return { [field]: [refusal.unknown ? errorKey(message, { codes: refusal.unknown.join(", ") }) : message] };
}

/**
 * The value form of one indicator; the period's shape depends on its time resolution. The value is
 * read as the import reads it: a number, a bound ("yli 80", ">80") or a range ("4000–5000").
 */
export function indicatorValueSchema(resolution: "year" | "month", unit: string) {
  const pattern = resolution === "year" ? /^(19|20)\d{2}$|^2100$/ : /^((19|20)\d{2}|2100)-(0[1-9]|1[0-2])$/;
  const periodMessage = resolution === "year" ? "indicators.errors.periodYear" : "indicators.errors.periodMonth";
  return z.object({
    period: z.string().trim().min(1).max(10).transform(normalizePeriod).pipe(z.string().regex(pattern, periodMessage)),
    areaId: z.coerce.number().int().positive().optional(),
    value: z
      .string({ required_error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(40)
      .transform((text, ctx): Figure => {
        const figure = parseFigure(text);
        const problem = figure ? figureProblem(unit, figure) : "indicators.errors.figure";
        if (problem) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
          return z.NEVER;
        }
        return figure!;
      }),
    kind: z.enum(["actual", "target"]),
  });
}
