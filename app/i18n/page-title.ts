// Every page's <title> says what the page is, in the reader's language, before the service's name
// (WCAG 2.4.2): "Toimenpiteet – Lähiturva", "1.1 Jalkautuva nuorisotyö – Measure – Lähiturva".
// Remix meta functions get no i18n instance: the server entry and the browser entry each supply
// theirs (setTitleTranslator), and the title is written in the language the root loader detected.
import { isRouteErrorResponse } from "@remix-run/react";
import type { TFunction } from "i18next";
import { FALLBACK_LANGUAGE, isLanguage, type Language } from "./config";

/** The service's own name is not translated. */
export const SERVICE_NAME = "Lähiturva";

type MetaMatch = { id: string; data?: unknown };
type TitleDescriptor = { title: string };

let translator: ((lang: Language) => TFunction) | null = null;

/** Called once by entry.server (every language) and entry.client (the page's language). */
export function setTitleTranslator(forLanguage: (lang: Language) => TFunction): void {
  translator = forLanguage;
}

/** The page's language: what the root loader detected for this request. */
export function languageOf(matches: readonly MetaMatch[]): Language {
  const lng = (matches.find((m) => m.id === "root")?.data as { lng?: string } | undefined)?.lng;
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

/**
 * A page's title: `key` names what kind of page it is; `name` is the record it shows, if any (a
 * measure's code and title, a plan's name), written first because it tells pages apart.
 */
export function pageTitle(
  matches: readonly MetaMatch[],
  key: string,
  options: { name?: string | null; params?: Record<string, string | number> } = {},
): TitleDescriptor[] {
  if (!translator) throw new Error("page-title: no translator set (entry.server and entry.client set one)");
  const kind = translator(languageOf(matches))(key, options.params ?? {});
  return [{ title: [options.name, kind, SERVICE_NAME].filter(Boolean).join(" – ") }];
}

const EXPLAINED_STATUSES = [400, 403, 404, 405, 411, 413, 429];

/** Which `errors.<status>` texts explain a status: the known ones their own, anything else 500's. */
export function errorTextKey(status: number): string {
  return `errors.${EXPLAINED_STATUSES.includes(status) ? status : 500}`;
}

/** The title of an error page: what went wrong, in the reader's language. */
export function errorTitle(matches: readonly MetaMatch[], error: unknown): TitleDescriptor[] {
  return pageTitle(matches, `${errorTextKey(isRouteErrorResponse(error) ? error.status : 500)}.title`);
}
