import { z } from "./z";
import { SECOND_FACTOR_INTENTS } from "./security";

const email = z.string().trim().toLowerCase().email().max(254);
/** At least 10 characters: length beats composition rules (NIST SP 800-63B). */
const newPassword = z.string().min(10).max(200);

export const LoginSchema = z.object({
  email,
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});

export const RegisterSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    email,
    areaId: z.coerce.number().int().positive({ message: "validation.choose" }),
    password: newPassword,
    passwordConfirm: z.string(),
    privacyAccepted: z.literal("on", { errorMap: () => ({ message: "validation.acceptPrivacy" }) }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordsDiffer" });

export const AcceptInvitationSchema = z
  .object({
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordsDiffer" });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string().min(1),
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordsDiffer" });

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  name: z.string().trim().min(2).max(120),
  title: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  locale: z.enum(["fi", "sv", "en"]),
});

/** A resident deleting their own account: the password again, and an explicit "I understand". */
export const DeleteAccountSchema = z.object({
  intent: z.literal("deleteAccount"),
  password: z.string().min(1).max(200),
  confirm: z.literal("on", { errorMap: () => ({ message: "account.deleteConfirmRequired" }) }),
});

/** Which of the account page's forms was sent (its own, the rights request's and the second factor's). */
export const AccountIntentSchema = z.object({
  intent: z.enum([
    "profile",
    "password",
    "signOutEverywhere",
    "notifications",
    "deleteAccount",
    "rightsRequest",
    "consultationSubscription",
    ...SECOND_FACTOR_INTENTS,
  ]),
});

/** A neighbour invited to write a plan has no account yet: they give their name and consent too. */
export const AcceptPlanInvitationSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    password: newPassword,
    passwordConfirm: z.string(),
    privacyAccepted: z.literal("on", { errorMap: () => ({ message: "validation.acceptPrivacy" }) }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordsDiffer" });
