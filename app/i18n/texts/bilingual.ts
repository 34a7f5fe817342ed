// Content in both official languages (top-level key "bilingual"): the folded "in Swedish / in
// English" fields under a Finnish text (ui/TranslationFields), and the import/export column names.
import { defineTexts } from "../define";

export const bilingualTexts = defineTexts({
  fi: {
    summary: "{{field}} ruotsiksi ja englanniksi",
    inSwedish: "{{field}} ruotsiksi",
    inEnglish: "{{field}} englanniksi",
    help: "Vapaaehtoinen. Jos kenttä on tyhjä, sivu näyttää suomenkielisen tekstin.",
  },
  sv: {
    summary: "{{field}} på svenska och engelska",
    inSwedish: "{{field}} på svenska",
    inEnglish: "{{field}} på engelska",
    help: "Frivilligt. Om fältet är tomt visar sidan den finska texten.",
  },
  en: {
    summary: "{{field}} in Swedish and English",
    inSwedish: "{{field}} in Swedish",
    inEnglish: "{{field}} in English",
    help: "Optional. When it is empty, the page shows the Finnish text.",
  },
});
