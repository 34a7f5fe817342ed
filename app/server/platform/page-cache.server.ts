// The HTTP server's way into the render cache: answers a page view from memory when an identical
// request was answered before (see render-cache.server.ts for what "identical" covers and why it
// is safe). It lives in the Remix build, and the HTTP server calls it through the build's entry
// module, so the server and the loaders share one cache, one database connection and one session
// check.
import { checkSessionCookie, type SessionCheck } from "../people/auth.server";
import { databaseVersion } from "./read-cache.server";
import { cachedAnswer, requestKey } from "./render-cache.server";
import { clock } from "./clock";

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
  pageRequest?: { key: string; databaseVersion: string };
  /** On a miss: call when the answer has gone out (identical requests meanwhile wait for it). */
  finished?: () => void;
};

/**
 * Misses being answered right now, by key. A write turns every cached page over at once, and the
 * next requests for a popular page all miss together: instead of each running the loaders and the
 * render (a queue of them, 32 deep in the benchmark), they wait for the first and take its answer.
 */
const inFlight = new Map<string, Promise<void>>();

export async function lookUpPage(request: PageRequest): Promise<PageLookup> {
  const session = await checkSessionCookie(request.cookie);
  // A session being extended or ended answers with a cookie: that answer is Remix's to give.
  if (session.setCookie) return { session };
  const version = databaseVersion();
  const key = requestKey({
    url: request.url,
    host: request.host,
    cookie: request.cookie,
    acceptLanguage: request.acceptLanguage,
    userId: session.userId,
    buildVersion: request.buildVersion,
    databaseVersion: version,
    minute: Math.floor(clock.ms() / 60_000),
  });
  let html = cachedAnswer(key, request.nonce, request.encoding);
  const pending = html === undefined ? inFlight.get(key) : undefined;
  if (pending) {
    await pending;
    html = cachedAnswer(key, request.nonce, request.encoding);
    // Still nothing (the first answer could not be kept): answer this one the ordinary way.
    if (html === undefined) return { session, pageRequest: { key, databaseVersion: version } };
  }
  if (html !== undefined) return { session, html };
  let done!: () => void;
  const answered = new Promise<void>((resolve) => (done = resolve));
  inFlight.set(key, answered);
  const finished = () => {
    if (inFlight.get(key) === answered) inFlight.delete(key);
    done();
  };
  return { session, pageRequest: { key, databaseVersion: version }, finished };
}

/** For tests: how many misses are being answered now. */
export function pageMissesInFlight(): number {
  return inFlight.size;
}
