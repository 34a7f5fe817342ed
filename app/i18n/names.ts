import type { Language } from "./config";

type Named = { nameFi: string; nameSv?: string | null; nameEn?: string | null };

/** The record's name in the reader's language, falling back to Finnish (the working language). */
export function localName(record: Named, lang: string): string {
  if (lang === "sv" && record.nameSv) return record.nameSv;
  if (lang === "en" && record.nameEn) return record.nameEn;
  return record.nameFi;
}

export type { Language };
