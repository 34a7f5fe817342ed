// Names and content texts in the reader's language, falling back to Finnish (the working
// language); a content text also says which language it is in, so a fallback can be marked.
import type { Language } from "./config";

type Named = { nameFi: string; nameSv?: string | null; nameEn?: string | null };

/** The record's name in the reader's language, falling back to Finnish (the working language). */
export function localName(record: Named, lang: string): string {
  return localText({ fi: record.nameFi, sv: record.nameSv, en: record.nameEn }, lang).text;
}

/**
 * Just the three names of a record, for a loader that sends a name and nothing else of the row.
 * (In a select, server/platform/select-names `namesOf(table)` does the same for columns.)
 */
export function namesFrom<R extends { nameFi: unknown; nameSv: unknown; nameEn: unknown }>(
  record: R,
): Pick<R, "nameFi" | "nameSv" | "nameEn"> {
  return { nameFi: record.nameFi, nameSv: record.nameSv, nameEn: record.nameEn } as Pick<R, "nameFi" | "nameSv" | "nameEn">;
}

/** The name of a record that may have none (a review's "no priority area" row): null then. */
export function nameOrNull(record: { nameFi: string | null; nameSv?: string | null; nameEn?: string | null }, lang: string): string | null {
  return record.nameFi ? localName({ ...record, nameFi: record.nameFi }, lang) : null;
}

/** A text and the language it is actually in: a fallback to Finnish is marked with lang="fi" (ui/LocalText). */
export type LocalText = { text: string; lang: Language };

/** One text in Finnish with optional Swedish and English versions; empty versions fall back to Finnish. */
export function localText(versions: { fi: string; sv?: string | null; en?: string | null }, lang: string): LocalText {
  if (lang === "sv" && versions.sv?.trim()) return { text: versions.sv, lang: "sv" };
  if (lang === "en" && versions.en?.trim()) return { text: versions.en, lang: "en" };
  return { text: versions.fi, lang: "fi" };
}

/** A content field stored as `title` (Finnish) with `titleSv` and `titleEn` beside it. */
export type Translated<K extends string> = { [P in K]: string } & { [P in `${K}Sv` | `${K}En`]?: string | null };

/** The record's `field` in the reader's language, e.g. localField(measure, "title", "sv"). */
export function localField<K extends string>(record: Translated<K>, field: K, lang: string): LocalText {
  const r = record as unknown as Record<string, string | null | undefined>;
  return localText({ fi: r[field] ?? "", sv: r[`${field}Sv`], en: r[`${field}En`] }, lang);
}

/** A content field stored as `titleFi` with `titleSv` and `titleEn` beside it (consultations, their questions and options). */
export type Versioned<K extends string> = { [P in `${K}Fi`]: string } & { [P in `${K}Sv` | `${K}En`]?: string | null };

/** The record's `field` in the reader's language, e.g. localVersion(consultation, "title", "sv"). */
export function localVersion<K extends string>(record: Versioned<K>, field: K, lang: string): LocalText {
  const r = record as unknown as Record<string, string | null | undefined>;
  return localText({ fi: r[`${field}Fi`] ?? "", sv: r[`${field}Sv`], en: r[`${field}En`] }, lang);
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
