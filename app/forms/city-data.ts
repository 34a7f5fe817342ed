// Forms of a real city's own data: the first coordinator of an empty city, and merging or
// removing an area.
import { z } from "./z";
import { countParam } from "./params";

const email = z.string().trim().toLowerCase().email().max(254);
/** The same rules as registration: at least 10 characters. */
const newPassword = z.string().min(10).max(200);

export const FirstRunSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    email,
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordsDiffer" });

const confirmed = z.literal("on", { errorMap: () => ({ message: "cityData.areas.errors.confirmRequired" }) });

export const AreaActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("merge"),
    intoId: z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive({ message: "validation.choose" }),
    confirm: confirmed,
  }),
  z.object({ intent: z.literal("remove"), confirm: confirmed }),
]);

/** An area's page after a merge: how many records moved (`?merged=`). */
export const AreaMergedQuerySchema = z.object({ merged: countParam });

/** The areas list after a removal: the removed area's name (`?removed=`). */
export const RemovedAreaNameSchema = z.string().trim().min(1).max(200);
