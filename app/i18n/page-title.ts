// Every page's <title> says what the page is, in the reader's language, before the service's name
// (WCAG 2.4.2): "Toimenpiteet – Lähiturva", "1.1 Jalkautuva nuorisotyö – Measure – Lähiturva".
// Remix meta functions get no i18n instance: the server entry and the browser entry each supply
// theirs (setTitleTranslator), and the title is written in the language the root loader detected.
import { isRouteErrorResponse } from "@remix-run/react";
import type { TFunction } from "i18next";
import { FALLBACK_LANGUAGE, isLanguage, type Language } from "./config";
import { localName } from "./names";

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
 * A page's title: `key` names what kind of page it is (several keys: from the page to its section,
 * "Käyttäjät – Hallinta"); `name` is the record it shows, written first because it tells pages
 * apart (a measure's code and title); `after` is what the page belongs to (a workspace's name).
 */
export function pageTitle(
  matches: readonly MetaMatch[],
  key: string | string[],
  options: { name?: string | null; after?: string | null; params?: Record<string, string | number> } = {},
): TitleDescriptor[] {
  if (!translator) throw new Error("page-title: no translator set (entry.server and entry.client set one)");
  const t = translator(languageOf(matches));
  const kinds = (Array.isArray(key) ? key : [key]).map((k) => t(k, options.params ?? {}));
  return [{ title: [options.name, ...kinds, options.after, SERVICE_NAME].filter(Boolean).join(" – ") }];
}

/** The loader data of another route on the page (a layout's record, for its child pages' titles). */
export function routeData<T>(matches: readonly MetaMatch[], routeId: string): T | undefined {
  return matches.find((m) => m.id === routeId)?.data as T | undefined;
}

type GroupNames = { nameFi: string; nameSv: string | null; nameEn: string | null };

/**
 * The title of a page inside a workspace, with the group's name from the workspace layout: as the
 * record itself (`"name"`, the workspace's front page) or after the page's kind (its sub-pages).
 */
export function workspacePageTitle(matches: readonly MetaMatch[], key: string, place: "name" | "after" = "after"): TitleDescriptor[] {
  const group = routeData<{ group: GroupNames }>(matches, "routes/workspaces.$groupId")?.group;
  const name = group ? localName(group, languageOf(matches)) : null;
  return pageTitle(matches, key, { [place]: name });
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
