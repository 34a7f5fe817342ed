// The one source of "now" for the app, the demo seed, the reminders job and the tests.
// Nothing else reads the wall clock for dates: a test (or a demo) can then set the moment once,
// and seeded dates, domain rules and the test's own dates all agree whatever the machine's clock
// says. The clock keeps running from the moment it is set, so durations still pass normally.
// Plain module (no server-only imports): the seed scripts, the HTTP server and the tests share it.

let offsetMs = 0;

/** Reads LAHITURVA_NOW (an ISO instant): the process starts at that moment instead of the wall clock. */
function startFromEnvironment(): void {
  const raw = typeof process !== "undefined" ? process.env.LAHITURVA_NOW?.trim() : undefined;
  if (!raw) return;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) throw new Error(`LAHITURVA_NOW is not an ISO date and time: ${raw}`);
  offsetMs = at - Date.now();
}
startFromEnvironment();

export const clock = {
  /** The current moment. */
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  /** The current moment in milliseconds since the epoch. */
  ms(): number {
    return Date.now() + offsetMs;
  },
  /** The current moment in whole seconds since the epoch (session rows store seconds). */
  seconds(): number {
    return Math.floor((Date.now() + offsetMs) / 1000);
  },
  /** From now on the clock reads `at`, and runs on from there. Tests and demos only. */
  set(at: Date): void {
    offsetMs = at.getTime() - Date.now();
  },
  /** Back to the wall clock (or to LAHITURVA_NOW when that is set). */
  reset(): void {
    offsetMs = 0;
    startFromEnvironment();
  },
};
