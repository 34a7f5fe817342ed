// Importing organisations from a CSV or XLSX file through the shared flow (upload → preview with
// per-field changes → confirm; csv-import.server). An organisation is matched by its Finnish
// name; an empty cell or a missing column keeps what is saved, and only the clear marker
// (#TYHJÄ, #TOM, #CLEAR) empties a field.
import type ExcelJS from "exceljs";
import { ORGANISATION_KINDS, organisations, type OrganisationKind } from "../../../db/schema";
import { i18nFor } from "../../i18n/i18n.server";
import {
  headerMap,
  isClearMarker,
  messageKeys,
  normalizeHeader,
  readCsvLines,
  summarize,
  tableFromLines,
  tooLarge,
  writeAllOrNothing,
} from "../platform/csv-import.server";
import type * as Csv from "../platform/csv-import.server";
import { db, type Db } from "../platform/db.server";
import { eq } from "drizzle-orm";
import type { Viewer } from "../people/viewer.server";
import { namesFrom } from "../../i18n/names";

type Reader = Pick<Db, "select">;

export const ORGANISATION_IMPORT_COLUMNS = ["name_fi", "name_sv", "name_en", "short_name", "kind"] as const;
export type OrganisationColumn = (typeof ORGANISATION_IMPORT_COLUMNS)[number];
export const MAX_ORGANISATION_IMPORT_BYTES = 1024 * 1024;
export const MAX_ORGANISATION_IMPORT_ROWS = 2000;

const TABLE: Csv.TableSpec<OrganisationColumn> & { maxBytes: number } = {
  errors: "cityData.organisationImport.errors",
  headers: headerMap<OrganisationColumn>({
    name_fi: ["name_fi", "nimi_fi", "nimi", "organisaatio", "nimi_suomeksi", "namn_fi"],
    name_sv: ["name_sv", "nimi_sv", "nimi_ruotsiksi", "namn_sv", "namn"],
    name_en: ["name_en", "nimi_en", "nimi_englanniksi", "namn_en", "english_name"],
    short_name: ["short_name", "lyhenne", "lyhytnimi", "kortnamn", "forkortning", "abbreviation"],
    kind: ["kind", "tyyppi", "laji", "typ", "type"],
  }),
  missing: (columns) => (columns.name_fi === undefined ? ["name_fi"] : []),
  maxRows: MAX_ORGANISATION_IMPORT_ROWS,
  maxBytes: MAX_ORGANISATION_IMPORT_BYTES,
};
const errorKey = messageKeys(TABLE.errors);

export const ORGANISATION_IMPORT_FILES: Csv.ImportFiles = {
  errors: TABLE.errors,
  maxBytes: TABLE.maxBytes,
  folder: "organisation-imports",
};
export type OrganisationFile = Csv.ImportTable<OrganisationColumn>;

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return value.result == null || typeof value.result === "object" ? "" : String(value.result);
  return "";
}

