// The district hierarchy (suurpiiri → peruspiiri → osa-alue → pienalue): lineage lookups the
// neighbourhood permission records need, the area browser, and the CSV import of the hierarchy
// (columns level, code, name_fi, name_sv, parent_code). An import is all or nothing, like the
// measure import, and re-importing updates areas in place by level + code.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { AREA_LEVELS, areas, groupAreas, groups, type AreaLevel } from "../../db/schema";
import {
  headerMap,
  messageKeys,
  normalizeHeader,
  readCsvTable,
  summarize,
  writeAllOrNothing,
  type ImportAction,
  type ImportFiles,
  type ImportResult,
  type ImportTable,
  type ImportValidation,
  type TableResult,
  type TableSpec,
} from "./csv-import.server";
import { db, type Db } from "./db.server";

type Reader = Pick<Db, "select" | "selectDistinct" | "all">;

export type AreaRef = { id: number; level: AreaLevel; code: string; nameFi: string; nameSv: string | null; parentId: number | null };

const areaColumns = { id: areas.id, level: areas.level, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv, parentId: areas.parentId };

export function getArea(id: number, r: Reader = db()): AreaRef | null {
  return r.select(areaColumns).from(areas).where(eq(areas.id, id)).get() ?? null;
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
  return ids.map((id) => rows.find((a) => a.id === id)!).filter(Boolean).reverse();
}

export function areaChildren(areaId: number, r: Reader = db()): AreaRef[] {
  return r.select(areaColumns).from(areas).where(eq(areas.parentId, areaId)).orderBy(asc(areas.code)).all();
}

/**
 * The district networks that cover an area or an area above it, the nearest first: a plan for
 * Linjat (sub-area) is reviewed by the network that covers Kallio (district).
 */
export function networksCoveringArea(areaId: number, r: Reader = db()) {
  const lineage = areaLineageIds(areaId, r);
  if (!lineage.length) return [];
  const rows = r
    .selectDistinct({ id: groups.id, nameFi: groups.nameFi, nameSv: groups.nameSv, nameEn: groups.nameEn, areaId: groupAreas.areaId })
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
  const covered = r.select({ id: groupAreas.areaId }).from(groupAreas).where(eq(groupAreas.groupId, groupId)).all().map((row) => row.id);
  return { covered, all: areaDescendantIds(covered, r) };
}

/** Every area, by level and code, for the staff browser (the UI builds the tree from parentId). */
export function listAllAreas(r: Reader = db()): AreaRef[] {
  return r
    .select(areaColumns)
    .from(areas)
    .orderBy(sql`case ${areas.level} when 'major_district' then 0 when 'district' then 1 when 'sub_area' then 2 else 3 end`, asc(areas.code))
    .all();
}

// ---------------------------------------------------------------------------------------------
// CSV import

export const MAX_AREA_IMPORT_BYTES = 1024 * 1024;
export const MAX_AREA_IMPORT_ROWS = 5000;

export const AREA_IMPORT_COLUMNS = ["level", "code", "name_fi", "name_sv", "parent_code"] as const;
export type AreaImportColumn = (typeof AREA_IMPORT_COLUMNS)[number];

