// Schemas of the situation room's forms (issue 18): convening, the log, the situational picture,
// agreed actions, briefings, closing, and the overview's search. Times are typed on Helsinki
// clocks (date + time) and stored as instants. Messages are translation keys, as everywhere.
import { PUBLICITY_CLASSES, RELIABILITIES, SITUATION_ACTION_STATUSES, SITUATION_SEVERITIES } from "../../db/schema";
import { z } from "./z";
import { optionalPositiveIntParam } from "./params";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, "validation.invalid")
  .transform((v) => v.replace(".", ":"));
const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional());
/** A list of checkboxes or a multiple select: one value, several, or none. */
const idList = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const SITUATION_INTENTS = ["log", "picture", "action", "actionStatus", "briefing", "invite", "close"] as const;
export const SituationIntentSchema = z.object({ intent: z.enum(SITUATION_INTENTS) });

export const SituationSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(4000).default(""),
    severity: z.enum(SITUATION_SEVERITIES),
    publicity: z.enum(PUBLICITY_CLASSES),
    legalGround: z.string().trim().max(200).optional(),
    secretUntil: isoDate.optional(),
    areaIds: idList(z.coerce.number().int().positive()),
    memberIds: idList(z.string().min(1).max(100)),
  })
  .superRefine((v, ctx) => {
    // A non-public situation must say why and for how long (Act 621/1999, 24 § and 31 §), as a document does.
    if (v.publicity === "public") return;
    if (!v.legalGround) ctx.addIssue({ code: "custom", path: ["legalGround"], message: "workspaces.documents.errors.legalGround" });
    if (!v.secretUntil) ctx.addIssue({ code: "custom", path: ["secretUntil"], message: "workspaces.documents.errors.secretUntil" });
  });

export const LogEntrySchema = z.object({
  intent: z.literal("log"),
  body: z.string().trim().min(2).max(4000),
  sourceOrganisationId: z.coerce.number().int().positive(),
  reliability: z.enum(RELIABILITIES),
  happenedDate: isoDate,
  happenedTime: clockTime,
  areaId: optionalId,
  documentId: optionalId,
  correctsId: optionalId,
});

export const PictureSchema = z.object({
  intent: z.literal("picture"),
  /** The version the form was opened on (0 before the first). */
  version: z.coerce.number().int().min(0),
  happened: z.string().trim().min(1).max(4000),
  location: z.string().trim().max(2000).default(""),
  affected: z.string().trim().max(2000).default(""),
  risks: z.string().trim().max(2000).default(""),
  resources: z.string().trim().max(2000).default(""),
  agreed: z.string().trim().max(2000).default(""),
  nextUpdateDate: isoDate.optional(),
  nextUpdateTime: clockTime.optional(),
});

export const ActionSchema = z.object({
  intent: z.literal("action"),
  title: z.string().trim().min(3).max(300),
  ownerOrganisationId: z.coerce.number().int().positive(),
  responsibleUserId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
  deadline: isoDate,
});

export const ActionStatusSchema = z.object({
  intent: z.literal("actionStatus"),
  actionId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  status: z.enum(SITUATION_ACTION_STATUSES),
});

export const BriefingSchema = z.object({
  intent: z.literal("briefing"),
  recipientIds: idList(z.string().min(1).max(100)).refine((ids) => ids.length > 0, "situations.errors.recipients"),
});

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  memberIds: idList(z.string().min(1).max(100)).refine((ids) => ids.length > 0, "situations.errors.members"),
});

export const CloseSchema = z
  .object({
    intent: z.literal("close"),
    afterAction: z.string().trim().min(3).max(8000),
    proposalTitle: z.string().trim().max(300).optional(),
    proposalDescription: z.string().trim().max(4000).optional(),
    proposalOwnerId: optionalId,
  })
  .superRefine((v, ctx) => {
    // A measure proposal needs an owner organisation, like any measure.
    if (v.proposalTitle && !v.proposalOwnerId) ctx.addIssue({ code: "custom", path: ["proposalOwnerId"], message: "validation.choose" });
  });

/** The overview's search of closed situations and its page. */
export const SituationListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: optionalPositiveIntParam,
});

/** Two picture versions to compare. */
export const CompareQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

/** The live log's cursor: the newest entry id the page already shows. */
export const EventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional().catch(undefined),
});
