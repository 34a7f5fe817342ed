import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLanguage, FALLBACK_LANGUAGE } from "~/i18n/config";

/** Dates and numbers in the reader's language (Finnish: 23.11.2026, 1 234,5). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  const locale = INTL_LOCALE[lang];
  return {
    locale,
    date: (value: Date | string | number | null | undefined) =>
      value == null ? "–" : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(new Date(value)),
    dateTime: (value: Date | string | number | null | undefined) =>
      value == null
        ? "–"
        : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(new Date(value)),
    number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
  };
}
