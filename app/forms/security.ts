// Second-factor forms: the sign-in step, enrolment on the account page and the coordinators' setting.
import { z } from "./z";

const code6 = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, { message: "secondFactor.wrongCode" });
const recovery = z.string().trim().min(16, { message: "secondFactor.wrongCode" }).max(40, { message: "secondFactor.wrongCode" });
/** A WebAuthn response from @simplewebauthn/browser, as JSON text. */
const webauthnJson = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      const value = JSON.parse(text) as unknown;
      if (
        value &&
        typeof value === "object" &&
        typeof (value as { id?: unknown }).id === "string" &&
        typeof (value as { response?: unknown }).response === "object"
      )
        return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.invalid" });
    return z.NEVER;
  });
const label = (fallback: string) =>
  z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || fallback);

export const SecondFactorSignInSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("passkey"), response: webauthnJson }),
  z.object({ intent: z.literal("totp"), code: code6 }),
  z.object({ intent: z.literal("recovery"), code: recovery }),
]);

export const SecondFactorAccountSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("passkeyOptions") }),
  z.object({ intent: z.literal("passkeyEnrol"), response: webauthnJson, label: label("Passkey") }),
  z.object({ intent: z.literal("totpStart") }),
  z.object({ intent: z.literal("totpConfirm"), code: code6, label: label("TOTP") }),
  z.object({ intent: z.literal("removeFactor"), factorId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("recoveryCodes") }),
]);
export const SECOND_FACTOR_INTENTS = [
  "passkeyOptions",
  "passkeyEnrol",
  "totpStart",
  "totpConfirm",
  "removeFactor",
  "recoveryCodes",
] as const;

export const SecuritySettingsSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("requireAllStaff"),
    on: z
      .enum(["on", "off"])
      .optional()
      .transform((v) => v === "on"),
  }),
]);

/** A coordinator resetting a user's second factors. */
export const SecondFactorResetSchema = z.object({ intent: z.literal("reset"), userId: z.string().min(1).max(64) });
