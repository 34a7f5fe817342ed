// Every file the app hands out (exports, PDFs, a person's own data, a calendar entry) leaves the
// same way: an attachment under a file name that old browsers can read too, never kept by a
// shared cache, never sniffed into another type.

/**
 * The Content-Disposition of a download (RFC 6266, RFC 5987): the name as typed in UTF-8
 * (`filename*`), and an ASCII fallback for clients that read only `filename` (å → a, – → _).
 * A plain ASCII name needs no second form.
 */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return fallback === fileName && encoded === fileName
    ? `attachment; filename="${fileName}"`
    : `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A file as the response: its type, its name (or a Content-Disposition made elsewhere, such as a
 * review's translated file name), and any further headers the file needs.
 */
export function downloadResponse(
  body: BodyInit,
  file: { type: string; cacheControl?: string; headers?: Record<string, string> } & ({ name: string } | { disposition: string }),
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": "disposition" in file ? file.disposition : attachmentHeader(file.name),
      "Cache-Control": file.cacheControl ?? "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...file.headers,
    },
  });
}
