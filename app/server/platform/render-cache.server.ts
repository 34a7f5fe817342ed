// A memo of rendered pages. React's server render is the costliest step of a page request, and
// the HTML of a page is a pure function of its inputs: the URL, the language, the build, the
// loaders' data and (for "late"/"x days" wording) the current minute. When all of those are
// identical to an earlier render, the render itself is skipped. New data means a new key, so this
// memo cannot serve stale data.
//
// The per-response CSP nonce is the one input that differs every time: pages are rendered with a
// per-process secret placeholder in its place, and the real nonce is put in on the way out.
//
// A second way in skips Remix altogether (page-cache.server.ts): the answer to a GET is remembered
// under everything the loaders can read of the request (URL, host, the whole Cookie header,
// Accept-Language, the checked session's user, the build and the minute), together with the change
// counters of the tables those loaders read (table-versions.server.ts). It is the answer again
// while none of those tables has changed. Only answers whose loaders wrote nothing are remembered
// (a loader that logs an access or marks something read always runs), and only answers that set
// no cookie. The whole rule: docs/decisions/0014-what-a-cached-answer-may-depend-on.md.
import { createHash, randomBytes } from "node:crypto";
import { deflatePiece, gzipWithNonce } from "./gzip-pieces";
import { stillFresh, type TableDeps } from "./table-versions.server";

/** Memory the cached HTML may take, in bytes. */
const MAX_BYTES = 16 * 1024 * 1024;
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

/** Request key → render key of the page that request got, and what its loaders read. Bounded by count. */
type Answer = { pageKey: string; deps: TableDeps | undefined };
const answers = new Map<string, Answer>();
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
  /** Another process's writes and schema changes (table-versions baseVersion); a table's own writes are in the answer's deps. */
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
  const page = answeredPage(key);
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

/** The render key of the page remembered for request `key`, while what its loaders read is unchanged. */
export function answeredPageKey(key: string): string | undefined {
  const answer = answers.get(key);
  if (answer === undefined) return undefined;
  if (answer.deps && !stillFresh(answer.deps)) {
    answers.delete(key);
    return undefined;
  }
  return answer.pageKey;
}

function answeredPage(key: string): Entry | undefined {
  const pageKey = answeredPageKey(key);
  return pageKey === undefined ? undefined : takeEntry(pageKey);
}

/** The remembered page with the placeholder in place of the nonce (for verifying a hit). */
export function pageHtml(pageKey: string): string | undefined {
  return entries
    .get(pageKey)
    ?.parts.map((part) => part.toString("utf8"))
    .join(NONCE_PLACEHOLDER);
}

/**
 * Remembers that the request `key` was answered with the page stored under `pageKey`; the answer
 * stands while the tables in `deps` keep their counters.
 */
export function rememberAnswer(key: string, pageKey: string, deps?: TableDeps): void {
  if (!entries.has(pageKey)) return;
  answers.delete(key);
  answers.set(key, { pageKey, deps });
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
