import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { FALLBACK_LANGUAGE, formatWithIntlLocales, i18nOptions, isLanguage, type Language } from "./i18n/config";
import { fetchTexts } from "./i18n/fetch-texts";
import { setTitleTranslator } from "./i18n/page-title";

/**
 * Only the page's language is downloaded, as JSON (/texts/<lng>, preloaded by the page's head and
 * cached for good under its content hash): the scripts carry no texts. Switching language reloads
 * the page (LanguageSwitcher), which loads the other language.
 */
function loadTexts(lang: Language): Promise<Record<string, unknown>> {
  return fetchTexts(lang, document.querySelector<HTMLLinkElement>("link[data-texts]")?.href);
}

async function hydrate() {
  const lang = document.documentElement.lang;
  const language = isLanguage(lang) ? lang : FALLBACK_LANGUAGE;
  const texts = await loadTexts(language);
  await i18next
    .use(initReactI18next)
    .init({ ...i18nOptions, fallbackLng: language, resources: { [language]: { translation: texts } }, lng: language });
  formatWithIntlLocales(i18next);
  setTitleTranslator(() => i18next.t);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
