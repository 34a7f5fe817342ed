// Forms of the group workspaces. Messages are translation keys, as everywhere.
import { EMAIL_MODES, PUBLICITY_CLASSES, type LinkType } from "../../db/schema";
import { z } from "./z";
import { optionalPositiveIntParam } from "./params";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, "validation.invalid")
  .transform((v) => v.replace(".", ":"));
/** "measure:12", "document:3" … or empty for none; the server checks the target exists and is visible. */
const linkValue = z
  .string()
  .regex(/^((measure|review|plan|document):\d+)?$/, "validation.choose")
  .optional();

export const MeetingSchema = z
  .object({
    version: z.coerce.number().int().positive().optional(),
    title: z.string().trim().min(3).max(200),
    date: isoDate,
    start: clock,
    end: clock,
    place: z.string().trim().max(200).default(""),
    onlineUrl: z
      .string()
      .trim()
      .url()
      .max(500)
      .refine((v) => /^https?:\/\//i.test(v), "validation.url")
      .optional(),
    status: z.enum(["planned", "held", "cancelled"]).default("planned"),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "workspaces.meetings.errors.endBeforeStart" });
  });

export const AgendaItemSchema = z.object({
  title: z.string().trim().min(2).max(300),
  description: z.string().trim().max(4000).default(""),
  link: linkValue,
});

export const MinutesSchema = z.object({
  version: z.coerce.number().int().positive(),
  minutes: z.string().max(50_000).default(""),
});

export const DecisionFormSchema = z.object({
  text: z.string().trim().min(3).max(4000),
  /** The decision in Swedish and English; empty falls back to the Finnish text. */
  textSv: z.string().trim().max(4000).optional(),
  textEn: z.string().trim().max(4000).optional(),
  decidedOn: isoDate,
  agendaItemId: z.coerce.number().int().positive().optional(),
  link: linkValue,
});

export const DocumentMetaSchema = z
  .object({
    title: z.string().trim().min(2).max(300),
    description: z.string().trim().max(4000).default(""),
    publicity: z.enum(PUBLICITY_CLASSES),
    legalGround: z.string().trim().max(200).optional(),
    secretUntil: isoDate.optional(),
    link: z
      .string()
      .regex(/^((measure|review|plan):\d+)?$/, "validation.choose")
      .optional(),
  })
  .superRefine((v, ctx) => {
    // A non-public document must say why and for how long (Act 621/1999, 24 § and 31 §).
    if (v.publicity === "public") return;
    if (!v.legalGround) ctx.addIssue({ code: "custom", path: ["legalGround"], message: "workspaces.documents.errors.legalGround" });
    if (!v.secretUntil) ctx.addIssue({ code: "custom", path: ["secretUntil"], message: "workspaces.documents.errors.secretUntil" });
  });

/** A valid document form as the document writes take it, with the "concerns" link already resolved
 * (a document cannot concern another document). */
export function documentMetaInput(
  value: z.infer<typeof DocumentMetaSchema>,
  linkType: Exclude<LinkType, "document"> | null,
  linkId: number | null,
) {
  return {
    title: value.title,
    description: value.description,
    publicity: value.publicity,
    legalGround: value.legalGround ?? null,
    secretUntil: value.secretUntil ?? null,
    linkType,
    linkId,
  };
}

export const VersionSchema = z.object({ note: z.string().trim().max(1000).default("") });

export const GrantSchema = z.object({
  holder: z.string().regex(/^(user:[\w-]{1,64}|group:\d+|organisation:\d+)$/, "workspaces.documents.errors.holder"),
  right: z.enum(["read", "update"]),
});

const mentionIds = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64)).max(100));

export const ThreadSchema = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(8000),
  mentionIds,
});

export const PostSchema = z.object({
  body: z.string().trim().min(1).max(8000),
  mentionIds,
});

export const EmailModeSchema = z.object({ emailMode: z.enum(EMAIL_MODES) });

/** Which of a meeting page's forms was sent. */
export const MeetingIntentSchema = z.object({
  intent: z.enum(["edit", "addItem", "moveUp", "moveDown", "removeItem", "answer", "attendance", "minutes", "approve", "decision"]),
});

/** Which of a document page's forms was sent. */
export const DocumentIntentSchema = z.object({ intent: z.enum(["version", "attachment", "meta", "grant", "removeGrant"]) });

/** A workspace's document list: the search words (`?q=`); anything malformed is ignored. */
export const DocumentSearchQuerySchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

/** The document access log: one document's entries (`?document=`) and the page. */
export const AccessLogQuerySchema = z.object({
  document: optionalPositiveIntParam,
  page: optionalPositiveIntParam,
});
