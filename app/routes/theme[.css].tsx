// `/theme.css`: the theme's CSS variables (see server/platform/theme-css.server.ts). Linked with its content
// hash, so that URL may be cached for good; without the current hash it must be checked every time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { THEME_CSS, THEME_CSS_VERSION } from "~/server/platform/theme-css.server";

export function loader({ request }: LoaderFunctionArgs) {
  const current = new URL(request.url).searchParams.get("v") === THEME_CSS_VERSION;
  return new Response(THEME_CSS, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
