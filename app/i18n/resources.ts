// Every language's texts, for the server (one i18next instance per language) and the tests. The
// browser never imports this file: it loads the one language the page is in (entry.client).
import en from "./locales/en";
import fi from "./locales/fi";
import sv from "./locales/sv";

export const resources = {
  fi: { translation: fi },
  sv: { translation: sv },
  en: { translation: en },
} as const;
