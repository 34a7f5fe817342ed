// The district hierarchy (suurpiiri → peruspiiri → osa-alue → pienalue): lineage lookups the
// neighbourhood permission records need, the area browser, and the CSV import of the hierarchy
// (columns level, code, name_fi, name_sv, parent_code). An import is all or nothing, like the
// measure import, and re-importing updates areas in place by level + code.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { AREA_LEVELS, areas, groupAreas, groups, type AreaLevel } from "../../../db/schema";
import {
  headerMap,
  isClearMarker,
  messageKeys,
  normalizeHeader,
  readCsvTable,
  summarize,
  writeAllOrNothing,
} from "../platform/csv-import.server";
import type * as Csv from "../platform/csv-import.server";
import { audit } from "../platform/audit.server";
import { db, type Reader } from "../platform/db.server";
import { clock } from "../platform/clock";
import { helsinkiParts } from "../platform/helsinki-time";
import { namesOf } from "../platform/select-names";
import type { Viewer } from "../people/viewer.server";

export type AreaRef = { id: number; level: AreaLevel; code: string; nameFi: string; nameSv: string | null; parentId: number | null };

/** An area as a reference names it (areas have no English name): every select of an area starts here. */
export const areaRefColumns = { id: areas.id, level: areas.level, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv };
/** An area's two names (areas have no English name) for a flat select of several tables: `areaNameFi`, `areaNameSv`. */
export const areaNameColumns = { areaNameFi: areas.nameFi, areaNameSv: areas.nameSv };
/** The same with the parent, for trees and pickers. */
export const areaColumns = { ...areaRefColumns, parentId: areas.parentId };

/** An area as lists and pages show it: `former` when it is no longer valid (marked, never hidden). */
export type ListedArea = AreaRef & { former: boolean; validUntil: string | null };
const listedColumns = { ...areaColumns, validFrom: areas.validFrom, validUntil: areas.validUntil };
function listed(
  { validFrom, ...a }: AreaRef & { validFrom: string | null; validUntil: string | null },
  today = todayInHelsinki(),
): ListedArea {
  return { ...a, former: !isCurrentArea({ validFrom, validUntil: a.validUntil }, today) };
}

export function getArea(id: number, r: Reader = db()): ListedArea | null {
  const row = r.select(listedColumns).from(areas).where(eq(areas.id, id)).get();
  return row ? listed(row) : null;
}

/** The area itself first, then its parent, grandparent… up to the major district. */
export function areaLineageIds(areaId: number, r: Reader = db()): number[] {
  const rows = r.all<{ id: number }>(sql`
    with recursive up(id, depth) as (
      select ${areaId}, 0
      union all select a.parent_id, up.depth + 1 from ${areas} a join up on a.id = up.id where a.parent_id is not null and up.depth < 10
    ) select id from up order by depth`);
  return rows.map((row) => row.id);
}

/** The area and every area below it (districts of a major district, their sub-areas…). */
export function areaDescendantIds(areaIds: number[], r: Reader = db()): number[] {
  if (!areaIds.length) return [];
  const seeds = sql.join(
    areaIds.map((id) => sql`(${id})`),
    sql`, `,
  );
  const rows = r.all<{ id: number }>(sql`
    with recursive seed(id) as (values ${seeds}),
    down(id, depth) as (
      select id, 0 from seed
      union select a.id, down.depth + 1 from ${areas} a join down on a.parent_id = down.id where down.depth < 10
    ) select distinct id from down`);
  return rows.map((row) => row.id);
}

/** Ancestors as records, major district first (for breadcrumbs). */
export function areaAncestors(areaId: number, r: Reader = db()): AreaRef[] {
  const ids = areaLineageIds(areaId, r).slice(1);
  if (!ids.length) return [];
  const rows = r.select(areaColumns).from(areas).where(inArray(areas.id, ids)).all();
  return ids
    .map((id) => rows.find((a) => a.id === id)!)
    .filter(Boolean)
    .reverse();
}

export function areaChildren(areaId: number, r: Reader = db()): ListedArea[] {
  const today = todayInHelsinki();
  return r
    .select(listedColumns)
    .from(areas)
    .where(eq(areas.parentId, areaId))
    .orderBy(asc(areas.code))
    .all()
    .map((a) => listed(a, today));
}

