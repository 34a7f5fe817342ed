import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor, detectLanguage } from "./i18n/i18n.server";
import { setTitleTranslator } from "./i18n/page-title";
import { cacheMode, cacheVerificationFailed, firstDifference } from "./server/platform/cache-mode.server";
import {
  answeredPageKey,
  cachedPage,
  NONCE_PLACEHOLDER,
  pageHtml,
  rememberAnswer,
  rememberPage,
  renderKey,
  withNonce,
} from "./server/platform/render-cache.server";
import { snapshot, stillFresh } from "./server/platform/table-versions.server";
import { NonceProvider } from "./ui/nonce";
import { errorLine } from "./server/platform/client-errors";
import { clock } from "~/server/platform/clock";

const ABORT_DELAY = 5_000;

setTitleTranslator((lang) => i18nFor(lang).getFixedT(lang));

// The HTTP server looks pages up through the build, so it shares the loaders' cache (http-server.ts).
export { lookUpPage } from "./server/platform/page-cache.server";

function appendContextCookies(headers: Headers, context: AppLoadContext | undefined) {
  for (const cookie of context?.setCookies ?? []) headers.append("Set-Cookie", cookie);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await detectLanguage(request);
  const i18n = i18nFor(lng);
  const nonce = loadContext?.nonce;
  appendContextCookies(responseHeaders, loadContext);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const page = (pageNonce: string | undefined) => (
    <NonceProvider value={pageNonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={pageNonce} />
      </I18nextProvider>
    </NonceProvider>
  );

  // An ordinary page view: the HTML depends only on the inputs in the key (see render-cache), so
  // an identical earlier render is reused. Error pages and answers to form posts are always fresh.
  const handler = remixContext.staticHandlerContext;
  // A request the HTTP server refused unread (405/411/413/400) renders the same error page for
  // the same reader every time: it is cached too (its status is in the key), so a flood of them
  // costs no renders.
  const refused = !!loadContext?.refusedStatus && request.method === "GET";
  if (nonce && request.method === "GET" && ((responseStatusCode === 200 && !handler.actionData && !handler.errors) || refused)) {
    const url = new URL(request.url);
    const minute = Math.floor(clock.ms() / 60_000);
    const key = renderKey({
      url: url.pathname + url.search + (refused ? `#${responseStatusCode}` : ""),
      language: lng,
      buildVersion: remixContext.manifest.version,
      minute,
      loaderData: handler.loaderData,
    });
    const cached = cacheMode.off ? undefined : cachedPage(key, nonce);
    let html: string | Uint8Array<ArrayBuffer>;
    if (cached === undefined) {
      const rendered = "<!DOCTYPE html>" + renderToString(page(NONCE_PLACEHOLDER));
      if (!cacheMode.off) rememberPage(key, rendered);
      html = withNonce(rendered, nonce);
    } else {
      html = Buffer.concat(cached) as Uint8Array<ArrayBuffer>;
      // Verification mode: the remembered render must be the very page rendering now gives.
      if (cacheMode.verify) {
        const fresh = "<!DOCTYPE html>" + renderToString(page(NONCE_PLACEHOLDER));
        const remembered = pageHtml(key);
        if (fresh !== remembered)
          return verificationFailure(
            cacheVerificationFailed(
              `render cache page for GET ${url.pathname}${url.search} differs from a fresh render, ${firstDifference(remembered, fresh)}`,
            ),
          );
      }
    }
    // The HTTP server may answer this very request from memory next time, with the tables its
    // loaders read: only if they wrote nothing, nothing they read has changed since they read it,
    // and no cookie is set.
    const pageRequest = loadContext.pageRequest;
    if (pageRequest && !responseHeaders.has("Set-Cookie") && !pageRequest.scope.wrote && stillFresh(pageRequest.scope)) {
      // Verification mode: the answer the page cache had for this request must be this one (unless
      // the minute turned or something it read changed meanwhile, which makes it stale, not wrong).
      if (
        pageRequest.expected !== undefined &&
        pageRequest.minute === minute &&
        answeredPageKey(pageRequest.key) === pageRequest.expected &&
        pageRequest.expected !== key
      )
        return verificationFailure(
          cacheVerificationFailed(
            `page cache answer for GET ${url.pathname}${url.search} differs from a fresh one, ${firstDifference(pageHtml(pageRequest.expected), pageHtml(key))}`,
          ),
        );
      rememberAnswer(pageRequest.key, key, snapshot(pageRequest.scope));
    }
    return new Response(html, { headers: responseHeaders, status: responseStatusCode });
  }

  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(page(nonce), {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = new PassThrough();
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(`error ${loadContext?.requestId ?? "-"} render: ${errorLine(error)}`);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/** A cache hit differed from a fresh answer (verification mode): a plain 500, the line is in the log. */
function verificationFailure(error: Error): Response {
  return new Response(`Internal error: ${error.message}`, { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Data requests (client navigations) carry the same session-refresh cookies as documents. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  appendContextCookies(response.headers, context);
  return response;
};

/** One line per error, with the request id (X-Request-Id): never a stack per request. */
export function handleError(error: unknown, { request, context }: { request: Request; context?: AppLoadContext }) {
  if (request.signal.aborted) return;
  // A 4xx answer Remix makes itself (a data request for a route without a loader) is no error of ours.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number" && status < 500) return;
  const url = new URL(request.url);
  console.error(`error ${context?.requestId ?? "-"} ${request.method} ${(url.pathname + url.search).slice(0, 200)}: ${errorLine(error)}`);
}
