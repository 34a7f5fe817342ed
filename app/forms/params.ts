// Small parsers of URL parameters that several routes share: one helper per shape, so a route
// never builds its own. Messages are translation keys (z.ts), as everywhere.
import { z } from "./z";

/** A positive whole number (an id or a page); anything else fails the parse. */
export const positiveIntParam = z.coerce.number().int().positive();

/** A positive whole number, or undefined when it is missing or malformed. */
export const optionalPositiveIntParam = z.coerce.number().int().positive().optional().catch(undefined);

/** How many (0 or more). */
export const countParam = z.coerce.number().int().min(0);

/** A paged list's `?page=`; anything malformed is simply ignored. */
export const PageQuerySchema = z.object({ page: optionalPositiveIntParam });

/** What a confirmed import did, from the URL its flow redirects to (organisations, areas, indicators, measures). */
export const ImportDoneSchema = z.object({
  created: countParam,
  updated: countParam,
  unchanged: countParam,
});