/**
 * The district networks that cover an area or an area above it, the nearest first: a plan for
 * Linjat (sub-area) is reviewed by the network that covers Kallio (district).
 */
export function networksCoveringArea(areaId: number, r: Reader = db()) {
  const lineage = areaLineageIds(areaId, r);
  if (!lineage.length) return [];
  const rows = r
    .selectDistinct({ id: groups.id, ...namesOf(groups), areaId: groupAreas.areaId })
    .from(groupAreas)
    .innerJoin(groups, eq(groups.id, groupAreas.groupId))
    .where(and(inArray(groupAreas.areaId, lineage), eq(groups.kind, "network")))
    .all();
  const depth = (id: number) => lineage.indexOf(id);
  const seen = new Set<number>();
  return rows
    .sort((a, b) => depth(a.areaId) - depth(b.areaId) || a.id - b.id)
    .filter((g) => (seen.has(g.id) ? false : (seen.add(g.id), true)))
    .map(({ areaId: _, ...g }) => g);
}

/** The areas a network covers, with everything below them. */
export function networkAreaIds(groupId: number, r: Reader = db()): { covered: number[]; all: number[] } {
  const covered = r
    .select({ id: groupAreas.areaId })
    .from(groupAreas)
    .where(eq(groupAreas.groupId, groupId))
    .all()
    .map((row) => row.id);
  return { covered, all: areaDescendantIds(covered, r) };
}

/** Every area, by level and code, for the staff browser (the UI builds the tree from parentId). */
export function listAllAreas(r: Reader = db()): ListedArea[] {
  const today = todayInHelsinki();
  return r
    .select(listedColumns)
    .from(areas)
    .orderBy(
      sql`case ${areas.level} when 'major_district' then 0 when 'district' then 1 when 'sub_area' then 2 else 3 end`,
      asc(areas.code),
    )
    .all()
    .map((a) => listed(a, today));
}

// ---------------------------------------------------------------------------------------------
// CSV import

export const MAX_AREA_IMPORT_BYTES = 1024 * 1024;
export const MAX_AREA_IMPORT_ROWS = 5000;

export const AREA_IMPORT_COLUMNS = ["level", "code", "name_fi", "name_sv", "parent_code", "valid_from", "valid_until"] as const;
export type AreaImportColumn = (typeof AREA_IMPORT_COLUMNS)[number];

/** Header names (normalised: no accents, lower case, "_" between words). */
const HEADER_NAMES: Record<AreaImportColumn, string[]> = {
  level: ["level", "taso", "aluetaso", "niva"],
  code: ["code", "koodi", "tunnus", "aluekoodi", "kod"],
  name_fi: ["name_fi", "nimi_fi", "nimi", "nimi_suomeksi", "finnish_name", "namn_fi"],
  name_sv: ["name_sv", "nimi_sv", "nimi_ruotsiksi", "swedish_name", "namn_sv", "namn"],
  parent_code: ["parent_code", "parent", "ylempi_koodi", "ylempi", "ylataso", "ylatason_koodi", "parent_area", "overordnad_kod"],
  valid_from: ["valid_from", "voimassa_alkaen", "alkaen", "alkupvm", "giltig_fran"],
  valid_until: ["valid_until", "voimassa_asti", "voimassa_saakka", "paattyen", "loppupvm", "giltig_till", "lakkautettu"],
};

/** Level words in Finnish, Swedish and English (normalised) → level. */
const LEVEL_WORDS: Record<string, AreaLevel> = {
  suurpiiri: "major_district",
  major_district: "major_district",
  major: "major_district",
  stordistrikt: "major_district",
  peruspiiri: "district",
  district: "district",
  distrikt: "district",
  grunddistrikt: "district",
  osa_alue: "sub_area",
  osaalue: "sub_area",
  sub_area: "sub_area",
  subarea: "sub_area",
  delomrade: "sub_area",
  pienalue: "small_area",
  small_area: "small_area",
  smallarea: "small_area",
  smaomrade: "small_area",
};

export function parseAreaLevel(value: string): AreaLevel | null {
  return LEVEL_WORDS[normalizeHeader(value)] ?? null;
}

/** The level a parent must have: the one right above. */
export function parentLevelOf(level: AreaLevel): AreaLevel | null {
  const i = AREA_LEVELS.indexOf(level);
  return i > 0 ? AREA_LEVELS[i - 1]! : null;
}

