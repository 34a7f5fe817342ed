// One i18n mechanism for the whole app: i18next with every language bundled (the texts are small),
// detected per request by remix-i18next (URL ?lng, cookie, Accept-Language), Finnish by default.
// The texts themselves are in resources.ts: the browser loads only the page's language (entry.client).
import type { i18n as I18n } from "i18next";

export const SUPPORTED_LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "fi";

export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "translation",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Each language's name in itself (an autonym is the same on every page, so it is no UI text). */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

/** BCP 47 tags for Intl formatting of dates and numbers. */
export const INTL_LOCALE: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/**
 * i18next formats `{{x, datetime}}` and `{{x, number}}` with the bare language code, and "en" is
 * US English ("Dec 24, 2026, 1:00 PM") while the pages format with en-GB ("24 Dec 2026, 13:00"):
 * texts use the same locales as the pages. Call once after init, on every instance.
 */
export function formatWithIntlLocales(instance: I18n): void {
  const locale = (lng: string | undefined) => INTL_LOCALE[isLanguage(lng) ? lng : FALLBACK_LANGUAGE];
  instance.services.formatter?.addCached("datetime", (lng, options: Intl.DateTimeFormatOptions) => {
    const format = new Intl.DateTimeFormat(locale(lng), options);
    return (value: Date | number | string) => format.format(new Date(value));
  });
  instance.services.formatter?.addCached("number", (lng, options: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(locale(lng), options);
    return (value: number) => format.format(value);
  });
}