async function linesFromXlsx(bytes: Uint8Array): Promise<{ ok: true; lines: Csv.FileLine[] } | Csv.FileErrors> {
  const Excel = (await import("exceljs")).default;
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: [errorKey("unreadable")] };
  }
  const sheet = workbook.worksheets.find((w) => w.state === "visible") ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [errorKey("empty")] };
  const lines: Csv.FileLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    lines.push({ rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { ok: true, lines };
}

/** A CSV or XLSX upload into rows keyed by column; file-level problems as translation keys. */
export async function parseOrganisationFile(bytes: Uint8Array, filename: string): Promise<Csv.TableResult<OrganisationColumn>> {
  const large = tooLarge(bytes, TABLE.maxBytes, TABLE.errors);
  if (large) return large;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (isZip && (!ext || ext === "xlsx")) {
    const read = await linesFromXlsx(bytes);
    return read.ok ? tableFromLines(read.lines, TABLE) : read;
  }
  if (isZip || (ext && ext !== "csv" && ext !== "txt")) return { ok: false, errors: [errorKey("wrongType")] };
  const read = readCsvLines(bytes, TABLE.errors);
  return read.ok ? tableFromLines(read.lines, TABLE) : read;
}

/** "police", "Poliisi", "Polisen": the kind codes and their names in every language. */
function kindWords(): Map<string, OrganisationKind> {
  const words = new Map<string, OrganisationKind>();
  for (const kind of ORGANISATION_KINDS) {
    words.set(normalizeHeader(kind), kind);
    for (const lng of ["fi", "sv", "en"] as const) words.set(normalizeHeader(i18nFor(lng).t(`organisationKinds.${kind}`)), kind);
  }
  return words;
}

type OrgValues = { nameFi: string; nameSv: string | null; nameEn: string | null; shortName: string | null; kind: OrganisationKind };
export type OrganisationField = "name_sv" | "name_en" | "short_name" | "kind";
export type OrganisationChange = { field: OrganisationField | "name_fi"; from: string | null; to: string | null };
export type ValidatedOrganisationRow = {
  rowNumber: number;
  nameFi: string;
  kind: OrganisationKind | null;
  next: OrgValues;
  changes: OrganisationChange[];
  action: Csv.ImportAction;
  errors: string[];
};
export type OrganisationImportValidation = Csv.ImportValidation<ValidatedOrganisationRow>;

const LIMITS: Record<OrganisationColumn, number> = { name_fi: 200, name_sv: 200, name_en: 200, short_name: 40, kind: 60 };

export function validateOrganisationImport(file: OrganisationFile, r: Reader = db()): OrganisationImportValidation {
  const existing = r.select().from(organisations).all();
  const byName = new Map(existing.map((o) => [o.nameFi.trim().toLowerCase(), o]));
  const kinds = kindWords();
  const kindList = ORGANISATION_KINDS.join(", ");
  const firstRow = new Map<string, number>();
  const rows = file.rows.map((row): ValidatedOrganisationRow => {
    const errors: string[] = [];
    const cell = (column: OrganisationColumn) => {
      if (file.columns[column] === undefined) return { kind: "keep" as const };
      const raw = (row.values[column] ?? "").trim().replace(/\s+/g, " ");
      if (!raw) return { kind: "keep" as const };
      if (isClearMarker(raw)) return { kind: "clear" as const };
      if (raw.length > LIMITS[column]) errors.push(errorKey("tooLong", { column: file.columns[column], max: LIMITS[column] }));
      return { kind: "set" as const, value: raw };
    };
    const name = cell("name_fi");
    const nameFi = name.kind === "set" ? name.value : "";
    if (name.kind === "clear") errors.push(errorKey("cannotClear", { column: file.columns.name_fi }));
    else if (!nameFi) errors.push(errorKey("nameMissing"));
    const nameKey = nameFi.toLowerCase();
    if (nameFi) {
      if (firstRow.has(nameKey)) errors.push(errorKey("duplicate", { row: firstRow.get(nameKey) }));
      else firstRow.set(nameKey, row.rowNumber);
    }
    const current = nameFi ? byName.get(nameKey) : undefined;
    const was: OrgValues = current
      ? { ...namesFrom(current), shortName: current.shortName, kind: current.kind }
      : { nameFi, nameSv: null, nameEn: null, shortName: null, kind: "other" };
    const next: OrgValues = { ...was };
    for (const [column, field] of [
      ["name_sv", "nameSv"],
      ["name_en", "nameEn"],
      ["short_name", "shortName"],
    ] as const) {
      const c = cell(column);
      if (c.kind !== "keep") next[field] = c.kind === "set" ? c.value : null;
    }
    const kindCell = cell("kind");
    if (kindCell.kind === "clear") errors.push(errorKey("cannotClear", { column: file.columns.kind }));
    else if (kindCell.kind === "set") {
      const kind = kinds.get(normalizeHeader(kindCell.value));
      if (kind) next.kind = kind;
      else errors.push(errorKey("kindUnknown", { value: kindCell.value, kinds: kindList }));
    }
    const changes: OrganisationChange[] = [];
    const compare = (field: OrganisationChange["field"], from: string | null, to: string | null) => {
      if ((from ?? null) !== (to ?? null)) changes.push({ field, from: current ? from : null, to });
    };
    if (!current) compare("name_fi", null, next.nameFi || null);
    compare("name_sv", was.nameSv, next.nameSv);
    compare("name_en", was.nameEn, next.nameEn);
    compare("short_name", was.shortName, next.shortName);
    compare("kind", current ? was.kind : null, next.kind);
    const action: Csv.ImportAction = !current ? "create" : changes.length ? "update" : "unchanged";
    return { rowNumber: row.rowNumber, nameFi: current?.nameFi ?? nameFi, kind: next.kind, next, changes, action, errors };
  });
  return summarize(rows);
}

export type OrganisationImportResult = Csv.ImportResult<OrganisationImportValidation>;

/** All rows in one transaction (validated again inside it) with an audit entry, or nothing. */
export function applyOrganisationImport(
  viewer: Viewer,
  file: OrganisationFile,
  meta: { filename?: string } = {},
): OrganisationImportResult {
  return writeAllOrNothing(
    (tx) => validateOrganisationImport(file, tx),
    (tx, validation) => {
      let created = 0;
      let updated = 0;
      for (const row of validation.rows) {
        if (row.action === "create") {
          tx.insert(organisations).values(row.next).run();
          created++;
        } else if (row.action === "update") {
          const { nameFi, ...rest } = row.next;
          tx.update(organisations).set(rest).where(eq(organisations.nameFi, nameFi)).run();
          updated++;
        }
      }
      return { created, updated };
    },
    { actorId: viewer.id, action: "organisations.import", targetType: "organisation", filename: meta.filename },
  );
}
