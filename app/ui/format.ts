import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLanguage, FALLBACK_LANGUAGE } from "~/i18n/config";

// Building an Intl formatter is far slower than using one, and a long list formats hundreds of
// values: formatters are made once per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f as Intl.DateTimeFormat;
}
function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options ?? {})}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f as Intl.NumberFormat;
}

/** Dates and numbers in the reader's language (Finnish: 23.11.2026, 1 234,5). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  const locale = INTL_LOCALE[lang];
  return {
    locale,
    date: (value: Date | string | number | null | undefined) =>
      value == null ? "–" : dateFormat(locale, { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(new Date(value)),
    dateTime: (value: Date | string | number | null | undefined) =>
      value == null
        ? "–"
        : dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(new Date(value)),
    number: (value: number, options?: Intl.NumberFormatOptions) => numberFormat(locale, options).format(value),
  };
}
