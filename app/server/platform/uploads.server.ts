// Reading a multipart form with one file, with a hard size limit: a too large body is refused
// from its declared length, and reading stops as soon as more arrives than the limit allows.
// The parts are split here (not by Remix's parser, which broke on a file name containing "=").

export type UploadRead =
  | { ok: true; form: FormData; file: { name: string; bytes: Uint8Array } | null }
  | { ok: false; reason: "tooLarge" | "unreadable" };

/** Room for the other fields and the part headers around the file. */
const FORM_ROOM = 256 * 1024;

/** `fields`, when given: the only other parts kept besides the file (the rest are dropped unstored). */
export async function readUpload(request: Request, maxBytes: number, fields?: string[]): Promise<UploadRead> {
  // An obviously too large body is refused from its declared length alone.
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes + FORM_ROOM) {
    await discardBody(request);
    return { ok: false, reason: "tooLarge" };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get("Content-Type") ?? "");
  if (!boundary || !request.body) return { ok: false, reason: "unreadable" };
  const body = await readLimited(request, maxBytes + FORM_ROOM);
  if (body === "tooLarge") return { ok: false, reason: "tooLarge" };
  if (body === null) return { ok: false, reason: "unreadable" };
  const parts = splitParts(body, boundary[1] ?? boundary[2]);
  if (!parts) return { ok: false, reason: "unreadable" };
  const form = new FormData();
  let file: { name: string; bytes: Uint8Array } | null = null;
  for (const part of parts) {
    if (part.name === "file") {
      if (part.bytes.byteLength > maxBytes) return { ok: false, reason: "tooLarge" };
      // A browser sends an empty, nameless part when no file was chosen.
      if (part.fileName) file = { name: part.fileName, bytes: part.bytes };
      continue;
    }
    if (part.fileName !== null) continue;
    if (fields && !fields.includes(part.name)) continue;
    form.append(part.name, new TextDecoder().decode(part.bytes));
  }
  return { ok: true, form, file };
}

async function readLimited(request: Request, limit: number): Promise<Buffer | "tooLarge" | null> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      seen += value.byteLength;
      if (seen > limit) {
        await reader.cancel();
        return "tooLarge";
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
}

type Part = { name: string; fileName: string | null; bytes: Uint8Array };

/** A quoted or bare parameter of a Content-Disposition header; quoted values may hold "=" and ";". */
function dispositionParam(header: string, key: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i");
  const m = re.exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2].trim();
}

function splitParts(body: Buffer, boundary: string): Part[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") return parts;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    // The part: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) return null;
    const headers = part.subarray(0, split).toString("utf8");
    const disposition = /^content-disposition:\s*(.*)$/im.exec(headers)?.[1] ?? "";
    const name = dispositionParam(disposition, "name");
    if (name === null) return null;
    const fileName = dispositionParam(disposition, "filename");
    parts.push({ name, fileName, bytes: new Uint8Array(part.subarray(split + 4)) });
    at = next;
  }
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
