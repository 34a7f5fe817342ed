import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { reviewDownloadHeader, reviewPdf } from "~/server/steering/review-export.server";
import { getReview } from "~/server/steering/reviews.server";
import { downloadResponse } from "~/server/platform/downloads.server";

/** The review as a printable PDF, rendered off the main thread and cached once frozen. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "review.view" });
  const view = getReview(idParam(params.reviewId));
  if (!view) notFound();
  const [t, lang] = await Promise.all([translatorFor(request), detectLanguage(request)]);
  const bytes = await reviewPdf(view, t, lang);
  return downloadResponse(new Uint8Array(bytes), { type: "application/pdf", disposition: reviewDownloadHeader(view, t, "pdf") });
}
