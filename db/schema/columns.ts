// Column shapes the schema files share.
import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";
import { clock } from "../../app/server/clock";

/**
 * A moment stamped when the row is written: the app's clock (app/server/clock.ts) for rows written
 * through drizzle, so tests and demos that set the clock see consistent dates; SQLite's own clock
 * only for rows written with plain SQL (the benchmark's bulk inserts).
 */
export const stampedAt = (name: string) =>
  integer(name, { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
    .$defaultFn(() => clock.now());

export const createdAt = () => stampedAt("created_at");
