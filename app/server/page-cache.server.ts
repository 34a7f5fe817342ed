// The HTTP server's way into the render cache: answers a page view from memory when an identical
// request was answered before (see render-cache.server.ts for what "identical" covers and why it
// is safe). It lives in the Remix build, and the HTTP server calls it through the build's entry
// module, so the server and the loaders share one cache, one database connection and one session
// check.
import { checkSessionCookie, type SessionCheck } from "./auth.server";
import { databaseVersion } from "./read-cache.server";
import { cachedAnswer, requestKey } from "./render-cache.server";

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
};

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
    minute: Math.floor(Date.now() / 60_000),
  });
  const html = cachedAnswer(key, request.nonce, request.encoding);
  return html === undefined ? { session, pageRequest: { key, databaseVersion: version } } : { session, html };
}
