// A memo of rendered pages. React's server render is the costliest step of a page request, and
// the HTML of a page is a pure function of its inputs: the URL, the language, the build, the
// loaders' data and (for "late"/"x days" wording) the current minute. Loaders still run on every
// request, so every session check, permission check and query happens as before; only when all of
// those inputs are identical to an earlier render is the render itself skipped. New data means a
// new key, so the cache cannot serve stale data: invalidation is correct by construction.
//
// The per-response CSP nonce is the one input that differs every time: pages are rendered with a
// per-process secret placeholder in its place, and the real nonce is put in on the way out.
//
// A second way in skips Remix altogether (page-cache.server.ts): the answer to a GET is remembered
// under everything the loaders can read (URL, host, the whole Cookie header, Accept-Language, the
// checked session's user, the build, SQLite's change counters and the minute). The HTTP server
// checks the session first, then looks the request up here; a hit is the very page those loaders
// produced for the same inputs. Only answers whose loaders left the database untouched are
// remembered (a loader that logs an access or marks something read always runs), and only answers
// that set no cookie.
import { createHash, randomBytes } from "node:crypto";
import { deflatePiece, gzipWithNonce } from "./gzip-pieces";

/** Memory the cached HTML may take, in bytes. */
const MAX_BYTES = 24 * 1024 * 1024;
/** A page larger than this is not worth keeping (an export-sized list). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * Each page is kept as UTF-8, split at the nonce placeholder: an answer is then these buffers
 * with the nonce between them, written out as they are (no re-encoding of the page per request).
 */
type Entry = { parts: Buffer[]; bytes: number; deflated?: Buffer[] };
const entries = new Map<string, Entry>();
let totalBytes = 0;
let hits = 0;
let misses = 0;

/** Request key → render key of the page that request got. Small strings; bounded by count. */
const answers = new Map<string, string>();
const MAX_ANSWERS = 20_000;
let answerHits = 0;

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

/** The cached page's UTF-8 pieces with this response's nonce between them, or undefined. */
export function cachedPage(key: string, nonce: string): Buffer[] | undefined {
  const page = takeEntry(key);
  if (page === undefined) {
    misses++;
    return undefined;
  }
  hits++;
  return withNonceBetween(page.parts, nonce);
}

function takeEntry(key: string): Entry | undefined {
  const page = entries.get(key);
  if (page === undefined) return undefined;
  // Most recently used last, so the oldest entries are dropped first.
  entries.delete(key);
  entries.set(key, page);
  return page;
}

function withNonceBetween(parts: Buffer[], nonce: string): Buffer[] {
  const nonceBytes = Buffer.from(nonce, "latin1");
  const chunks: Buffer[] = [parts[0]];
  for (let i = 1; i < parts.length; i++) chunks.push(nonceBytes, parts[i]);
  return chunks;
}

export function rememberPage(key: string, html: string): void {
  if (entries.has(key)) return;
  const parts = html.split(NONCE_PLACEHOLDER).map((part) => Buffer.from(part, "utf8"));
  const bytes = parts.reduce((sum, part) => sum + part.length, 0);
  if (bytes > MAX_PAGE_BYTES) return;
  entries.set(key, { parts, bytes });
  totalBytes += bytes;
  for (const [oldKey, old] of entries) {
    if (totalBytes <= MAX_BYTES) break;
    entries.delete(oldKey);
    totalBytes -= old.bytes;
  }
}

export function withNonce(html: string, nonce: string): string {
  return html.split(NONCE_PLACEHOLDER).join(nonce);
}

/** Everything a page's loaders can read of a GET request, and what its answer depends on. */
export type RequestInputs = {
  url: string;
  host: string;
  cookie: string;
  acceptLanguage: string;
  userId: string | null;
  buildVersion: string;
  databaseVersion: string;
  minute: number;
};

export function requestKey(inputs: RequestInputs): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("base64");
}

/**
 * The page an identical earlier request got (pieces to write in order, with this response's nonce),
 * or undefined. With `gzip`, the pieces are a gzip body: the page's pieces are deflated the first
 * time a browser asks for it, and never again (see gzip-pieces).
 */
export function cachedAnswer(key: string, nonce: string, encoding: "gzip" | "identity" = "identity"): Buffer[] | undefined {
  const pageKey = answers.get(key);
  const page = pageKey === undefined ? undefined : takeEntry(pageKey);
  if (page === undefined) return undefined;
  answerHits++;
  if (encoding === "identity") return withNonceBetween(page.parts, nonce);
  if (page.deflated === undefined) {
    page.deflated = page.parts.map(deflatePiece);
    const added = page.deflated.reduce((sum, part) => sum + part.length, 0);
    page.bytes += added;
    totalBytes += added;
  }
  return gzipWithNonce(page.parts, page.deflated, nonce);
}

/** Remembers that the request `key` was answered with the page stored under `pageKey`. */
export function rememberAnswer(key: string, pageKey: string): void {
  if (!entries.has(pageKey)) return;
  answers.delete(key);
  answers.set(key, pageKey);
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
}

/** For tests and the benchmark: how the cache has done. */
export function renderCacheStats() {
  return { entries: entries.size, bytes: totalBytes, hits, misses, answers: answers.size, answerHits };
}

export function clearRenderCache() {
  entries.clear();
  answers.clear();
  totalBytes = 0;
  hits = 0;
  misses = 0;
  answerHits = 0;
}
