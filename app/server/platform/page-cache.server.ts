// The HTTP server's way into the render cache: answers a page view from memory when an identical
// request was answered before and nothing its loaders read has changed since (see
// render-cache.server.ts for what "identical" covers, and table-versions.server.ts for how the
// tables a request read are recorded). It lives in the Remix build, and the HTTP server calls it
// through the build's entry module, so the server and the loaders share one cache, one database
// connection and one session check. The rule: docs/decisions/0014-what-a-cached-answer-may-depend-on.md.
import { checkSessionCookie, type SessionCheck } from "../people/auth.server";
import { cacheMode } from "./cache-mode.server";
import { clock } from "./clock";
import { answeredPageKey, cachedAnswer, requestKey } from "./render-cache.server";
import type { PageRequestState } from "./request-context";
import { baseVersion, inScope, newScope } from "./table-versions.server";

export type PageRequest = {
  url: string;
  host: string;
  cookie: string;
  acceptLanguage: string;
  nonce: string;
  buildVersion: string;
  /** The answer's encoding, as negotiated from Accept-Encoding by the HTTP server. */
  encoding: "gzip" | "identity";
};

export type PageLookup = {
  /** The session as checked now; handed on to the loaders so they do not check it again. */
  session: SessionCheck;
  /** The page (pieces to write in order, in the asked encoding), if an identical request was answered before. */
  html?: Buffer[];
  /** On a miss: what the render step needs to remember its answer under. */
  pageRequest?: PageRequestState;
  /** On a miss: runs the rest of the request (the loaders) with the tables it reads recorded. */
  run?: <T>(rest: () => T) => T;
  /** On a miss: call when the answer has gone out (identical requests meanwhile wait for it). */
  finished?: () => void;
};

/**
 * Misses being answered right now, by key. After a write to a table a popular page reads, the next
 * requests for it all miss together: instead of each running the loaders and the render (a queue
 * of them, 32 deep in the benchmark), they wait for the first and take its answer.
 */
const inFlight = new Map<string, Promise<void>>();

export async function lookUpPage(request: PageRequest): Promise<PageLookup> {
  const session = await checkSessionCookie(request.cookie);
  // A session being extended or ended answers with a cookie: that answer is Remix's to give.
  // With the caches off, every page is computed.
  if (session.setCookie || cacheMode.off) return { session };
  const minute = Math.floor(clock.ms() / 60_000);
  const key = requestKey({
    url: request.url,
    host: request.host,
    cookie: request.cookie,
    acceptLanguage: request.acceptLanguage,
    userId: session.userId,
    buildVersion: request.buildVersion,
    databaseVersion: baseVersion(),
    minute,
  });
  const miss = (expected?: string): PageLookup => {
    const scope = newScope(undefined);
    return { session, pageRequest: { key, scope, minute, expected }, run: (rest) => inScope(scope, rest) };
  };
  if (cacheMode.verify) {
    // Every hit is computed afresh too, and the render step compares the two (entry.server.tsx).
    const expected = answeredPageKey(key);
    if (expected !== undefined) return miss(expected);
  }
  let html = cachedAnswer(key, request.nonce, request.encoding);
  const pending = html === undefined ? inFlight.get(key) : undefined;
  if (pending) {
    await pending;
    html = cachedAnswer(key, request.nonce, request.encoding);
    // Still nothing (the first answer could not be kept): answer this one the ordinary way.
    if (html === undefined) return miss();
  }
  if (html !== undefined) return { session, html };
  let done!: () => void;
  const answered = new Promise<void>((resolve) => (done = resolve));
  inFlight.set(key, answered);
  const finished = () => {
    if (inFlight.get(key) === answered) inFlight.delete(key);
    done();
  };
  return { ...miss(), finished };
}

/** For tests: how many misses are being answered now. */
export function pageMissesInFlight(): number {
  return inFlight.size;
}
