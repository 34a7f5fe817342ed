// One i18n mechanism for the whole app: i18next with every language bundled (the texts are small),
// detected per request by remix-i18next (URL ?lng, cookie, Accept-Language), Finnish by default.
import en from "./locales/en";
import fi from "./locales/fi";
import sv from "./locales/sv";

export const SUPPORTED_LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "fi";

export const resources = {
  fi: { translation: fi },
  sv: { translation: sv },
  en: { translation: en },
} as const;

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

/** BCP 47 tags for Intl formatting of dates and numbers. */
export const INTL_LOCALE: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };
