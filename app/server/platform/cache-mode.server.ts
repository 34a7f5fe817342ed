// How the three caches run, read once from the environment: normally; off (LAHITURVA_CACHE=off,
// for the benchmark's honest uncached rows); or verifying (LAHITURVA_CACHE_VERIFY=1, on by default
// under `npm run dev` and in the browser tests), where every cache hit is also computed afresh and
// compared, and a difference is a 500 with a "cache verification failed" line in the log.
// The rule the caches keep: docs/decisions/0014-what-a-cached-answer-may-depend-on.md.

const env = process.env;

export const cacheMode = {
  off: env.LAHITURVA_CACHE === "off",
  verify: env.LAHITURVA_CACHE_VERIFY === "1" || (env.LAHITURVA_CACHE_VERIFY !== "0" && env.NODE_ENV === "development"),
};

let failures = 0;

/** A cached answer differed from a fresh one: logged once per case, counted, and thrown. */
export class CacheVerificationError extends Error {
  constructor(what: string) {
    super(`cache verification failed: ${what}`);
    this.name = "CacheVerificationError";
  }
}

export function cacheVerificationFailed(what: string): CacheVerificationError {
  failures++;
  const error = new CacheVerificationError(what);
  console.error(error.message);
  return error;
}

/** For tests: how many cache hits differed from a fresh answer in this process. */
export function cacheVerificationFailures(): number {
  return failures;
}

/** Where two answers part, for the log line: a little of each from the first differing character. */
export function firstDifference(cached: string | undefined, fresh: string | undefined): string {
  if (cached === undefined || fresh === undefined) return "(one of them is no longer in memory)";
  let i = 0;
  while (i < cached.length && i < fresh.length && cached[i] === fresh[i]) i++;
  const from = Math.max(0, i - 40);
  return `at character ${i}: cached …${JSON.stringify(cached.slice(from, i + 80))}… fresh …${JSON.stringify(fresh.slice(from, i + 80))}…`;
}
