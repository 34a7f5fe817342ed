// Reading one cookie from a Cookie header, tolerant of anything else in it: a cookie that is not
// valid percent-encoding (`foo=%FF`, set by another site on the parent domain, say) is skipped,
// never an error. lucia's own reader decodes every cookie and throws on such a value.

/** The value of cookie `name`, or null. A malformed value of `name` itself reads as absent. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}
