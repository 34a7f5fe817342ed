// The name a page or a notice shows for a person, read by their id: null for nobody (a deleted
// account, a step nobody took yet).
import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import type { Db } from "../platform/db.server";

export function userName(r: Pick<Db, "select">, userId: string | null | undefined): string | null {
  return userId ? (r.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null) : null;
}
