// What the HTTP server refuses before any body is read (plain module: the server and the tests
// share it). Forms are small: the longest form (a neighbourhood plan: six 8,000-character fields,
// percent-encoded at up to 6 bytes a character) stays under the form limit. Multipart bodies are
// taken only by the upload pages, up to the largest document (10 MB) plus the form around it.

export const FORM_BODY_LIMIT = 512 * 1024;
export const UPLOAD_BODY_LIMIT = 11 * 1024 * 1024;
/** Methods the app answers; anything else is a 405 with `Allow`. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The pages that take a file (multipart/form-data). */
const UPLOAD_PATHS = [
  /^\/workspaces\/[^/]+\/documents\/?$/,
  /^\/workspaces\/[^/]+\/documents\/[^/]+\/?$/,
  /^\/(measures|indicators)\/import\/?$/,
  /^\/admin\/(areas|organisations)\/import\/?$/,
  // A map observation's one photo.
  /^\/observations\/new\/?$/,
];

export type BodyDecision = { ok: true } | { ok: false; status: 400 | 405 | 411 | 413 };

/**
 * Decides from the request line and headers alone whether the body may be read. A body without a
 * declared length (chunked) is refused: browsers always declare it for forms and uploads, and Node's
 * parser never reads past a declared length, so the declared length is the bound.
 */
export function decideBody(
  method: string,
  path: string,
  headers: { contentLength?: string; contentType?: string; transferEncoding?: string },
): BodyDecision {
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) return { ok: false, status: 405 };
  if (method !== "POST") return { ok: true };
  const multipart = (headers.contentType ?? "").toLowerCase().startsWith("multipart/");
  const limit = multipart && UPLOAD_PATHS.some((p) => p.test(path)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
  if (headers.contentLength === undefined) return headers.transferEncoding ? { ok: false, status: 411 } : { ok: true };
  const length = Number(headers.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return { ok: false, status: 411 };
  if (length > limit) return { ok: false, status: 413 };
  // The app's forms are urlencoded; files come as multipart, and only to the upload pages.
  // Any other body (JSON, XML, text, multipart elsewhere) is not something an action reads.
  const type = (headers.contentType ?? "").toLowerCase();
  if (length > 0 || type) {
    const form = type.startsWith("application/x-www-form-urlencoded");
    const upload = multipart && UPLOAD_PATHS.some((p) => p.test(path)) && /boundary=/.test(type);
    if (!form && !upload) return { ok: false, status: 400 };
  }
  return { ok: true };
}