const TABLE: Csv.TableSpec<AreaImportColumn> & { maxBytes: number } = {
  errors: "neighbourhood.areaImport.errors",
  headers: headerMap(HEADER_NAMES),
  // name_fi is needed for a new area only: a file that updates Swedish names may leave it out.
  missing: (columns) => (["level", "code"] as const).filter((c) => columns[c] === undefined),
  maxRows: MAX_AREA_IMPORT_ROWS,
  maxBytes: MAX_AREA_IMPORT_BYTES,
};
const errorKey = messageKeys(TABLE.errors);

/** Area files for the shared import flow; uploads wait in DATA_DIR/area-imports. */
export const AREA_IMPORT_FILES: Csv.ImportFiles = { errors: TABLE.errors, maxBytes: TABLE.maxBytes, folder: "area-imports" };

/** `columns`: the columns the file has; a missing name_sv or parent_code column leaves those as they are. */
export type AreaCsv = Csv.ImportTable<AreaImportColumn>;

/** Reads an uploaded CSV into rows keyed by column; file-level problems come back as translation keys. */
export function parseAreaCsv(bytes: Uint8Array, filename = ""): Csv.TableResult<AreaImportColumn> {
  return readCsvTable(bytes, filename, TABLE);
}

export type AreaImportAction = Csv.ImportAction;
/** A field an area row may change; the names are the file's column names. */
export type AreaField = "name_fi" | "name_sv" | "parent_code" | "valid_from" | "valid_until" | "boundary";
/** One changed field of a row: what the area has now → what the import would write. */
export type AreaChange = { field: AreaField; from: string | null; to: string | null };
/** What the area holds after the row is written. */
type AreaValues = { nameFi: string; nameSv: string | null; parentCode: string | null; validFrom: string | null; validUntil: string | null };
export type ValidatedAreaRow = {
  rowNumber: number;
  level: AreaLevel | null;
  code: string;
  nameFi: string;
  parentCode: string | null;
  next: AreaValues;
  /** Only the fields that change (all of them for a new area that sets them). */
  changes: AreaChange[];
  /** The area is a former one after the import (valid until a day in the past). */
  former: boolean;
  action: AreaImportAction;
  errors: string[];
};
export type AreaImportValidation = Csv.ImportValidation<ValidatedAreaRow>;

const CODE = /^[0-9A-Za-zÅÄÖåäö._\-/]{1,20}$/;
const key = (level: AreaLevel, code: string) => `${level}:${code}`;
/** "010" and "10" are the same code to Excel: it drops leading zeros. */
const withoutLeadingZeros = (code: string) => code.replace(/^0+(?=.)/, "");
/** "Vanha Munkkiniemi (Ent.)", "(entinen)": the city's own mark of a former area. */
const FORMER_NAME = /\(\s*(ent\.?|entinen|f\.?\s*d\.?)\s*\)/i;

/** Today's date in Helsinki, "YYYY-MM-DD". */
export function todayInHelsinki(): string {
  return helsinkiParts(clock.now()).date;
}
function dayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
/** Is the area valid today (validity dates inclusive)? */
export function isCurrentArea(a: { validFrom: string | null; validUntil: string | null }, today = todayInHelsinki()): boolean {
  return (!a.validFrom || a.validFrom <= today) && (!a.validUntil || a.validUntil >= today);
}
/** The SQL condition of isCurrentArea. */
export function currentAreaCondition(today = todayInHelsinki()) {
  return sql`((${areas.validFrom} is null or ${areas.validFrom} <= ${today}) and (${areas.validUntil} is null or ${areas.validUntil} >= ${today}))`;
}

/** "2014-12-31", "31.12.2014" or a year ("2014": the first or last day of it) → "YYYY-MM-DD", else null. */
export function parseAreaDate(raw: string, end: boolean): string | null {
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  else if ((match = /^(\d{4})$/.exec(raw))) [y, m, d] = end ? [Number(match[1]), 12, 31] : [Number(match[1]), 1, 1];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1800 || y > 2200) return null;
  return date.toISOString().slice(0, 10);
}

