// Column shapes the schema files share.
import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/**
 * A moment stamped when the row is written. SQLite computes it, and on the app's connections
 * `unixepoch()` reads the app's one clock (app/server/platform/clock.ts, wired in db/client.ts), so tests
 * and demos that set the clock see the same moment in every stamped row.
 */
export const stampedAt = (name: string) => integer(name, { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const createdAt = () => stampedAt("created_at");