/** Header names (normalised: no accents, lower case, "_" between words). */
const HEADER_NAMES: Record<AreaImportColumn, string[]> = {
  level: ["level", "taso", "aluetaso", "niva"],
  code: ["code", "koodi", "tunnus", "aluekoodi", "kod"],
  name_fi: ["name_fi", "nimi_fi", "nimi", "nimi_suomeksi", "finnish_name", "namn_fi"],
  name_sv: ["name_sv", "nimi_sv", "nimi_ruotsiksi", "swedish_name", "namn_sv", "namn"],
  parent_code: ["parent_code", "parent", "ylempi_koodi", "ylempi", "ylataso", "ylatason_koodi", "parent_area", "overordnad_kod"],
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

const TABLE: TableSpec<AreaImportColumn> & { maxBytes: number } = {
  errors: "neighbourhood.areaImport.errors",
  headers: headerMap(HEADER_NAMES),
  missing: (columns) => (["level", "code", "name_fi"] as const).filter((c) => columns[c] === undefined),
  maxRows: MAX_AREA_IMPORT_ROWS,
  maxBytes: MAX_AREA_IMPORT_BYTES,
};
const errorKey = messageKeys(TABLE.errors);

/** Area files for the shared import flow; uploads wait in DATA_DIR/area-imports. */
export const AREA_IMPORT_FILES: ImportFiles = { errors: TABLE.errors, maxBytes: TABLE.maxBytes, folder: "area-imports" };

/** `columns`: the columns the file has; a missing name_sv or parent_code column leaves those as they are. */
export type AreaCsv = ImportTable<AreaImportColumn>;

/** Reads an uploaded CSV into rows keyed by column; file-level problems come back as translation keys. */
export function parseAreaCsv(bytes: Uint8Array, filename = ""): TableResult<AreaImportColumn> {
  return readCsvTable(bytes, filename, TABLE);
}

export type AreaImportAction = ImportAction;
export type ValidatedAreaRow = {
  rowNumber: number;
  level: AreaLevel | null;
  code: string;
  nameFi: string;
  nameSv: string | null;
  parentCode: string | null;
  /** False when the file has no such column: the area keeps what it has. */
  setsParent: boolean;
  setsNameSv: boolean;
  action: AreaImportAction;
  errors: string[];
};
export type AreaImportValidation = ImportValidation<ValidatedAreaRow>;

const CODE = /^[0-9A-Za-zÅÄÖåäö._\-/]{1,20}$/;
const key = (level: AreaLevel, code: string) => `${level}:${code}`;

/** Checks every row against the file itself and the database; nothing is written here. */
export function validateAreaImport(file: AreaCsv, r: Reader = db()): AreaImportValidation {
  const existing = r.select(areaColumns).from(areas).all();
  const byKey = new Map(existing.map((a) => [key(a.level, a.code), a]));
  const setsParent = file.columns.parent_code !== undefined;
  const setsNameSv = file.columns.name_sv !== undefined;
  // Every level + code in the file (first occurrence), so a parent may come from the same file.
  const inFile = new Map<string, number>();
  for (const row of file.rows) {
    const level = parseAreaLevel(row.values.level ?? "");
    const code = (row.values.code ?? "").trim();
    if (level && code && !inFile.has(key(level, code))) inFile.set(key(level, code), row.rowNumber);
  }

  const rows = file.rows.map((row): ValidatedAreaRow => {
    const errors: string[] = [];
    const rawLevel = (row.values.level ?? "").trim();
    const level = parseAreaLevel(rawLevel);
    const code = (row.values.code ?? "").trim();
    const nameFi = (row.values.name_fi ?? "").trim().replace(/\s+/g, " ");
    const nameSv = (row.values.name_sv ?? "").trim().replace(/\s+/g, " ") || null;
    const parentCode = (row.values.parent_code ?? "").trim() || null;
    if (!rawLevel) errors.push(errorKey("levelMissing"));
    else if (!level) errors.push(errorKey("levelUnknown", { value: rawLevel }));
    if (!code) errors.push(errorKey("codeMissing"));
    else if (!CODE.test(code)) errors.push(errorKey("codeInvalid", { value: code }));
    if (!nameFi) errors.push(errorKey("nameMissing"));
    else if (nameFi.length > 120) errors.push(errorKey("nameTooLong", { max: 120 }));
    if (nameSv && nameSv.length > 120) errors.push(errorKey("nameTooLong", { max: 120 }));
    if (level && code && inFile.get(key(level, code)) !== row.rowNumber) errors.push(errorKey("duplicate", { row: inFile.get(key(level, code)) }));

    let parentId: number | null | "new" = null;
    if (level && parentCode) {
      const parentLevel = parentLevelOf(level);
      if (!parentLevel) errors.push(errorKey("majorHasParent"));
      else {
        const inDb = byKey.get(key(parentLevel, parentCode));
        if (inFile.has(key(parentLevel, parentCode))) parentId = inDb?.id ?? "new";
        else if (inDb) parentId = inDb.id;
        else errors.push(errorKey("parentMissing", { code: parentCode, level: parentLevel }));
      }
    }

    let action: AreaImportAction = "create";
    const current = level && code ? byKey.get(key(level, code)) : undefined;
    if (current) {
      const same =
        current.nameFi === nameFi &&
        (!setsNameSv || (current.nameSv ?? null) === nameSv) &&
        (!setsParent || (parentId !== "new" && (current.parentId ?? null) === parentId));
      action = same ? "unchanged" : "update";
    }
    return { rowNumber: row.rowNumber, level, code, nameFi, nameSv, parentCode, setsParent, setsNameSv, action, errors };
  });
  return summarize(rows);
}

export type AreaImportResult = ImportResult<AreaImportValidation>;

/**
 * Writes the whole file in one transaction, or nothing if any row is broken. Rows are validated
 * again inside the transaction; parents are written before their children (level order).
 */
export function applyAreaImport(actorId: string | null, file: AreaCsv, meta: { filename?: string } = {}): AreaImportResult {
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
        const parentId =
          parentLevel && row.parentCode
            ? (tx.select({ id: areas.id }).from(areas).where(and(eq(areas.level, parentLevel), eq(areas.code, row.parentCode))).get()?.id ?? null)
            : null;
        if (row.action === "create") {
          tx.insert(areas).values({ level, code: row.code, nameFi: row.nameFi, nameSv: row.nameSv, parentId }).run();
          created++;
        } else {
          tx.update(areas)
            .set({ nameFi: row.nameFi, ...(row.setsNameSv ? { nameSv: row.nameSv } : {}), ...(row.setsParent ? { parentId } : {}) })
            .where(and(eq(areas.level, level), eq(areas.code, row.code)))
            .run();
          updated++;
        }
      }
      return { created, updated };
    },
    { actorId, action: "areas.import", targetType: "area", filename: meta.filename },
  );
}
