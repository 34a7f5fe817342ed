// `/texts/:lng`: one language's texts for the browser (see server/platform/texts-json.server.ts).
// Asked for with the current content hash it may be cached for good; otherwise checked every time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { notFound } from "~/server/people/guard.server";
import { TEXTS_JSON, TEXTS_VERSION } from "~/server/platform/texts-json.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lng)) notFound();
  const current = new URL(request.url).searchParams.get("v") === TEXTS_VERSION;
  return new Response(TEXTS_JSON[params.lng], {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
