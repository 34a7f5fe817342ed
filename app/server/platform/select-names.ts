// The three language names (Finnish, Swedish, English) that strategies, plans, priority areas,
// goals, organisations, groups and indicators carry: selected in one way instead of by hand in
// every query. Plain module: column sets only, no database access.
import type { Column } from "drizzle-orm";

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
