// A memo of rendered pages. React's server render is the costliest step of a page request, and
// the HTML of a page is a pure function of its inputs: the URL, the language, the build, the
// loaders' data and (for "late"/"x days" wording) the current minute. Loaders still run on every
// request, so every session check, permission check and query happens as before; only when all of
// those inputs are identical to an earlier render is the render itself skipped. New data means a
// new key, so the cache cannot serve stale data: invalidation is correct by construction.
//
// The per-response CSP nonce is the one input that differs every time: pages are rendered with a
// per-process secret placeholder in its place, and the real nonce is put in on the way out.
import { createHash, randomBytes } from "node:crypto";

/** Memory the cached HTML may take (JS strings of mostly ASCII: about one byte a character). */
const MAX_CHARS = 24 * 1024 * 1024;
/** A page larger than this is not worth keeping (an export-sized list). */
const MAX_PAGE_CHARS = 2 * 1024 * 1024;

/** Each page is kept split at the nonce placeholder, so putting a nonce in is a single join. */
const entries = new Map<string, { parts: string[]; chars: number }>();
let totalChars = 0;
let hits = 0;
let misses = 0;

/** Stands in for the nonce while rendering; the same length and alphabet as a real nonce. */
export const NONCE_PLACEHOLDER = randomBytes(16).toString("base64");

export type RenderInputs = {
  url: string;
  language: string;
  buildVersion: string;
  minute: number;
  loaderData: unknown;
};

export function renderKey(inputs: RenderInputs): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("base64");
}

/** The cached HTML with this response's nonce put in, or undefined. */
export function cachedPage(key: string, nonce: string): string | undefined {
  const page = entries.get(key);
  if (page === undefined) {
    misses++;
    return undefined;
  }
  hits++;
  // Most recently used last, so the oldest entries are dropped first.
  entries.delete(key);
  entries.set(key, page);
  return page.parts.join(nonce);
}

export function rememberPage(key: string, html: string): void {
  if (html.length > MAX_PAGE_CHARS || entries.has(key)) return;
  entries.set(key, { parts: html.split(NONCE_PLACEHOLDER), chars: html.length });
  totalChars += html.length;
  for (const [oldKey, old] of entries) {
    if (totalChars <= MAX_CHARS) break;
    entries.delete(oldKey);
    totalChars -= old.chars;
  }
}

export function withNonce(html: string, nonce: string): string {
  return html.split(NONCE_PLACEHOLDER).join(nonce);
}

/** For tests and the benchmark: how the cache has done. */
export function renderCacheStats() {
  return { entries: entries.size, chars: totalChars, hits, misses };
}

export function clearRenderCache() {
  entries.clear();
  totalChars = 0;
  hits = 0;
  misses = 0;
}
