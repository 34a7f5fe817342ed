// Content written in Finnish with optional Swedish and English versions (measures, tasks, public
// follow-up texts, decisions). A page shows the reader's language; where only Finnish exists the
// Finnish text is wrapped in lang="fi", so screen readers pronounce it right (WCAG 3.1.2).
import { useTranslation } from "react-i18next";
import { localField, type LocalText as Text, type Translated } from "~/i18n/names";

/** A resolved text: a span with lang only when it differs from the page's language. */
export function LangText({ value }: { value: Text }) {
  const { i18n } = useTranslation();
  if (value.lang === i18n.language) return <>{value.text}</>;
  return <span lang={value.lang}>{value.text}</span>;
}

/** A record's translated field in the reader's language, e.g. <LocalText record={measure} field="title" />. */
export function LocalText<K extends string>({ record, field }: { record: Translated<K>; field: K }) {
  const { i18n } = useTranslation();
  return <LangText value={localField(record, field, i18n.language)} />;
}
