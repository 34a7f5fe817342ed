// Reading a multipart form with one file, with a hard size limit: a too large file is refused
// before it is read into memory in full (the part is cut at the limit).
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export type UploadRead = { ok: true; form: FormData; file: { name: string; bytes: Uint8Array } | null } | { ok: false; reason: "tooLarge" | "unreadable" };

/** `fields`, when given: the only other parts kept besides the file (the rest are dropped unstored). */
export async function readUpload(request: Request, maxBytes: number, fields?: string[]): Promise<UploadRead> {
  // An obviously too large body is refused from its declared length alone.
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes + 256 * 1024) {
    await discardBody(request);
    return { ok: false, reason: "tooLarge" };
  }
  let form: FormData;
  try {
    const filter = fields ? ({ name }: { name: string }) => name === "file" || fields.includes(name) : undefined;
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes, filter }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, reason: "tooLarge" };
    return { ok: false, reason: "unreadable" };
  }
  const value = form.get("file");
  const isFile = typeof value === "object" && value !== null && "arrayBuffer" in value;
  // A browser sends an empty, nameless part when no file was chosen.
  const file = isFile && (value as File).name ? { name: (value as File).name, bytes: new Uint8Array(await (value as File).arrayBuffer()) } : null;
  form.delete("file");
  return { ok: true, form, file };
}

/** Reads and drops a refused body so the browser gets the answer instead of a stalled upload. */
async function discardBody(request: Request, limit = 64 * 1024 * 1024) {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > limit) return void (await reader.cancel());
    }
  } catch {
    // the client went away
  }
}
