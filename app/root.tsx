import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "./ui/global.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import { cssBundleHref } from "@remix-run/css-bundle";
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "./i18n/i18n.server";
import { getViewer } from "./server/people/guard.server";
import { unreadCount } from "./server/mail/notifications.server";
import { navigationFor } from "./server/people/permissions.server";
import { AppShellLayout } from "./ui/AppShellLayout";
import { ErrorPage } from "./ui/ErrorPage";
import { useNonce } from "./ui/nonce";
import { theme } from "./ui/theme";
import { THEME_CSS_VERSION } from "./server/platform/theme-css.server";
import { TEXTS_VERSION } from "./server/platform/texts-json.server";
import { fetchTexts } from "./i18n/fetch-texts";
import { errorTitle, SERVICE_NAME } from "./i18n/page-title";

export const links: LinksFunction = () => [
  ...(cssBundleHref ? [{ rel: "stylesheet", href: cssBundleHref }] : []),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// A route without a title of its own falls back to the service's name; tests/browser/page-quality
// fails on such a page. An error page is titled by what went wrong.
export const meta: MetaFunction = ({ error, matches }) => (error ? errorTitle(matches, error) : [{ title: SERVICE_NAME }]);

/**
 * An autosave (ui/neighbourhood/SectionForm) or a save that never reached the server (its
 * clientAction answers `{ failed: true }`) reloads no data: offline, the reload itself would fail
 * and replace the page, and the text being typed, with an error page.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionResult, defaultShouldRevalidate }) =>
  formData?.get("autosave") === "1" || (actionResult as { failed?: boolean } | null | undefined)?.failed ? false : defaultShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [lng, viewer] = await Promise.all([detectLanguage(request), getViewer(request, context)]);
  return json({
    lng,
    viewer: viewer ? { id: viewer.id, name: viewer.name, email: viewer.email } : null,
    navigation: navigationFor(viewer),
    unreadNotifications: viewer ? unreadCount(viewer.id) : 0,
    // The theme's variables come as a cached stylesheet, not inline in every page (server/theme-css.server).
    themeCssVersion: THEME_CSS_VERSION,
    textsVersion: TEXTS_VERSION,
  });
}

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/**
 * Keeps the browser's texts in the page's language. The browser holds only the language it was
 * loaded in (entry.client); when a navigation changes the language (signing in applies the
 * person's own language), that language's texts are fetched first, then the page switches.
 */
function useLanguage(lang: string, textsVersion: string | undefined) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === lang) return;
    if (i18n.hasResourceBundle(lang, "translation")) {
      void i18n.changeLanguage(lang);
      return;
    }
    let cancelled = false;
    fetchTexts(lang, `/texts/${lang}${textsVersion ? `?v=${textsVersion}` : ""}`)
      .then((texts) => {
        if (cancelled) return;
        i18n.addResourceBundle(lang, "translation", texts);
        void i18n.changeLanguage(lang);
      })
      // Offline: the page stays in the language it has; the next full load fixes it.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [i18n, lang, textsVersion]);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const lang = data?.lng ?? i18n.language ?? "fi";
  useLanguage(lang, data?.textsVersion);
  return (
    <html lang={lang} dir="ltr" {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <link rel="stylesheet" href={`/theme.css${data?.themeCssVersion ? `?v=${data.themeCssVersion}` : ""}`} />
        {/* The page's texts: fetched by entry.client while the scripts load. */}
        <link
          rel="preload"
          as="fetch"
          crossOrigin="anonymous"
          data-texts
          href={`/texts/${lang}${data?.textsVersion ? `?v=${data.textsVersion}` : ""}`}
        />
        <ColorSchemeScript nonce={nonce} defaultColorScheme="light" />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light" withCssVariables={false} getStyleNonce={() => nonce ?? ""}>
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShellLayout>
      <Outlet />
    </AppShellLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // On the server, handleError (entry.server) has logged it in one line; in the browser, the console.
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <AppShellLayout>
      <ErrorPage status={status} />
    </AppShellLayout>
  );
}
