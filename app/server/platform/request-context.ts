// What the HTTP server hands to every loader and action of one request.
// Plain module (no server-only imports) so the custom server and the Remix build agree on it.
import type { SessionCheck } from "../people/auth.server";
import type { ReadScope } from "./table-versions.server";

/** A GET the page cache missed: where its answer goes, and what its loaders read meanwhile. */
export type PageRequestState = {
  key: string;
  /** The tables this request's loaders read, with their counters (table-versions.server.ts). */
  scope: ReadScope;
  /** The minute in the key. */
  minute: number;
  /** Verification mode: the render key of the remembered answer this fresh one must equal. */
  expected?: string;
};

export type RequestContext = {
  /** The CSP nonce of this response: every inline script carries it. */
  nonce: string;
  /** The client's address as the HTTP server saw it (used for rate limiting). */
  clientIp: string;
  /** Per-request memo filled by the session module (one session check per request). */
  memo: Record<string, unknown>;
  /** Set-Cookie values to add to whatever response this request ends with. */
  setCookies: string[];
  /** The session as the HTTP server already checked it for this request, if it did. */
  session?: SessionCheck;
  /** Set when the HTTP server looked for this GET in the page cache and missed (see render-cache). */
  pageRequest?: PageRequestState;
  /** Set when the HTTP server refused the request before reading it (405, 411, 413): the page says so. */
  refusedStatus?: number;
  /** This request's id (also in the X-Request-Id header and in every log line about it). */
  requestId?: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