type Cell = { kind: "keep" } | { kind: "clear" } | { kind: "set"; value: string };
/** A missing column or an empty cell keeps what the area has; only the clear marker empties a field. */
function cellOf(file: AreaCsv, row: AreaCsv["rows"][number], column: AreaImportColumn): Cell {
  if (file.columns[column] === undefined) return { kind: "keep" };
  const raw = (row.values[column] ?? "").trim();
  if (!raw) return { kind: "keep" };
  if (isClearMarker(raw)) return { kind: "clear" };
  return { kind: "set", value: raw.replace(/\s+/g, " ") };
}

/** Checks every row against the file itself and the database; nothing is written here. */
export function validateAreaImport(file: AreaCsv, r: Reader = db(), today = todayInHelsinki()): AreaImportValidation {
  const existing = r
    .select({ ...areaColumns, validFrom: areas.validFrom, validUntil: areas.validUntil })
    .from(areas)
    .all();
  const byKey = new Map(existing.map((a) => [key(a.level, a.code), a]));
  const byId = new Map(existing.map((a) => [a.id, a]));
  // Every level + code in the file (first occurrence), so a parent may come from the same file.
  const inFile = new Map<string, number>();
  for (const row of file.rows) {
    const level = parseAreaLevel(row.values.level ?? "");
    const code = (row.values.code ?? "").trim();
    if (level && code && !inFile.has(key(level, code))) inFile.set(key(level, code), row.rowNumber);
  }
  // Codes by level once leading zeros are dropped, saved and in the file: "10" finds "010".
  const unpadded = new Map<string, Map<string, string>>();
  const note = (level: AreaLevel, code: string, name: string) => {
    const k = key(level, withoutLeadingZeros(code));
    const codes = unpadded.get(k) ?? new Map<string, string>();
    if (!codes.has(code)) codes.set(code, name);
    unpadded.set(k, codes);
  };
  for (const a of existing) note(a.level, a.code, a.nameFi);
  for (const row of file.rows) {
    const level = parseAreaLevel(row.values.level ?? "");
    const code = (row.values.code ?? "").trim();
    if (level && code) note(level, code, (row.values.name_fi ?? "").trim());
  }
  const likelyMatch = (level: AreaLevel, code: string) =>
    [...(unpadded.get(key(level, withoutLeadingZeros(code)))?.entries() ?? [])].find(([c]) => c !== code);

  const rows = file.rows.map((row): ValidatedAreaRow => {
    const errors: string[] = [];
    const rawLevel = (row.values.level ?? "").trim();
    const level = parseAreaLevel(rawLevel);
    const code = (row.values.code ?? "").trim();
    if (!rawLevel) errors.push(errorKey("levelMissing"));
    else if (!level) errors.push(errorKey("levelUnknown", { value: rawLevel }));
    if (!code) errors.push(errorKey("codeMissing"));
    else if (!CODE.test(code)) errors.push(errorKey("codeInvalid", { value: code }));
    if (level && code && inFile.get(key(level, code)) !== row.rowNumber)
      errors.push(errorKey("duplicate", { row: inFile.get(key(level, code)) }));
    const current = level && code ? byKey.get(key(level, code)) : undefined;
    // Excel turned "010" into "10": never a new area next to the one it means.
    if (level && code && !current) {
      const match = likelyMatch(level, code);
      if (match) errors.push(errorKey("leadingZeros", { code, match: match[0], name: match[1] }));
    }

    const was: AreaValues = current
      ? {
          nameFi: current.nameFi,
          nameSv: current.nameSv,
          parentCode: current.parentId ? (byId.get(current.parentId)?.code ?? null) : null,
          validFrom: current.validFrom,
          validUntil: current.validUntil,
        }
      : { nameFi: "", nameSv: null, parentCode: null, validFrom: null, validUntil: null };
    const next: AreaValues = { ...was };

    const name = cellOf(file, row, "name_fi");
    if (name.kind === "clear") errors.push(errorKey("cannotClear", { column: file.columns.name_fi }));
    else if (name.kind === "set") next.nameFi = name.value;
    if (!next.nameFi) errors.push(errorKey("nameMissing"));
    else if (next.nameFi.length > 120) errors.push(errorKey("nameTooLong", { max: 120 }));

    const nameSv = cellOf(file, row, "name_sv");
    if (nameSv.kind !== "keep") next.nameSv = nameSv.kind === "set" ? nameSv.value : null;
    if (next.nameSv && next.nameSv.length > 120) errors.push(errorKey("nameTooLong", { max: 120 }));

    const parent = cellOf(file, row, "parent_code");
    if (parent.kind !== "keep") next.parentCode = parent.kind === "set" ? parent.value : null;
    if (level && parent.kind === "set") {
      const parentLevel = parentLevelOf(level);
      if (!parentLevel) errors.push(errorKey("majorHasParent"));
      else if (!inFile.has(key(parentLevel, parent.value)) && !byKey.has(key(parentLevel, parent.value))) {
        const match = likelyMatch(parentLevel, parent.value);
        errors.push(
          match
            ? errorKey("parentLikely", { code: parent.value, level: parentLevel, match: match[0], name: match[1] })
            : errorKey("parentMissing", { code: parent.value, level: parentLevel }),
        );
      }
    }

    for (const [column, field, end] of [
      ["valid_from", "validFrom", false],
      ["valid_until", "validUntil", true],
    ] as const) {
      const cell = cellOf(file, row, column);
      if (cell.kind === "clear") next[field] = null;
      else if (cell.kind === "set") {
        const date = parseAreaDate(cell.value, end);
        if (date) next[field] = date;
        else errors.push(errorKey("dateInvalid", { column: file.columns[column], value: cell.value }));
      }
    }
    // "(Ent.)" in the name: a former area. Without a date of its own it ended before today.
    if (FORMER_NAME.test(next.nameFi) && (!next.validUntil || next.validUntil >= today)) next.validUntil = dayBefore(today);
    if (next.validFrom && next.validUntil && next.validFrom > next.validUntil) errors.push(errorKey("datesReversed"));

    const changes: AreaChange[] = [];
    const compare = (field: AreaField, from: string | null, to: string | null) => {
      if ((from ?? null) !== (to ?? null)) changes.push({ field, from: current ? (from ?? null) : null, to: to ?? null });
    };
    compare("name_fi", was.nameFi || null, next.nameFi || null);
    compare("name_sv", was.nameSv, next.nameSv);
    compare("parent_code", was.parentCode, next.parentCode);
    compare("valid_from", was.validFrom, next.validFrom);
    compare("valid_until", was.validUntil, next.validUntil);
    const action: AreaImportAction = !current ? "create" : changes.length ? "update" : "unchanged";
    return {
      rowNumber: row.rowNumber,
      level,
      code,
      nameFi: next.nameFi,
      parentCode: next.parentCode,
      next,
      changes,
      former: !isCurrentArea(next, today),
      action,
      errors,
    };
  });
  return summarize(rows);
}

