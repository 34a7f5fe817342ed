// Forms of residents' neighbourhood plans, the network's review, comments and moderation, network
// notes and the area import. Messages are translation keys; the same schemas validate in the
// browser (conform, and the autosave's pre-check) and on the server. Plain text only: no markup
// is ever interpreted, React escapes everything on the way out.
import { PLAN_ACTION_CARRIERS, PLAN_ACTION_STATUSES } from "../../db/schema";
import { finnishNumber } from "./measures";
import { z } from "./z";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");
const id = z.coerce.number().int().positive();
/** Which item a section form saves, and the revision the writer started from. */
const itemRef = {
  // Not "id": a form control named "id" would shadow the form element's own id property.
  itemId: id.optional(),
  rev: z.string().trim().max(32).optional(),
  recreate: z.preprocess((v) => v === "1" || v === "on", z.boolean()).optional(),
};

export const NewNeighbourhoodPlanSchema = z.object({
  areaId: z.coerce.number().int().positive({ message: "validation.choose" }),
  title: z.string().trim().min(3).max(200),
});

export const BasicsSchema = z.object({
  intent: z.literal("basics"),
  rev: itemRef.rev,
  title: z.string().trim().min(3).max(200),
  situation: z.string().trim().max(8000).default(""),
});

export const ObservationSchema = z
  .object({
    intent: z.literal("observation"),
    ...itemRef,
    text: z.string().trim().min(3).max(2000),
    placeName: z.string().trim().max(200).optional(),
    lat: finnishNumber.pipe(z.number().min(-90).max(90)).optional(),
    lng: finnishNumber.pipe(z.number().min(-180).max(180)).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined))
      ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "lng"], message: "neighbourhood.validation.bothCoordinates" });
  });

export const GoalSchema = z.object({
  intent: z.literal("goal"),
  ...itemRef,
  text: z.string().trim().min(3).max(1000),
});

export const ActionSchema = z
  .object({
    intent: z.literal("action"),
    ...itemRef,
    text: z.string().trim().min(3).max(2000),
    carriedBy: z.enum(PLAN_ACTION_CARRIERS),
    organisationId: id.optional(),
    timeline: z.string().trim().max(200).default(""),
    dueDate: isoDate.optional(),
    measureId: id.optional(),
    goalId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.carriedBy === "city" && !v.organisationId)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "neighbourhood.validation.organisationForCity" });
  });

export const RemoveItemSchema = z.object({
  intent: z.literal("remove"),
  kind: z.enum(["observation", "goal", "action"]),
  itemId: id,
});

/** Cite a published map observation in the plan, or take the citation back. */
export const CitationSchema = z.object({
  intent: z.enum(["cite", "uncite"]),
  observationId: id,
});

export const AddCoauthorSchema = z.object({
  intent: z.literal("addCoauthor"),
  email: z.string().trim().toLowerCase().email().max(254),
});

export const RemoveCoauthorSchema = z.object({
  intent: z.literal("removeCoauthor"),
  userId: z.string().trim().min(1).max(64),
});

export const ReviewSchema = z
  .object({
    intent: z.literal("review"),
    decision: z.enum(["changes", "accept"]),
    feedback: z.string().trim().max(4000).default(""),
    // Accepting publishes the plan to everyone: the reviewer ticks that they know (works without JS).
    confirmPublish: z.literal("on").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "changes" && v.feedback.length < 3)
      ctx.addIssue({ code: "custom", path: ["feedback"], message: "neighbourhood.validation.feedbackRequired" });
    if (v.decision === "accept" && v.confirmPublish !== "on")
      ctx.addIssue({ code: "custom", path: ["confirmPublish"], message: "neighbourhood.validation.confirmPublish" });
  });

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z.string().trim().min(2).max(4000),
});

export const ReportCommentSchema = z.object({
  intent: z.literal("report"),
  commentId: id,
  reason: z.string().trim().min(3).max(500),
});

export const HideCommentSchema = z.object({
  intent: z.literal("hide"),
  commentId: id,
  reason: z.string().trim().min(3).max(500),
});

export const ActionStatusSchema = z.object({
  intent: z.literal("actionStatus"),
  actionId: id,
  status: z.enum(PLAN_ACTION_STATUSES),
});

export const NetworkNoteSchema = z.object({
  intent: z.literal("note"),
  measureId: id,
  body: z.string().trim().min(3).max(4000),
});

/** The public list of residents' safety plans: words to find, an area, a page; anything malformed is ignored. */
export const PublishedPlansQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  area: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
