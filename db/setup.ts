// `npm run setup`: create or migrate the database and, on a fresh one, seed the demo city.
// `npm run setup -- --empty` (or SETUP_MODE=empty): a real city's start, the schema only, with no
// demo people, plans or areas; the app then offers /first-run to create the first coordinator.
// Safe to run again: an existing database with users is never reseeded.
import { count, inArray } from "drizzle-orm";
import { config } from "../app/server/platform/config.server";
import { openDatabase } from "./client";
import { users } from "./schema";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoCity, type DemoLogin } from "./seed/demo-city";
import { seedDemoReviews } from "./seed/reviews";
import { seedDemoConsultations } from "./seed/consultations";
import { seedDemoSecondFactors } from "./seed/demo-second-factor";
import { clock } from "../app/server/platform/clock";

function printLogins(logins: DemoLogin[]) {
  const roleWidth = Math.max(4, ...logins.map((l) => l.role.length));
  const emailWidth = Math.max(5, ...logins.map((l) => l.email.length));
  const row = (role: string, email: string, name: string) => `  ${role.padEnd(roleWidth)}  ${email.padEnd(emailWidth)}  ${name}`;
  console.log(row("Role", "Email", "Name"));
  console.log(row("-".repeat(roleWidth), "-".repeat(emailWidth), "----"));
  for (const l of logins) console.log(row(l.role, l.email, l.name));
}

/** `--empty` or SETUP_MODE=empty: no demo data. */
export function emptyMode(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = env.SETUP_MODE?.trim().toLowerCase();
  if (mode && mode !== "empty" && mode !== "demo") throw new Error(`SETUP_MODE is "empty" or "demo", not ${env.SETUP_MODE}`);
  return argv.includes("--empty") || mode === "empty";
}

async function main() {
  const settings = config();
  const db = openDatabase(settings.databasePath);
  try {
    if (emptyMode()) {
      const n = db.select({ n: count() }).from(users).get()?.n ?? 0;
      console.log("");
      console.log("Lähiturva is set up for a real city.");
      console.log(`  Database: ${settings.databasePath}`);
      console.log(
        n === 0
          ? `  The database has no demo data and no users. Start the server and open ${settings.publicUrl}/first-run to create the first coordinator.`
          : `  The database already had ${n} user(s); nothing was changed.`,
      );
      console.log("");
      return;
    }
    const existingUsers = db.select({ n: count() }).from(users).get()?.n ?? 0;
    const seeded = existingUsers === 0;
    if (seeded) {
      const now = clock.now();
      await seedDemoCity(db, now);
      // The review workflow lives in app modules: let them use this same connection.
      globalThis.__lahiturvaDb = db;
      // Consultations first: the closed review includes the one that closed in its period and cites it.
      const { closedId } = seedDemoConsultations(db, now);
      seedDemoReviews(db, now, closedId);
      // Every demo person who must have a second factor gets the published demo one (README).
      seedDemoSecondFactors(
        db,
        db
          .select({ email: users.email })
          .from(users)
          .all()
          .map((u) => u.email),
        now,
      );
    }

    // When data was kept, say which demo accounts it actually contains.
    const presentEmails = new Set(
      db
        .select({ email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            DEMO_LOGINS.map((l) => l.email),
          ),
        )
        .all()
        .map((r) => r.email),
    );
    const missing = DEMO_LOGINS.filter((l) => !presentEmails.has(l.email));

    console.log("");
    console.log("Lähiturva is set up.");
    console.log(`  Database: ${settings.databasePath}`);
    console.log(`  Open:     ${settings.publicUrl}`);
    console.log("");
    console.log(
      seeded
        ? "The demo city was created. Sign in with any of these accounts:"
        : `The database already had ${existingUsers} user(s); the existing data was kept and nothing was seeded.`,
    );
    console.log("");
    printLogins(DEMO_LOGINS);
    console.log("");
    console.log(`  Password for every demo account: ${DEMO_PASSWORD}${seeded ? "" : " (unless changed since)"}`);
    if (missing.length > 0) {
      console.log(`  Note: not in this database: ${missing.map((l) => l.email).join(", ")}`);
    }
    console.log("");
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error("Setup failed:", error);
  process.exitCode = 1;
});