export type AreaImportResult = Csv.ImportResult<AreaImportValidation>;

/**
 * Writes the whole file in one transaction, or nothing if any row is broken. Rows are validated
 * again inside the transaction; parents are written before their children (level order), and an
 * update writes only the fields that change.
 */
export function applyAreaImport(viewer: Viewer | null, file: AreaCsv, meta: { filename?: string } = {}): AreaImportResult {
  return writeAllOrNothing(
    (tx) => validateAreaImport(file, tx),
    (tx, validation) => {
      let created = 0;
      let updated = 0;
      const ordered = [...validation.rows].sort((a, b) => AREA_LEVELS.indexOf(a.level!) - AREA_LEVELS.indexOf(b.level!));
      for (const row of ordered) {
        if (row.action === "unchanged") continue;
        const level = row.level!;
        const parentLevel = parentLevelOf(level);
        const { next } = row;
        const parentId =
          parentLevel && next.parentCode
            ? (tx
                .select({ id: areas.id })
                .from(areas)
                .where(and(eq(areas.level, parentLevel), eq(areas.code, next.parentCode)))
                .get()?.id ?? null)
            : null;
        if (row.action === "create") {
          tx.insert(areas)
            .values({
              level,
              code: row.code,
              nameFi: next.nameFi,
              nameSv: next.nameSv,
              parentId,
              validFrom: next.validFrom,
              validUntil: next.validUntil,
            })
            .run();
          created++;
        } else {
          const set: Partial<typeof areas.$inferInsert> = {};
          for (const change of row.changes) {
            if (change.field === "name_fi") set.nameFi = next.nameFi;
            else if (change.field === "name_sv") set.nameSv = next.nameSv;
            else if (change.field === "parent_code") set.parentId = parentId;
            else if (change.field === "valid_from") set.validFrom = next.validFrom;
            else set.validUntil = next.validUntil;
          }
          tx.update(areas)
            .set(set)
            .where(and(eq(areas.level, level), eq(areas.code, row.code)))
            .run();
          updated++;
        }
      }
      return { created, updated };
    },
    { actorId: viewer?.id ?? null, action: "areas.import", targetType: "area", filename: meta.filename },
  );
}

