import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { reviewDownloadHeader, reviewXlsx } from "~/server/steering/review-export.server";
import { getReview } from "~/server/steering/reviews.server";
import { downloadResponse } from "~/server/platform/downloads.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "review.view" });
  const view = getReview(idParam(params.reviewId));
  if (!view) notFound();
  const [t, lang] = await Promise.all([translatorFor(request), detectLanguage(request)]);
  return downloadResponse(new Uint8Array(await reviewXlsx(view, t, lang)), {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    disposition: reviewDownloadHeader(view, t, "xlsx"),
  });
}
