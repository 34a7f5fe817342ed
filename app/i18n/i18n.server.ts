import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { FALLBACK_LANGUAGE, formatWithIntlLocales, i18nOptions, isLanguage, SUPPORTED_LANGUAGES, type Language } from "./config";
import { resources } from "./resources";

/** The chosen language is remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});

export async function detectLanguage(request: Request): Promise<Language> {
  const lng = await remixI18n.getLocale(request);
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

/** A `t` for server code (e-mails, exports, validation messages). */
export async function translatorFor(request: Request) {
  return remixI18n.getFixedT(request);
}

const sharedInstances = new Map<Language, I18n>();

/**
 * One i18next instance per language, shared by every server render: renders never change the
 * language, and building an instance per request was measurable work on every page.
 */
export function i18nFor(lng: Language): I18n {
  let instance = sharedInstances.get(lng);
  if (!instance) {
    instance = createInstance();
    // Resources are bundled, so initialisation completes synchronously.
    void instance.use(initReactI18next).init({ ...i18nOptions, resources, lng, initImmediate: false });
    formatWithIntlLocales(instance);
    sharedInstances.set(lng, instance);
  }
  return instance;
}
