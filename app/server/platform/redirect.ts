/**
 * Only same-origin paths are followed after sign-in (and after choosing a language): "/x" yes;
 * "//evil", "https://…", "/\\evil", anything with a control character (a tab or newline that a
 * browser drops: "/\t/evil.example" is "//evil.example" to Chromium), and anything the WHATWG URL
 * parser resolves to another origin, no. What is returned is the path as the parser normalised it,
 * so the Location header never carries a raw control character.
 */
const BASE = "http://same-origin.invalid";
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (CONTROL.test(to) || to.includes("\\") || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // The same rules on the value decoded once: a path whose decoding leads elsewhere is not followed.
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (CONTROL.test(decoded) || decoded.includes("\\") || decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || path === "/login" || path.startsWith("/login?") || path.startsWith("/login/") || path.startsWith("/logout"))
    return fallback;
  return path;
}
