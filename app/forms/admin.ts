import { GROUP_KINDS, ORGANISATION_KINDS, POSITIONS } from "../../db/schema";
import { z } from "./z";

export const OrganisationSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  nameFi: z.string().trim().min(2).max(200),
  nameSv: z.string().trim().max(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  shortName: z.string().trim().max(40).optional(),
  kind: z.enum(ORGANISATION_KINDS),
});

export const InvitationSchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.string().trim().toLowerCase().email().max(254),
  groupId: z.coerce.number().int().positive().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  position: z.enum(POSITIONS).default("member"),
});

export const MembershipSchema = z.object({
  intent: z.literal("addMembership"),
  groupId: z.coerce.number().int().positive({ message: "validation.choose" }),
  organisationId: z.coerce.number().int().positive().optional(),
  position: z.enum(POSITIONS),
});

export const UserFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z
    .enum([...GROUP_KINDS, "resident"])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1),
});

/** Revoking an open invitation (the invitations page). */
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: z.coerce.number().int().positive() });

/** A user's page: the plain buttons (disable, enable, end a membership). */
export const UserActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("endMembership"), membershipId: z.coerce.number().int().positive() }),
]);
