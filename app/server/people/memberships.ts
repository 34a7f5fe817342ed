// What "a current membership" means, written once: it has not ended, or it ends later than now.
// Plain module (schema and drizzle only), so every domain, the viewer and the jobs may import it.
import { gt, isNull, or, type Placeholder } from "drizzle-orm";
import { memberships } from "../../../db/schema";

/** A membership in force at `now` (a date, or a placeholder for a prepared statement). */
export const currentMembership = (now: Date | Placeholder) => or(isNull(memberships.leftAt), gt(memberships.leftAt, now));
