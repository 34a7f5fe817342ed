import type { Language } from "./config";

type Named = { nameFi: string; nameSv?: string | null; nameEn?: string | null };

/** The record's name in the reader's language, falling back to Finnish (the working language). */
export function localName(record: Named, lang: string): string {
  if (lang === "sv" && record.nameSv) return record.nameSv;
  if (lang === "en" && record.nameEn) return record.nameEn;
  return record.nameFi;
}

export type { Language };

/** What a select offers: loaders send these rather than whole rows (a city has hundreds of organisations). */
export type SelectOption = { value: string; label: string };

/** Named records as select options in the reader's language, optionally with their code first. */
export function nameOptions(
  records: (Named & { id: number; code?: string | null })[],
  lang: string,
  opts: { withCode?: boolean } = {},
): SelectOption[] {
  return records.map((r) => ({
    value: String(r.id),
    label: opts.withCode && r.code ? `${r.code} ${localName(r, lang)}` : localName(r, lang),
  }));
}
