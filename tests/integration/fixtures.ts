// Test fixtures on the real (per-file) database: the demo city, and lookups by demo email.
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { seedDemoCity } from "../../db/seed/demo-city";
import { seedDemoSecondFactors } from "../../db/seed/demo-second-factor";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { loadViewer, type Viewer } from "~/server/people/viewer.server";

export const DEMO_PASSWORD = "Turvallisuus-2026";
export const DEMO = {
  coordinator: "koordinaattori@demo.lahiturva.fi",
  mayor: "pormestari@demo.lahiturva.fi",
  expert: "asiantuntija@demo.lahiturva.fi",
  network: "verkosto@demo.lahiturva.fi",
  resident: "asukas@demo.lahiturva.fi",
} as const;

let seeded: Promise<void> | undefined;
export function seedOnce(): Promise<void> {
  // Demo accounts that must have a second factor get the demo one, as `npm run setup` gives them.
  seeded ??= seedDemoCity(db()).then(() => {
    seedDemoSecondFactors(
      db(),
      db()
        .select({ email: users.email })
        .from(users)
        .all()
        .map((u) => u.email),
      clock.now(),
    );
  });
  return seeded;
}

export function userIdOf(email: string): string {
  const row = db().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export function viewerOf(email: string): Viewer {
  const viewer = loadViewer(userIdOf(email));
  if (!viewer) throw new Error(`no viewer ${email}`);
  return viewer;
}
