// `/situations/:situationId/briefings/:briefingId/pdf`: the situation report as a one-page tagged
// PDF in the reader's language; only for those who may read the situation, and logged like a read.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { getBriefing } from "~/server/situations/situations.server";
import { briefingDownloadHeader, renderBriefingPdf } from "~/server/situations/briefing-pdf.server";
import { downloadResponse } from "~/server/platform/downloads.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const found = getBriefing(viewer, idParam(params.situationId), idParam(params.briefingId), "pdf");
  if (!found) notFound();
  const [t, lang] = await Promise.all([translatorFor(request), detectLanguage(request)]);
  const bytes = await renderBriefingPdf(found, t, lang);
  return downloadResponse(new Uint8Array(bytes), { type: "application/pdf", disposition: briefingDownloadHeader(found, t) });
}
