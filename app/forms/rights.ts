// The data subject's requests: the account page's form and the coordinators' answer. Messages are
// translation keys (z.ts), so the same schemas validate in the browser and on the server.
import { RIGHTS_REQUEST_KINDS } from "../../db/schema";
import { z } from "./z";

/** Long enough for a careful explanation, short enough to read in one go. */
export const RIGHTS_TEXT_MAX = 4000;

export const RightsRequestSchema = z.object({
  intent: z.literal("rightsRequest"),
  kind: z.enum(RIGHTS_REQUEST_KINDS),
  body: z.string().trim().min(10).max(RIGHTS_TEXT_MAX),
});

export const RightsAnswerSchema = z.object({
  intent: z.literal("answer"),
  answer: z.string().trim().min(10).max(RIGHTS_TEXT_MAX),
});

/** The coordinators' list: which requests, which page. Anything malformed falls back to the default. */
export const RIGHTS_FILTERS = ["open", "answered", "all"] as const;
export const RightsFilterSchema = z.object({
  status: z.enum(RIGHTS_FILTERS).catch("open"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
