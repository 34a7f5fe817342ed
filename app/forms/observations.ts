// The map observation forms: reporting (a point from the map, or an area and an address without
// it), the network's approval or refusal, the handlers' step with its public reply, the list
// filters, and the coordinators' category names. Messages are translation keys (z.ts).
import { z } from "./z";

const TIMES = ["morning", "day", "evening", "night", "any"] as const;
const DAYS = ["weekday", "weekend", "any"] as const;
const optionalNumber = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().finite().optional());
const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional());

/** A point from the map (lat and lng, filled by a click) or, without the map, an area and an address. */
export const ObservationReportSchema = z
  .object({
    lat: optionalNumber,
    lng: optionalNumber,
    areaId: optionalId,
    address: z.string().trim().max(200).optional(),
    categoryId: z.coerce.number({ message: "observations.errors.category" }).int().positive(),
    timeOfDay: z.enum(TIMES),
    dayType: z.enum(DAYS),
    description: z.string().trim().min(1).max(2000),
  })
  .superRefine((v, ctx) => {
    const hasPoint = v.lat !== undefined && v.lng !== undefined;
    if (!hasPoint && !v.areaId) ctx.addIssue({ code: "custom", path: ["areaId"], message: "observations.errors.place" });
  });
export type ObservationReportValues = z.infer<typeof ObservationReportSchema>;

export const ObservationModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("refuse"), reason: z.string().trim().min(1, "observations.errors.reason").max(1000) }),
]);

export const ObservationHandlingSchema = z
  .object({
    intent: z.literal("handle"),
    handling: z.enum(["received", "forwarded", "linked", "resolved"]),
    organisationId: optionalId,
    measureId: optionalId,
    publicReply: z.string().trim().max(2000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.handling === "forwarded" && !v.organisationId)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "observations.errors.organisation" });
    if (v.handling === "linked" && !v.measureId)
      ctx.addIssue({ code: "custom", path: ["measureId"], message: "observations.errors.measure" });
  });

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional().catch(undefined));
const optionalMonth = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
);

/** The public map's filters (open or handled), read from the URL; anything odd is ignored. */
export const PublicObservationFilterSchema = z.object({
  category: optionalId.catch(undefined),
  status: optionalEnum(["open", "handled"] as const),
  area: optionalId.catch(undefined),
  view: optionalEnum(["map", "list"] as const),
});

/** The handlers' list filters: category, time of day, state, months reported. */
export const StaffObservationFilterSchema = z.object({
  category: optionalId.catch(undefined),
  time: optionalEnum(TIMES),
  status: optionalEnum(["pending", "refused", "open", "received", "forwarded", "linked", "resolved"] as const),
  from: optionalMonth,
  to: optionalMonth,
});

export const ObservationCategorySchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    nameFi: z.string().trim().min(1).max(80),
    nameSv: z.string().trim().min(1).max(80),
    nameEn: z.string().trim().min(1).max(80),
  }),
  z.object({
    intent: z.literal("update"),
    id: z.coerce.number().int().positive(),
    nameFi: z.string().trim().min(1).max(80),
    nameSv: z.string().trim().min(1).max(80),
    nameEn: z.string().trim().min(1).max(80),
    retired: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  }),
]);
