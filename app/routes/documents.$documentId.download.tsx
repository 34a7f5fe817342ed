// Downloads a version of a document: only for someone who may read it, as an attachment with
// safe headers, and with the publicity marking in the file name. Non-public downloads are logged.
import { readFile } from "node:fs/promises";
import { downloadResponse } from "~/server/platform/downloads.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/i18n/i18n.server";
import { getVersionForDownload, logAccess, markedFileName, storedPath } from "~/server/workspaces/documents.server";
import { idParam, notFound, requireViewer } from "~/server/people/guard.server";
import { clientIp } from "~/server/workspaces/workspace-guards.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const documentId = idParam(params.documentId);
  const requested = new URL(request.url).searchParams.get("version");
  const version = requested && /^\d{1,6}$/.test(requested) ? Number(requested) : undefined;
  if (requested && version === undefined) notFound();
  const found = getVersionForDownload(viewer, documentId, version);
  if (!found) notFound();
  let bytes: Buffer;
  try {
    bytes = await readFile(storedPath(found.version.storedName));
  } catch {
    notFound();
  }
  logAccess({
    documentId,
    publicity: found.document.publicity,
    versionId: found.version.id,
    userId: viewer.id,
    action: "download",
    ip: clientIp(context),
  });
  const t = await translatorFor(request);
  const marking = found.document.publicity === "public" ? null : t(`workspaces.documents.marking.${found.document.publicity}`);
  return downloadResponse(new Uint8Array(bytes), {
    // The type we detected from the content at upload, never what the browser claimed.
    type: found.version.mimeType,
    name: markedFileName(found.version.fileName, marking),
    headers: { "Content-Length": String(bytes.byteLength), "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
}
