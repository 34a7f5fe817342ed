// The three language names (Finnish, Swedish, English) that strategies, plans, priority areas,
// goals, organisations, groups and indicators carry: selected in one way instead of by hand in
// every query, and read from a form in one way (Finnish required, the others optional); the
// same for a measure's identifier and titles; and any table's columns picked by name.
// Plain module: column sets and values only, no database access.
import { type Column, getTableColumns, type Table } from "drizzle-orm";
import { measures } from "../../../db/schema";

/**
 * Columns of one table by name, to spread into a select: `...columnsOf(followUps, "status", "progress")`
 * selects them under their own names. The names are checked against the table.
 */
export function columnsOf<T extends Table, K extends keyof T["_"]["columns"] & string>(
  table: T,
  ...names: K[]
): Pick<T["_"]["columns"], K> {
  const all = getTableColumns(table) as T["_"]["columns"];
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T["_"]["columns"], K>;
}

type Named = { nameFi: Column; nameSv: Column; nameEn: Column };

/** `{ nameFi, nameSv, nameEn }` of a table, to spread into a select. */
export function namesOf<T extends Named>(table: T): Pick<T, "nameFi" | "nameSv" | "nameEn"> {
  return { nameFi: table.nameFi, nameSv: table.nameSv, nameEn: table.nameEn };
}

/** The same under a prefix, for a flat select of several named tables: `ownerNameFi`, `ownerNameSv`, `ownerNameEn`. */
export function prefixedNamesOf<P extends string, T extends Named>(
  prefix: P,
  table: T,
): { [K in `${P}NameFi`]: T["nameFi"] } & { [K in `${P}NameSv`]: T["nameSv"] } & { [K in `${P}NameEn`]: T["nameEn"] } {
  return {
    [`${prefix}NameFi`]: table.nameFi,
    [`${prefix}NameSv`]: table.nameSv,
    [`${prefix}NameEn`]: table.nameEn,
  } as { [K in `${P}NameFi`]: T["nameFi"] } & { [K in `${P}NameSv`]: T["nameSv"] } & { [K in `${P}NameEn`]: T["nameEn"] };
}

/** A measure's identifier and its title in the three languages, as every list of measures shows them. */
export const measureTitles = {
  code: measures.code,
  title: measures.title,
  titleSv: measures.titleSv,
  titleEn: measures.titleEn,
};

/** A trimmed text, or null when nothing but blanks was written. */
export const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The names as a form gives them, ready to write: Finnish trimmed, a blank translation is null. */
/** Names as a form gives them: Finnish required, the translations optional. */
export type WrittenNames = { nameFi: string; nameSv?: string | null; nameEn?: string | null };
/** Descriptions as a form gives them, all three optional. */
export type WrittenDescriptions = { descriptionFi?: string | null; descriptionSv?: string | null; descriptionEn?: string | null };

export function writtenNames(input: WrittenNames) {
  return { nameFi: input.nameFi.trim(), nameSv: blankToNull(input.nameSv), nameEn: blankToNull(input.nameEn) };
}

/** The three optional descriptions as a form gives them; a blank one is null. */
export function writtenDescriptions(input: WrittenDescriptions) {
  return {
    descriptionFi: blankToNull(input.descriptionFi),
    descriptionSv: blankToNull(input.descriptionSv),
    descriptionEn: blankToNull(input.descriptionEn),
  };
}
