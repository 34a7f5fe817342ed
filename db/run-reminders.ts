// `npm run reminders`: one run of the reminders job by hand (the server also runs it hourly when
// REMINDERS=on). Sends what is due now: reminders, immediate mail, and after 07:00 Helsinki time
// the daily digests. Safe to run any number of times: nothing is ever sent twice.
//   npm run reminders                          # now
//   npm run reminders -- --now 2026-12-01T07:05:00+02:00   # pretend it is another moment (demo, checks)
//   LAHITURVA_NOW=2026-12-01T07:05:00+02:00 npm run reminders   # the same, through the app's clock setting
import { config } from "../app/server/platform/config.server";
import { db } from "../app/server/platform/db.server";
import { runScheduledJobs } from "../app/server/jobs/reminders.server";
import { clock } from "../app/server/platform/clock";

function parseNow(argv: string[]): Date {
  const i = argv.indexOf("--now");
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--now="))?.slice("--now=".length);
  if (!raw) return clock.now();
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new Error(`--now: not a date: ${raw}`);
  return date;
}

async function main() {
  const now = parseNow(process.argv.slice(2));
  // --now moves the whole process's clock, so everything this run writes is dated alike.
  clock.set(now);
  const cfg = config();
  db(); // opens the database and applies pending migrations
  const result = await runScheduledJobs(now);
  console.log(`Reminders run at ${now.toISOString()}`);
  for (const [kind, n] of Object.entries(result.reminders)) console.log(`  ${kind.padEnd(14)} ${n}`);
  console.log(
    `  mailed         ${result.mailed} (${cfg.smtp ? `SMTP ${cfg.smtp.host}:${cfg.smtp.port}` : `outbox ${cfg.dataDir}/outbox`})`,
  );
  console.log(`  digests        ${result.digests}`);
  // The retention job runs in the same pass (app/server/jobs/retention.server.ts): what it removed.
  const removed = Object.entries(result.retention).filter(([, n]) => n > 0);
  const total = removed.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `Retention: ${total} removed or anonymised${removed.length ? ` (${removed.map(([kind, n]) => `${kind} ${n}`).join(", ")})` : ""}`,
  );
  db().$client.close();
}

main().catch((error: unknown) => {
  console.error("Reminders failed:", error);
  process.exitCode = 1;
});
