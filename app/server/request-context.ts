// What the HTTP server hands to every loader and action of one request.
// Plain module (no server-only imports) so the custom server and the Remix build agree on it.
export type RequestContext = {
  /** The CSP nonce of this response: every inline script carries it. */
  nonce: string;
  /** The client's address as the HTTP server saw it (used for rate limiting). */
  clientIp: string;
  /** Per-request memo filled by the session module (one session check per request). */
  memo: Record<string, unknown>;
  /** Set-Cookie values to add to whatever response this request ends with. */
  setCookies: string[];
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