// ---------------------------------------------------------------------------------------------
// Managing areas: former areas, merging duplicates, removing unused ones

/**
 * Every table that refers to an area, with its column. Merging moves each of these; removing is
 * refused while any of them refers to the area. (The integration test checks this list against
 * SQLite's own foreign keys, so a new reference cannot be forgotten.)
 */
export const AREA_REFERENCES = [
  { use: "children", table: "areas", column: "parent_id", unique: null },
  { use: "residencies", table: "residencies", column: "area_id", unique: "user_id" },
  { use: "measureTargets", table: "measure_areas", column: "area_id", unique: "measure_id" },
  { use: "groupAreas", table: "group_areas", column: "area_id", unique: "group_id" },
  { use: "plans", table: "neighbourhood_plans", column: "area_id", unique: null },
  { use: "indicatorValues", table: "indicator_values", column: "area_id", unique: null },
  { use: "situations", table: "situation_areas", column: "area_id", unique: "situation_id" },
  { use: "consultationAreas", table: "consultation_areas", column: "area_id", unique: "consultation_id" },
  { use: "consultationAnswers", table: "consultation_responses", column: "home_area_id", unique: null },
  { use: "consultationDistricts", table: "consultation_responses", column: "district_id", unique: null },
  { use: "consultationMajorDistricts", table: "consultation_responses", column: "major_district_id", unique: null },
  { use: "observations", table: "observations", column: "area_id", unique: null },
] as const;
export type AreaUse = (typeof AREA_REFERENCES)[number]["use"];
export type AreaUsage = Record<AreaUse, number>;

