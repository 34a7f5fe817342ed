// Errors that are the request's fault, not the server's: a foreign key naming a record that does
// not exist (an edit naming a missing id), a body that is not the form it claims to be, a
// malformed percent-encoding. Every loader and action of the build is wrapped (http-server.ts)
// so that these end as a 400 or 404 page instead of a 500. Plain module: no server-only imports.

export type ClientErrorStatus = 400 | 404;

/** The status a thrown error deserves when it is the request's fault, or null (a real 500). */
export function clientErrorStatus(error: unknown): ClientErrorStatus | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_CONSTRAINT_FOREIGNKEY") return 404;
  if (error instanceof URIError) return 400;
  // undici's Request.formData() on a body that is not the form its Content-Type says.
  if (error instanceof TypeError && /formdata|form data|multipart|boundary|content-type/i.test(error.message)) return 400;
  return null;
}

/** One log line for an error: its name and message, never a stack. */
export function errorLine(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code ? ` (${String(code)})` : ""}: ${error.message.split("\n")[0].slice(0, 300)}`;
  }
  return String(error).split("\n")[0].slice(0, 300);
}

type DataFunction = (args: { request: Request; context: unknown; params: unknown }) => unknown;

/** A loader or action that turns the request's faults into a thrown 400/404 response. */
export function mapClientErrors<F extends DataFunction>(fn: F): F {
  return (async (args: Parameters<F>[0]) => {
    try {
      return await fn(args);
    } catch (error) {
      const status = clientErrorStatus(error);
      if (status === null) throw error;
      throw new Response(JSON.stringify({ reason: status === 404 ? "notFound" : "badRequest" }), {
        status,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      });
    }
  }) as F;
}