/** How many rows refer to each of the areas, per kind of use. */
export function areaUsage(areaIds: number[], r: Reader = db()): AreaUsage {
  const usage = Object.fromEntries(AREA_REFERENCES.map((ref) => [ref.use, 0])) as AreaUsage;
  if (!areaIds.length) return usage;
  const ids = sql.join(
    areaIds.map((id) => sql`${id}`),
    sql`, `,
  );
  for (const ref of AREA_REFERENCES) {
    usage[ref.use] =
      r.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} in (${ids})`)[0]
        ?.n ?? 0;
  }
  return usage;
}
const totalUses = (usage: AreaUsage) => Object.values(usage).reduce((a, b) => a + b, 0);

export type AdminAreaRow = AreaRef & { validFrom: string | null; validUntil: string | null; former: boolean; uses: number };

/** Every area with its validity and how many rows refer to it, for the coordinator's list. */
export function listAreasForAdmin(r: Reader = db()): AdminAreaRow[] {
  const today = todayInHelsinki();
  const uses = new Map<number, number>();
  for (const ref of AREA_REFERENCES) {
    const rows = r.all<{ id: number; n: number }>(
      sql`select ${sql.identifier(ref.column)} as id, count(*) as n from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} is not null group by 1`,
    );
    for (const row of rows) uses.set(row.id, (uses.get(row.id) ?? 0) + row.n);
  }
  return r
    .select({ ...areaColumns, validFrom: areas.validFrom, validUntil: areas.validUntil })
    .from(areas)
    .orderBy(
      sql`case ${areas.level} when 'major_district' then 0 when 'district' then 1 when 'sub_area' then 2 else 3 end`,
      asc(areas.code),
    )
    .all()
    .map((a) => ({ ...a, former: !isCurrentArea(a, today), uses: uses.get(a.id) ?? 0 }));
}

export function getAdminArea(id: number, r: Reader = db()) {
  const area = r
    .select({ ...areaColumns, validFrom: areas.validFrom, validUntil: areas.validUntil })
    .from(areas)
    .where(eq(areas.id, id))
    .get();
  if (!area) return null;
  return { ...area, former: !isCurrentArea(area), parent: area.parentId ? getArea(area.parentId, r) : null, usage: areaUsage([id], r) };
}

export type MergeResult =
  | { ok: true; moved: number }
  | { ok: false; reason: "notFound" | "sameArea" | "levelDiffers" | "targetMissing" }
  | { ok: false; reason: "indicatorConflict"; count: number };

/**
 * Two copies of one area become one: every reference to `fromId` moves to `intoId` (a reference
 * the target already has is not doubled), and `fromId` is deleted, in one transaction with an
 * audit entry. Indicator values for the same indicator and period that differ refuse the merge.
 */
export function mergeAreas(viewer: Viewer, fromId: number, intoId: number): MergeResult {
  return db().transaction((tx) => {
    const from = getArea(fromId, tx);
    if (!from) return { ok: false as const, reason: "notFound" as const };
    if (fromId === intoId) return { ok: false as const, reason: "sameArea" as const };
    const into = getArea(intoId, tx);
    if (!into) return { ok: false as const, reason: "targetMissing" as const };
    if (from.level !== into.level) return { ok: false as const, reason: "levelDiffers" as const };

    const clash = (differing: boolean) => sql`
      from indicator_values f where f.area_id = ${fromId} and exists (
        select 1 from indicator_values i where i.area_id = ${intoId} and i.indicator_id = f.indicator_id and i.kind = f.kind and i.period = f.period
        ${differing ? sql`and i.value <> f.value` : sql``})`;
    const conflicts = tx.all<{ n: number }>(sql`select count(*) as n ${clash(true)}`)[0]?.n ?? 0;
    if (conflicts) return { ok: false as const, reason: "indicatorConflict" as const, count: conflicts };

    const moved: Partial<Record<AreaUse, number>> = {};
    // The same value twice is one value.
    tx.run(sql`delete from indicator_values where id in (select f.id ${clash(false)})`);
    for (const ref of AREA_REFERENCES) {
      const table = sql.identifier(ref.table);
      const column = sql.identifier(ref.column);
      if (ref.unique) {
        // A resident of both, a measure aimed at both, a network covering both: keep one row.
        const other = sql.identifier(ref.unique);
        tx.run(
          sql`delete from ${table} where ${column} = ${fromId} and ${other} in (select ${other} from ${table} where ${column} = ${intoId})`,
        );
      }
      moved[ref.use] = tx.run(sql`update ${table} set ${column} = ${intoId} where ${column} = ${fromId}`).changes;
    }
    tx.delete(areas).where(eq(areas.id, fromId)).run();
    const total = Object.values(moved).reduce((a, b) => a + b, 0);
    audit(
      {
        actorId: viewer.id,
        action: "area.merged",
        targetType: "area",
        targetId: intoId,
        detail: {
          from: { id: from.id, level: from.level, code: from.code, nameFi: from.nameFi },
          into: { id: into.id, code: into.code, nameFi: into.nameFi },
          moved,
        },
      },
      tx,
    );
    return { ok: true as const, moved: total };
  });
}

export type RemoveResult =
  | { ok: true; removed: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "inUse"; usage: AreaUsage };

/**
 * Removes an unused area together with the areas below it (a demo major district with its
 * districts), in one transaction with an audit entry. Refused with the uses while anything outside
 * that subtree refers to it: a resident's home, a measure's target, a network, a plan, a value.
 */
export function removeArea(viewer: Viewer, areaId: number): RemoveResult {
  return db().transaction((tx) => {
    const area = getArea(areaId, tx);
    if (!area) return { ok: false as const, reason: "notFound" as const };
    const subtree = areaDescendantIds([areaId], tx);
    const usage = areaUsage(subtree, tx);
    // The parts go with the area: they are not uses of it.
    usage.children = 0;
    if (totalUses(usage)) return { ok: false as const, reason: "inUse" as const, usage };
    const rows = tx.select({ id: areas.id, level: areas.level, code: areas.code }).from(areas).where(inArray(areas.id, subtree)).all();
    // Deepest first: a parent goes after its children.
    for (const row of rows.sort((a, b) => AREA_LEVELS.indexOf(b.level) - AREA_LEVELS.indexOf(a.level)))
      tx.delete(areas).where(eq(areas.id, row.id)).run();
    audit(
      {
        actorId: viewer.id,
        action: "area.removed",
        targetType: "area",
        targetId: areaId,
        detail: { level: area.level, code: area.code, nameFi: area.nameFi, removed: rows.map((r) => `${r.level}:${r.code}`) },
      },
      tx,
    );
    return { ok: true as const, removed: rows.length };
  });
}
