// Moving measures in and out as spreadsheets: export of the current list to CSV/XLSX, and import
// (parse → validate → apply) of the same columns. An import is all or nothing: every row is
// validated again inside the one transaction that writes, and any error writes nothing.
import { BLANK_MEASURE } from "./measure-input";
import { and, asc, eq, inArray } from "drizzle-orm";
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import type { TFunction } from "i18next";
import {
  areas,
  MEASURE_STATUSES,
  measureAreas,
  measureCostShares,
  measureGoals,
  measurePartners,
  measures,
  organisations,
  priorityAreas,
  safetyPlans,
  strategyGoals,
  users,
  type MeasureStatus,
} from "../../../db/schema";
import { MeasureFormSchema } from "../../forms/measures";
import type { Language } from "../../i18n/config";
import { localName } from "../../i18n/names";
import { measureIoTexts } from "../../i18n/texts/measure-io";
import { audit } from "../platform/audit.server";
import { areaLabel, areaRef, leadingZeroMatches, loadAreaIndex, resolveAreaRef } from "./area-refs.server";
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
import { canTransition, costSharesProblem, helsinkiDate } from "./measure-rules";
import {
  changedFields,
  listMeasures,
  snapshotOf,
  writeMeasureRows,
  type MeasureFilters,
  type MeasureInput,
  type MeasureSnapshot,
} from "./measures.server";
import { parseNumber } from "./indicator-figures";
import { clock } from "../platform/clock";
import { namesOf, columnsOf } from "../platform/select-names";
import type { Viewer } from "../people/viewer.server";

type Reader = Pick<Db, "select">;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;
const EXPORT_MAX_ROWS = 100_000;

// ---------------------------------------------------------------------------------------------
// Columns

/** The columns an import understands, in template order. */
export const IMPORT_FIELDS = [
  "code",
  "title",
  "description",
  "priorityArea",
  "owner",
  "responsible",
  "partners",
  "start",
  "end",
  "continuous",
  "areas",
  "budget",
  "costShares",
  "status",
  "goals",
  // Swedish and English beside the Finnish title and description: last, so older files and
  // templates keep their column order.
  "titleSv",
  "titleEn",
  "descriptionSv",
  "descriptionEn",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Extra columns an export adds for reading; an import ignores them. */
const EXPORT_ONLY_FIELDS = ["progress", "late", "lastFollowUp"] as const;
type ExportField = ImportField | (typeof EXPORT_ONLY_FIELDS)[number];

/** The documented technical column names (Finnish and English), as in the templates. */
export const COLUMN_IDS: Record<ImportField, { fi: string; en: string }> = {
  code: { fi: "tunnus", en: "code" },
  title: { fi: "otsikko", en: "title" },
  description: { fi: "kuvaus", en: "description" },
  priorityArea: { fi: "painopistealue", en: "priority_area" },
  owner: { fi: "vastuuorganisaatio", en: "owner" },
  responsible: { fi: "vastuuhenkilo", en: "responsible_email" },
  partners: { fi: "kumppanit", en: "partners" },
  start: { fi: "alkaa", en: "start" },
  end: { fi: "paattyy", en: "end" },
  continuous: { fi: "jatkuva", en: "continuous" },
  areas: { fi: "alueet", en: "areas" },
  budget: { fi: "budjetti_eur", en: "budget_eur" },
  costShares: { fi: "kustannusjako", en: "cost_shares" },
  status: { fi: "tila", en: "status" },
  goals: { fi: "strategiatavoitteet", en: "goals" },
  titleSv: { fi: "otsikko_sv", en: "title_sv" },
  titleEn: { fi: "otsikko_en", en: "title_en" },
  descriptionSv: { fi: "kuvaus_sv", en: "description_sv" },
  descriptionEn: { fi: "kuvaus_en", en: "description_en" },
};

const REQUIRED_FIELDS: ImportField[] = ["code", "title", "owner"];

/**
 * Columns only an import reads: `aikataulu` (timeline), a year ("2012") or a year range
 * ("2011–2014") as an older plan's spreadsheet gives it, read into the start and end dates.
 */
export const IMPORT_ONLY_FIELDS = ["timeline"] as const;
export type FileField = ImportField | (typeof IMPORT_ONLY_FIELDS)[number];
const TIMELINE_NAMES = ["aikataulu", "ajankohta", "toteutusaika", "tidsplan", "timeline", "schedule"];
/** Headers cities use in their own measure spreadsheets, besides the documented ones. */
const HEADER_ALIASES: Partial<Record<ImportField, string[]>> = {
  title: ["toimenpide", "åtgärd", "measure"],
  owner: ["vastuutaho", "vastuussa", "ansvarig"],
  status: ["tilanne", "toteutuminen", "läge"],
  titleSv: ["otsikko ruotsiksi", "toimenpide ruotsiksi", "rubrik sv", "åtgärd på svenska", "titel på svenska", "measure in swedish"],
  titleEn: ["otsikko englanniksi", "toimenpide englanniksi", "rubrik en", "åtgärd på engelska", "titel på engelska", "measure in english"],
  descriptionSv: ["kuvaus ruotsiksi", "beskrivning sv", "beskrivning_sv"],
  descriptionEn: ["kuvaus englanniksi", "beskrivning en", "beskrivning_en"],
};

/** The columns as the import page lists them: technical names, and whether the file must have it. */
export function importColumns(): { field: FileField; fi: string; en: string; required: boolean }[] {
  return [
    ...IMPORT_FIELDS.map((f) => ({
      field: f as FileField,
      fi: COLUMN_IDS[f].fi,
      en: COLUMN_IDS[f].en,
      required: REQUIRED_FIELDS.includes(f),
    })),
    { field: "timeline", fi: TIMELINE_NAMES[0], en: "timeline", required: false },
  ];
}

/** The file's shape: headers are the technical names plus the translated labels an export writes, in every language. */
const TABLE: Csv.TableSpec<FileField> = {
  errors: "measureIo.errors",
  headers: headerMap({
    ...(Object.fromEntries(
      IMPORT_FIELDS.map((f) => [
        f,
        [
          COLUMN_IDS[f].fi,
          COLUMN_IDS[f].en,
          ...(["fi", "sv", "en"] as const).map((l) => measureIoTexts[l].columns[f]),
          ...(HEADER_ALIASES[f] ?? []),
        ],
      ]),
    ) as Record<ImportField, string[]>),
    timeline: TIMELINE_NAMES,
  }),
  missing: (columns) => REQUIRED_FIELDS.filter((f) => columns[f] === undefined).map((f) => COLUMN_IDS[f].fi),
  maxRows: MAX_IMPORT_ROWS,
};

/** Loose matching of typed names: case, spacing and Unicode form do not matter. */
const nameKey = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");
/** Status names are matched without diacritics and separators too ("kaynnissa", "in_progress"). */
const statusKey = (s: string) => normalizeHeader(s).replace(/_/g, " ");

/**
 * Status words as cities write them in their own spreadsheets, besides the app's own names.
 * "Suunniteltu" (planned) is a measure the plan has adopted but not started: approved.
 */
export const STATUS_WORDS: Record<MeasureStatus, readonly string[]> = {
  proposed: ["ehdotus", "ehdolla", "esitetty", "förslag", "proposal"],
  approved: ["suunniteltu", "suunnitteilla", "päätetty", "planerad", "planned", "adopted"],
  in_progress: [
    "aloitettu",
    "käynnistetty",
    "kesken",
    "toteutuksessa",
    "meneillään",
    "påbörjad",
    "inledd",
    "pågående",
    "started",
    "ongoing",
    "underway",
  ],
  delayed: ["myöhässä", "viivästetty", "försenad", "late"],
  on_hold: ["keskeytetty", "odottaa", "pausad", "paused"],
  completed: ["toteutettu", "valmis", "tehty", "toteutunut", "genomförd", "klar", "färdig", "done", "complete", "finished", "implemented"],
  discontinued: ["lopetettu", "luovuttu", "ei toteutettu", "avslutad", "cancelled", "canceled", "dropped"],
};

const STATUS_BY_NAME: Map<string, MeasureStatus> = (() => {
  const map = new Map<string, MeasureStatus>();
  for (const status of MEASURE_STATUSES) {
    const own = [status, ...(["fi", "sv", "en"] as const).map((l) => measureIoTexts[l].status[status])];
    for (const name of [...own, ...STATUS_WORDS[status]]) map.set(statusKey(name), status);
  }
  return map;
})();

/** The accepted status words of one language, for messages and the import page: "Ehdotettu, …". */
export function acceptedStatusWords(lang: "fi" | "sv" | "en"): string {
  return MEASURE_STATUSES.map((s) => measureIoTexts[lang].status[s]).join(", ");
}

export function parseStatus(value: string): MeasureStatus | null {
  return STATUS_BY_NAME.get(statusKey(value)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Values

/** "2026-03-31" or Finnish "31.3.2026" → "2026-03-31"; anything else (or an impossible day) → null. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(v);
  const fin = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fin) [y, m, d] = [Number(fin[3]), Number(fin[2]), Number(fin[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return date.toISOString().slice(0, 10);
}

const TRUE_WORDS = new Set(["kylla", "k", "ja", "j", "yes", "y", "true", "tosi", "1", "x"]);
const FALSE_WORDS = new Set(["ei", "e", "nej", "n", "no", "false", "epatosi", "0", ""]);

export function parseBoolean(value: string): boolean | null {
  const key = normalizeHeader(value);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return null;
}

/** Values of a list cell; `|` separates, and codes may also be separated by commas or semicolons. */
const splitList = (value: string, codes = false) =>
  value
    .split(codes ? /[|,;\n]/ : /[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "Kanslia 60" or "Sote: 40 %" → name and percent. */
function parseShare(part: string): { name: string; percent: number } | null {
  const m = /^(.*?)[\s:=]*(\d+(?:[.,]\d+)?)\s*%?$/.exec(part.trim());
  if (!m) return null;
  const name = m[1].trim().replace(/[\s:=,-]+$/, "");
  if (!name) return null;
  return { name, percent: Number(m[2].replace(",", ".")) };
}

// ---------------------------------------------------------------------------------------------
// Reading a file

export type ParsedRow = Csv.ImportRow<FileField>;
export type ParsedFile = Csv.ImportTable<FileField>;
export type ParseResult = Csv.TableResult<FileField>;

const errorKey = messageKeys(TABLE.errors);
const warningKey = messageKeys("measureIo.warnings");
const fileError = (key: string, params?: Record<string, unknown>): Csv.FileErrors => ({ ok: false, errors: [errorKey(key, params)] });

/** Measure files for the shared import flow; uploads wait in DATA_DIR/imports. */
export const MEASURE_IMPORT_FILES: Csv.ImportFiles = { errors: TABLE.errors, maxBytes: MAX_IMPORT_BYTES, folder: "imports" };

/** The CSV export protects cells against formula injection with a leading apostrophe; undo it. */
const unguard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

function isoFromDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return isoFromDate(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) {
    // Excel turns typed email addresses into mailto links; the text may itself be rich text.
    const text = value.text as unknown as ExcelJS.CellValue;
    return text ? cellText(text) : String(value.hyperlink).replace(/^mailto:/, "");
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result == null || (typeof result === "object" && !(result instanceof Date)) ? "" : cellText(result as ExcelJS.CellValue);
  }
  return "";
}

/** exceljs is loaded on first use: it adds some 30 MB to a server process that never needs it. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

async function linesFromXlsx(bytes: Uint8Array): Promise<{ ok: true; lines: Csv.FileLine[] } | Csv.FileErrors> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return fileError("unreadable");
  }
  const sheet = workbook.worksheets.find((w) => w.state === "visible") ?? workbook.worksheets[0];
  if (!sheet) return fileError("empty");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) return fileError("tooManyRows", { max: MAX_IMPORT_ROWS });
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

export type UploadKind = "csv" | "xlsx";

/** Which reader a file needs, by its content first (an .xlsx is a zip) and its name second. */
export function detectKind(bytes: Uint8Array, filename: string): UploadKind | "xls" | null {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (isOle || ext === "xls") return "xls";
  if (isZip) return ext === "xlsx" || ext === undefined ? "xlsx" : null;
  if (ext === "csv" || ext === "txt") return "csv";
  return null;
}

/** Reads a CSV or XLSX upload into rows keyed by field. File-level problems come back as translation keys. */
export async function parseMeasureFile(bytes: Uint8Array, filename: string): Promise<ParseResult> {
  const large = tooLarge(bytes, MAX_IMPORT_BYTES, TABLE.errors);
  if (large) return large;
  const kind = detectKind(bytes, filename);
  if (kind === "xls") return fileError("xlsNotSupported");
  if (!kind) return fileError("wrongType");
  // Unknown columns (e.g. the export's progress) are ignored.
  const read = kind === "csv" ? readCsvLines(bytes, TABLE.errors, unguard) : await linesFromXlsx(bytes);
  return read.ok ? tableFromLines(read.lines, TABLE) : read;
}

// ---------------------------------------------------------------------------------------------
// Validating

/** A shown value of a preview's field change: text as it is, a translation key, or nothing (–). */
export type ChangeValue = string | { key: string } | null;
/** One field a row changes: `field` is the translation key of its label. */
export type FieldChange = { field: string; from: ChangeValue; to: ChangeValue };

export type ValidatedRow = {
  rowNumber: number;
  code: string;
  title: string;
  action: Csv.ImportAction;
  /** Translation keys, possibly "key|{json params}", in the order the columns come. */
  errors: string[];
  /** Things the importer should look at before confirming; they do not stop the import. */
  warnings: string[];
  /** What a create or update would change, field by field (empty for "no changes"). */
  changes: FieldChange[];
  input?: MeasureInput;
  status?: MeasureStatus;
  measureId?: number;
};

export type ValidationResult = Csv.ImportValidation<ValidatedRow>;

/** How new measures are imported: `unpublished` keeps them off the public pages until published. */
/** `lang`: the reader's language, for the names the preview shows (organisations). */
export type ImportOptions = { unpublished?: boolean; lang?: Language };

type Lookups = ReturnType<typeof loadLookups>;

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Everything a file may refer to, read once per validation. */
function loadLookups(r: Reader, planId: number, lang: Language = "fi") {
  const plan = r
    .select({
      ...columnsOf(safetyPlans, "id", "strategyId", "periodStart", "periodEnd"),
    })
    .from(safetyPlans)
    .where(eq(safetyPlans.id, planId))
    .get();
  const orgs = new Map<string, number[]>();
  const orgNames = new Map<number, string>();
  for (const o of r.select().from(organisations).all()) {
    orgNames.set(o.id, localName(o, lang));
    for (const name of [o.nameFi, o.nameSv, o.nameEn, o.shortName]) if (name) addTo(orgs, nameKey(name), o.id);
  }
  const people = new Map<string, { id: string; disabled: boolean }>();
  const emails = new Map<string, string>();
  for (const u of r.select({ id: users.id, email: users.email, disabledAt: users.disabledAt }).from(users).all()) {
    people.set(u.email.toLowerCase(), { id: u.id, disabled: !!u.disabledAt });
    emails.set(u.id, u.email);
  }
  const priority = new Map<string, number>();
  const priorityCodes = new Map<number, string>();
  for (const p of r
    .select({ id: priorityAreas.id, code: priorityAreas.code, nameFi: priorityAreas.nameFi })
    .from(priorityAreas)
    .where(eq(priorityAreas.planId, planId))
    .all()) {
    priority.set(nameKey(p.code), p.id);
    priorityCodes.set(p.id, p.code);
    if (!priority.has(nameKey(p.nameFi))) priority.set(nameKey(p.nameFi), p.id);
  }
  const goals = new Map<string, number>();
  const goalCodes = new Map<number, string>();
  if (plan?.strategyId)
    for (const g of r
      .select({ id: strategyGoals.id, code: strategyGoals.code })
      .from(strategyGoals)
      .where(eq(strategyGoals.strategyId, plan.strategyId))
      .all()) {
      goals.set(nameKey(g.code), g.id);
      goalCodes.set(g.id, g.code);
    }
  const existing = new Map(
    r
      .select({ id: measures.id, code: measures.code, status: measures.status, published: measures.published })
      .from(measures)
      .where(eq(measures.planId, planId))
      .all()
      .map((m) => [m.code, m]),
  );
  const areaIndex = loadAreaIndex(r);
  return {
    plan,
    orgs,
    orgNames,
    people,
    emails,
    areaIndex,
    priority,
    priorityCodes,
    goals,
    goalCodes,
    hasStrategy: !!plan?.strategyId,
    existing,
  };
}

function resolveOrganisation(l: Lookups, name: string): number | "ambiguous" | null {
  const ids = l.orgs.get(nameKey(name));
  if (!ids) return null;
  return ids.length === 1 ? ids[0] : "ambiguous";
}

const CODE_PATTERN = /^[0-9A-Za-zÅÄÖåäö.\-/]+$/;

/** Which column a MeasureFormSchema path refers to (the schema is the last safety net). */
const SCHEMA_PATH_FIELD: Record<string, ImportField> = {
  code: "code",
  title: "title",
  description: "description",
  priorityAreaId: "priorityArea",
  ownerOrganisationId: "owner",
  responsibleUserId: "responsible",
  partnerIds: "partners",
  startDate: "start",
  endDate: "end",
  continuous: "continuous",
  areaIds: "areas",
  budgetEur: "budget",
  goalIds: "goals",
  costShares: "costShares",
  titleSv: "titleSv",
  titleEn: "titleEn",
  descriptionSv: "descriptionSv",
  descriptionEn: "descriptionEn",
};

const YEAR_ONLY = /^(\d{4})$/;
const YEAR_RANGE = /^(\d{4})\s*[–—-]\s*(\d{4})$/;
const DATE_RANGE = /^(.+?)\s*(?:\s[–—-]\s|[–—])\s*(.+)$/;
const plausible = (y: number) => y >= 1900 && y <= 2200;

/**
 * A start, end or timeline cell: a date (both ends that day), a year ("2012": 1.1.–31.12.) or a
 * range of years ("2011–2014", "2011-2014") or dates. `fromYears` says the dates were made from
 * years, which the preview warns about.
 */
export function readTimeline(value: string): { start: string; end: string; fromYears: boolean } | null {
  const v = value.trim();
  const date = parseDate(v);
  if (date) return { start: date, end: date, fromYears: false };
  const year = YEAR_ONLY.exec(v);
  if (year && plausible(Number(year[1]))) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, fromYears: true };
  const years = YEAR_RANGE.exec(v);
  if (years && plausible(Number(years[1])) && plausible(Number(years[2])) && years[1] <= years[2])
    return { start: `${years[1]}-01-01`, end: `${years[2]}-12-31`, fromYears: true };
  const dates = DATE_RANGE.exec(v);
  if (dates) {
    const [a, b] = [parseDate(dates[1]), parseDate(dates[2])];
    if (a && b && a <= b) return { start: a, end: b, fromYears: false };
  }
  return null;
}

/** A cell's instruction: keep the stored value (empty or no column), clear it (#TYHJÄ), or set it. */
type Cell = { kind: "keep" } | { kind: "clear" } | { kind: "set"; value: string };

/** The snapshot of a measure that does not exist yet: what a new row starts from. */
const BLANK: MeasureSnapshot = { ...BLANK_MEASURE, status: "proposed" };

/** Which import column shows a snapshot field in the preview. */
const FIELD_OF_SNAPSHOT: Partial<Record<keyof MeasureSnapshot, ImportField | "published">> = {
  ...SCHEMA_PATH_FIELD,
  cityWide: "areas",
  status: "status",
  published: "published",
};

const joined = (list: string[]): ChangeValue => (list.length ? list.join(" | ") : null);

/** A field's value as the preview shows it. */
function shown(l: Lookups, s: MeasureSnapshot, field: ImportField | "published"): ChangeValue {
  const yesNo = (b: boolean) => ({ key: b ? "measureIo.yes" : "measureIo.no" });
  switch (field) {
    case "code":
      return s.code || null;
    case "title":
      return s.title || null;
    case "description":
      return s.description || null;
    case "titleSv":
    case "titleEn":
    case "descriptionSv":
    case "descriptionEn":
      return s[field] || null;
    case "priorityArea":
      return s.priorityAreaId == null ? null : (l.priorityCodes.get(s.priorityAreaId) ?? String(s.priorityAreaId));
    case "owner":
      return s.ownerOrganisationId ? (l.orgNames.get(s.ownerOrganisationId) ?? null) : null;
    case "responsible":
      return s.responsibleUserId ? (l.emails.get(s.responsibleUserId) ?? null) : null;
    case "partners":
      return joined(s.partnerIds.map((id) => l.orgNames.get(id) ?? String(id)));
    case "start":
      return s.startDate;
    case "end":
      return s.endDate;
    case "continuous":
      return yesNo(s.continuous);
    case "areas": {
      if (s.cityWide || !s.areaIds.length) return { key: "measureIo.preview.cityWide" };
      return joined(s.areaIds.map((id) => l.areaIndex.byId.get(id)).map((a, i) => (a ? areaLabel(a) : String(s.areaIds[i]))));
    }
    case "budget":
      return s.budgetEur == null ? null : String(s.budgetEur);
    case "costShares":
      return joined(s.costShares.map((c) => `${l.orgNames.get(c.organisationId) ?? c.organisationId} ${c.percent} %`));
    case "status":
      return { key: `measureIo.status.${s.status}` };
    case "goals":
      return joined(s.goalIds.map((id) => l.goalCodes.get(id) ?? String(id)));
    case "published":
      return yesNo(s.published);
  }
}

/** The fields that differ between two snapshots, in column order, with their shown values. */
function fieldChanges(l: Lookups, before: MeasureSnapshot, after: MeasureSnapshot): FieldChange[] {
  const fields = new Set(
    changedFields(before, after)
      .map((k) => FIELD_OF_SNAPSHOT[k as keyof MeasureSnapshot])
      .filter((f) => f !== undefined),
  );
  const order: (ImportField | "published")[] = [...IMPORT_FIELDS, "published"];
  return order
    .filter((f) => fields.has(f))
    .map((f) => ({
      field: f === "published" ? "measureIo.preview.published" : `measureIo.columns.${f}`,
      from: shown(l, before, f),
      to: shown(l, after, f),
    }))
    .filter((c) => JSON.stringify(c.from) !== JSON.stringify(c.to));
}

function validateRow(l: Lookups, file: ParsedFile, row: ParsedRow, seen: Map<string, number>, options: ImportOptions): ValidatedRow {
  const errors: string[] = [];
  const warnings: string[] = [];
  const col = (f: FileField) => file.columns[f] ?? (f === "timeline" ? TIMELINE_NAMES[0] : COLUMN_IDS[f].fi);
  const err = (key: string, f: FileField | null, params: Record<string, unknown> = {}) =>
    errors.push(errorKey(key, f ? { column: col(f), ...params } : params));
  const warn = (key: string, f: FileField | null, params: Record<string, unknown> = {}) =>
    warnings.push(warningKey(key, f ? { column: col(f), ...params } : params));
  /** A missing column and an empty cell both keep what is stored; only the clear marker erases. */
  const cell = (f: FileField): Cell => {
    const value = row.values[f];
    if (value === undefined || value === "") return { kind: "keep" };
    if (isClearMarker(value)) return { kind: "clear" };
    return { kind: "set", value };
  };
  const v = (f: FileField) => {
    const c = cell(f);
    return c.kind === "set" ? c.value : "";
  };
  const noClear = (f: ImportField) => {
    if (cell(f).kind === "clear") err("cannotClear", f);
  };

  const code = v("code");
  noClear("code");
  if (!code) {
    if (cell("code").kind !== "clear") err("required", "code");
  } else if (code.length > 16 || !CODE_PATTERN.test(code)) err("code", "code");
  else if (seen.has(code)) err("duplicateCode", null, { code, row: seen.get(code) });
  else seen.set(code, row.rowNumber);

  const existing = code ? l.existing.get(code) : undefined;
  // snapshotOf reads through the shared connection, so inside applyImport it sees the transaction.
  const before: MeasureSnapshot = existing ? snapshotOf(existing.id)! : { ...BLANK, code, published: !options.unpublished };
  if (code && !existing) {
    const likely = leadingZeroMatches(code, l.existing.keys());
    if (likely.length) warn("codeLeadingZeros", "code", { value: code, match: likely.join(", ") });
  }

  noClear("title");
  const title = v("title") || (existing ? before.title : "");
  if (!title) {
    if (cell("title").kind !== "clear") err("required", "title");
  } else if (title.length < 3) err("tooShort", "title", { min: 3 });
  else if (title.length > 300) err("tooLong", "title", { max: 300 });

  const descriptionCell = cell("description");
  const description = descriptionCell.kind === "set" ? descriptionCell.value : descriptionCell.kind === "clear" ? "" : before.description;
  if (description.length > 8000) err("tooLong", "description", { max: 8000 });

  // The Swedish and English versions: optional, kept when the column is missing or the cell empty.
  const version = (f: "titleSv" | "titleEn" | "descriptionSv" | "descriptionEn", max: number) => {
    const c = cell(f);
    const value = c.kind === "set" ? c.value : c.kind === "clear" ? null : (before[f] ?? null);
    if (value && value.length > max) err("tooLong", f, { max });
    return value;
  };
  const titleSv = version("titleSv", 300);
  const titleEn = version("titleEn", 300);
  const descriptionSv = version("descriptionSv", 8000);
  const descriptionEn = version("descriptionEn", 8000);

  let priorityAreaId = cell("priorityArea").kind === "keep" ? before.priorityAreaId : null;
  if (v("priorityArea")) {
    priorityAreaId = l.priority.get(nameKey(v("priorityArea"))) ?? null;
    if (!priorityAreaId) err("unknownPriorityArea", "priorityArea", { value: v("priorityArea") });
  }

  noClear("owner");
  let ownerOrganisationId = existing ? before.ownerOrganisationId : 0;
  if (v("owner")) {
    const id = resolveOrganisation(l, v("owner"));
    if (id === "ambiguous") err("ambiguousOrganisation", "owner", { value: v("owner") });
    else if (id === null) err("unknownOrganisation", "owner", { value: v("owner") });
    else ownerOrganisationId = id;
  } else if (!existing && cell("owner").kind !== "clear") err("required", "owner");

  let responsibleUserId = cell("responsible").kind === "keep" ? before.responsibleUserId : null;
  if (v("responsible")) {
    const person = l.people.get(v("responsible").toLowerCase());
    if (!person) err("unknownPerson", "responsible", { value: v("responsible") });
    else if (person.disabled) err("disabledPerson", "responsible", { value: v("responsible") });
    else responsibleUserId = person.id;
  }

  const listCell = (f: ImportField, kept: number[], resolve: (value: string) => void) => {
    const c = cell(f);
    if (c.kind === "keep") return [...kept];
    if (c.kind === "set") for (const value of splitList(c.value, f === "areas" || f === "goals")) resolve(value);
    return null;
  };

  const partnerIds: number[] = [];
  const keptPartners = listCell("partners", before.partnerIds, (name) => {
    const id = resolveOrganisation(l, name);
    if (id === "ambiguous") err("ambiguousOrganisation", "partners", { value: name });
    else if (id === null) err("unknownOrganisation", "partners", { value: name });
    else if (!partnerIds.includes(id)) partnerIds.push(id);
  });
  if (keptPartners) partnerIds.push(...keptPartners);

  // Dates: start and end columns, or a timeline column with a year or a range of years.
  const timeline = cell("timeline");
  let fromTimeline: { start: string; end: string } | null = null;
  if (timeline.kind === "set") {
    const read = readTimeline(timeline.value);
    if (!read) err("timeline", "timeline", { value: timeline.value });
    else {
      fromTimeline = read;
      if (read.fromYears) warn("yearAsDates", "timeline", { value: timeline.value, start: read.start, end: read.end });
    }
  }
  // A range in the start or end column ("2011–2014") gives both ends when the other one is empty.
  const isRange = (r: { start: string; end: string; fromYears: boolean }) =>
    r.start.slice(0, 4) !== r.end.slice(0, 4) || (!r.fromYears && r.start !== r.end);
  for (const [f, other] of [
    ["start", "end"],
    ["end", "start"],
  ] as const) {
    const c = cell(f);
    if (fromTimeline || c.kind !== "set" || cell(other).kind !== "keep") continue;
    const read = readTimeline(c.value);
    if (read && isRange(read)) fromTimeline = read;
  }
  const date = (f: "start" | "end"): { kind: "keep" | "clear" } | { kind: "set"; iso: string | null } => {
    const c = cell(f);
    if (c.kind === "clear") return c;
    if (c.kind === "keep") {
      if (fromTimeline) return { kind: "set", iso: fromTimeline[f] };
      if (timeline.kind === "clear") return { kind: "clear" };
      return c;
    }
    const read = readTimeline(c.value);
    if (!read) {
      err("date", f, { value: c.value });
      return { kind: "set", iso: null };
    }
    if (read.fromYears) {
      if (isRange(read)) warn("yearAsDates", f, { value: c.value, start: read.start, end: read.end });
      else warn("yearAsDate", f, { value: c.value, date: read[f] });
    }
    return { kind: "set", iso: read[f] };
  };
  const start = date("start");
  const end = date("end");
  const startDate = start.kind === "set" ? start.iso : start.kind === "clear" ? null : before.startDate;

  const continuousCell = cell("continuous");
  let continuousGiven: boolean | null = null;
  if (continuousCell.kind === "set") {
    continuousGiven = parseBoolean(continuousCell.value);
    if (continuousGiven === null) err("boolean", "continuous", { value: continuousCell.value });
  } else if (continuousCell.kind === "clear") continuousGiven = false;
  const endGiven = end.kind === "set" && cell("end").kind === "set";
  if (continuousGiven && endGiven) err("endAndContinuous", null);
  // A date given for the end means the measure is not continuous (unless the file says it is).
  const continuous = continuousGiven ?? (end.kind === "set" ? false : before.continuous);
  const endDate = continuous ? null : end.kind === "set" ? end.iso : end.kind === "clear" ? null : before.endDate;
  if (!continuous && !endDate && !(end.kind === "set" && end.iso === null)) err("endOrContinuous", null);
  if (startDate && endDate && endDate < startDate) err("endBeforeStart", null);

  const areaIds: number[] = [];
  const keptAreas = listCell("areas", before.areaIds, (value) => {
    const found = resolveAreaRef(l.areaIndex, value);
    // A former area stays where it already is (the file's own export keeps it), but no measure is
    // newly aimed at an area that no longer exists.
    if (found.ok && found.area.former && !before.areaIds.includes(found.area.id))
      err("formerArea", "areas", { value, until: found.area.validUntil ?? "" });
    else if (found.ok) {
      if (!areaIds.includes(found.area.id)) areaIds.push(found.area.id);
    } else if (found.problem === "ambiguous") err("ambiguousArea", "areas", { value, candidates: found.candidates.join(", ") });
    else if (found.problem === "leadingZeros") err("areaLeadingZeros", "areas", { value, candidates: found.candidates.join(", ") });
    else if (found.problem === "unknownLevel") err("unknownAreaLevel", "areas", { value });
    else err("unknownArea", "areas", { value });
  });
  if (keptAreas) areaIds.push(...keptAreas);
  const cityWide = cell("areas").kind === "keep" ? before.cityWide : areaIds.length === 0;

  let budgetEur = cell("budget").kind === "keep" ? before.budgetEur : null;
  if (v("budget")) {
    budgetEur = parseNumber(v("budget"));
    if (budgetEur === null) err("number", "budget", { value: v("budget") });
    else if (budgetEur < 0 || budgetEur > 1e10) err("budgetRange", "budget");
  }

  const costShares: { organisationId: number; percent: number }[] = [];
  let sharesReadable = cell("costShares").kind === "set";
  const keptShares = cell("costShares").kind === "keep" ? before.costShares.map((s) => ({ ...s })) : [];
  for (const part of splitList(v("costShares"))) {
    const share = parseShare(part);
    if (!share) {
      err("costShareFormat", "costShares", { value: part });
      sharesReadable = false;
      continue;
    }
    const id = resolveOrganisation(l, share.name);
    if (id === "ambiguous") err("ambiguousOrganisation", "costShares", { value: share.name });
    else if (id === null) err("unknownOrganisation", "costShares", { value: share.name });
    if (typeof id !== "number") sharesReadable = false;
    else costShares.push({ organisationId: id, percent: share.percent });
  }
  costShares.push(...keptShares);
  if (sharesReadable) {
    const problem = costSharesProblem(costShares);
    if (problem === "total")
      err("costSharesTotal", "costShares", { total: Math.round(costShares.reduce((s, c) => s + c.percent, 0) * 100) / 100 });
    else if (problem === "duplicate") err("costSharesDuplicate", "costShares");
    else if (problem === "range") err("costSharesRange", "costShares");
  }

  noClear("status");
  let status: MeasureStatus | undefined;
  if (v("status")) {
    status = parseStatus(v("status")) ?? undefined;
    if (!status) err("unknownStatus", "status", { value: v("status") });
  }

  const goalIds: number[] = [];
  const goalCell = cell("goals");
  if (goalCell.kind === "keep") goalIds.push(...before.goalIds);
  else if (goalCell.kind === "set") {
    const goalCodes = splitList(goalCell.value, true);
    if (goalCodes.length && !l.hasStrategy) err("noStrategy", "goals");
    else
      for (const goal of goalCodes) {
        const id = l.goals.get(nameKey(goal));
        if (!id) err("unknownGoal", "goals", { value: goal });
        else if (!goalIds.includes(id)) goalIds.push(id);
      }
  }

  if (existing && status && !canTransition(existing.status, status))
    err("statusTransition", "status", { from: existing.status, to: status });

  const base = {
    rowNumber: row.rowNumber,
    code,
    title,
    action: (existing ? "update" : "create") as Csv.ImportAction,
    errors,
    warnings,
    changes: [] as FieldChange[],
  };
  if (errors.length) return base;

  const sortNum = (a: number, b: number) => a - b;
  const input: MeasureInput = {
    code,
    title,
    description,
    titleSv,
    titleEn,
    descriptionSv,
    descriptionEn,
    priorityAreaId,
    ownerOrganisationId,
    responsibleUserId,
    partnerIds: partnerIds.sort(sortNum),
    startDate,
    endDate,
    continuous,
    cityWide: cityWide || areaIds.length === 0,
    areaIds: cityWide ? [] : areaIds.sort(sortNum),
    budgetEur,
    goalIds: goalIds.sort(sortNum),
    costShares: costShares.sort((a, b) => a.organisationId - b.organisationId),
    // Tasks are not in the file: an update keeps the measure's own.
    tasks: before.tasks.map((t) => ({ ...t })),
    published: before.published,
  };

  // The same schema as the measure form: an import can never store what the form would refuse.
  const check = MeasureFormSchema.safeParse({
    ...input,
    priorityAreaId: input.priorityAreaId ?? undefined,
    responsibleUserId: input.responsibleUserId ?? undefined,
    startDate: input.startDate ?? undefined,
    endDate: input.endDate ?? undefined,
    budgetEur: input.budgetEur ?? undefined,
    titleSv: input.titleSv ?? undefined,
    titleEn: input.titleEn ?? undefined,
    descriptionSv: input.descriptionSv ?? undefined,
    descriptionEn: input.descriptionEn ?? undefined,
    tasks: input.tasks.map((t) => ({
      ...t,
      titleSv: t.titleSv ?? undefined,
      titleEn: t.titleEn ?? undefined,
      dueDate: t.dueDate ?? undefined,
    })),
  });
  if (!check.success) {
    for (const issue of check.error.issues) {
      const field = SCHEMA_PATH_FIELD[String(issue.path[0])];
      err("invalid", field ?? "code");
    }
    return { ...base, errors: [...new Set(errors)] };
  }

  const finalStatus = status ?? before.status;
  const after: MeasureSnapshot = { ...input, tasks: before.tasks, status: finalStatus };
  const changes = fieldChanges(l, existing ? before : { ...BLANK, published: before.published }, after);
  const action: Csv.ImportAction = !existing ? "create" : changedFields(before, after).length ? "update" : "unchanged";
  // A dated measure outside the plan's period is worth a second look.
  const period = l.plan;
  if (
    action !== "unchanged" &&
    period &&
    ((startDate && (startDate < period.periodStart || startDate > period.periodEnd)) ||
      (endDate && (endDate > period.periodEnd || endDate < period.periodStart)))
  )
    warnings.push(
      warningKey("outsidePlan", {
        start: startDate ?? "",
        end: endDate ?? "",
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
      }),
    );
  return { ...base, action, input, status: finalStatus, measureId: existing?.id, changes };
}

/**
 * Checks every row against the plan and the directory. `r` lets applyImport run the same
 * checks inside its transaction.
 */
export function validateImport(planId: number, file: ParsedFile, r: Reader = db(), options: ImportOptions = {}): ValidationResult {
  const lookups = loadLookups(r, planId, options.lang);
  const seen = new Map<string, number>();
  return summarize(file.rows.map((row) => validateRow(lookups, file, row, seen, options)));
}

// ---------------------------------------------------------------------------------------------
// Applying

export type ApplyResult = Csv.ImportResult<ValidationResult>;

/**
 * Writes a whole file in one transaction, or nothing: the rows are validated again inside it,
 * so a change made between preview and confirm cannot slip through.
 */
export function applyImport(
  viewer: Viewer,
  planId: number,
  file: ParsedFile,
  meta: { filename?: string } & ImportOptions = {},
  now = clock.now(),
): ApplyResult {
  return writeAllOrNothing(
    (tx) => validateImport(planId, file, tx, { unpublished: meta.unpublished, lang: meta.lang }),
    (tx, validation) => {
      let created = 0;
      let updated = 0;
      for (const row of validation.rows) {
        if (!row.input || row.action === "unchanged") continue;
        const status = row.status ?? "proposed";
        const decided = status !== "proposed";
        if (row.action === "create") {
          const id = Number(
            tx
              .insert(measures)
              .values({
                planId,
                code: row.input.code,
                title: row.input.title,
                ownerOrganisationId: row.input.ownerOrganisationId,
                status,
                progress: status === "completed" ? 100 : 0,
                proposedById: viewer.id,
                // A measure imported as already approved was approved by the plan itself; the importer records it.
                approvedById: decided ? viewer.id : null,
                approvedAt: decided ? now : null,
              })
              .run().lastInsertRowid,
          );
          writeMeasureRows(tx, id, row.input);
          audit({ actorId: viewer.id, action: "measure.imported", targetType: "measure", targetId: id }, tx);
          created++;
        } else {
          const id = row.measureId!;
          const current = tx
            .select({ status: measures.status, approvedAt: measures.approvedAt, version: measures.version })
            .from(measures)
            .where(eq(measures.id, id))
            .get()!;
          writeMeasureRows(tx, id, row.input);
          const statusChange =
            status !== current.status
              ? {
                  status,
                  ...(status === "completed" ? { progress: 100 } : {}),
                  ...(current.status === "proposed" && !current.approvedAt ? { approvedById: viewer.id, approvedAt: now } : {}),
                }
              : {};
          tx.update(measures)
            .set({ ...statusChange, version: current.version + 1, updatedAt: now })
            .where(eq(measures.id, id))
            .run();
          audit({ actorId: viewer.id, action: "measure.updated", targetType: "measure", targetId: id, detail: { import: true } }, tx);
          updated++;
        }
      }
      return { created, updated };
    },
    { actorId: viewer.id, action: "measure.import", targetType: "plan", targetId: planId, filename: meta.filename },
  );
}

// ---------------------------------------------------------------------------------------------
// Export

export type ExportRow = {
  code: string;
  title: string;
  description: string;
  /** The Swedish and English versions; empty when the measure has none. */
  titleSv: string;
  titleEn: string;
  descriptionSv: string;
  descriptionEn: string;
  priorityArea: string;
  owner: string;
  responsibleEmail: string;
  partners: string[];
  start: string | null;
  end: string | null;
  continuous: boolean;
  areas: string[];
  budgetEur: number | null;
  costShares: { name: string; percent: number }[];
  status: MeasureStatus;
  goals: string[];
  progress: number;
  late: boolean;
  lastFollowUpAt: Date | null;
};

const chunks = <T>(list: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

function groupBy<T, V>(rows: T[], key: (r: T) => number, value: (r: T) => V): Map<number, V[]> {
  const map = new Map<number, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(value(r));
    else map.set(k, [value(r)]);
  }
  return map;
}

/**
 * Every measure matching the list filters (all pages), in the list's order, with the relations the
 * import columns need. `publicOnly` applies the same visibility as the public list, and hides
 * responsible persons' email addresses.
 */
export function exportMeasures(
  filters: Omit<MeasureFilters, "page" | "pageSize">,
  opts: { publicOnly: boolean; lang: Language; now?: Date },
): ExportRow[] {
  const list = listMeasures({ ...filters, page: 1, pageSize: EXPORT_MAX_ROWS }, { publicOnly: opts.publicOnly, now: opts.now }).rows;
  if (list.length === 0) return [];
  const d = db();
  const name = (o: { nameFi: string; nameSv: string | null; nameEn: string | null }) => localName(o, opts.lang);
  type Details = {
    description: string;
    descriptionSv: string | null;
    descriptionEn: string | null;
    budgetEur: number | null;
    email: string | null;
  };
  const details = new Map<number, Details>();
  const partners = new Map<number, string[]>();
  const targetAreas = new Map<number, string[]>();
  const goals = new Map<number, string[]>();
  const shares = new Map<number, { name: string; percent: number }[]>();
  const orgCols = namesOf(organisations);
  for (const ids of chunks(list.map((m) => m.id))) {
    for (const m of d
      .select({
        ...columnsOf(measures, "id", "description", "descriptionSv", "descriptionEn", "budgetEur"),
        email: users.email,
      })
      .from(measures)
      .leftJoin(users, eq(users.id, measures.responsibleUserId))
      .where(inArray(measures.id, ids))
      .all())
      details.set(m.id, m);
    const p = d
      .select({ measureId: measurePartners.measureId, ...orgCols })
      .from(measurePartners)
      .innerJoin(organisations, eq(organisations.id, measurePartners.organisationId))
      .where(inArray(measurePartners.measureId, ids))
      .orderBy(asc(organisations.nameFi))
      .all();
    for (const [k, v] of groupBy(p, (r) => r.measureId, name)) partners.set(k, v);
    // Level-qualified ("district:301"): a bare code may name a district and a sub-area at once.
    const a = d
      .select({ measureId: measureAreas.measureId, level: areas.level, code: areas.code })
      .from(measureAreas)
      .innerJoin(areas, eq(areas.id, measureAreas.areaId))
      .where(inArray(measureAreas.measureId, ids))
      .orderBy(asc(areas.code), asc(areas.level))
      .all();
    for (const [k, v] of groupBy(a, (r) => r.measureId, areaRef)) targetAreas.set(k, v);
    const g = d
      .select({ measureId: measureGoals.measureId, code: strategyGoals.code })
      .from(measureGoals)
      .innerJoin(strategyGoals, eq(strategyGoals.id, measureGoals.goalId))
      .where(inArray(measureGoals.measureId, ids))
      .orderBy(asc(strategyGoals.code))
      .all();
    for (const [k, v] of groupBy(
      g,
      (r) => r.measureId,
      (r) => r.code,
    ))
      goals.set(k, v);
    const s = d
      .select({ measureId: measureCostShares.measureId, percent: measureCostShares.percent, ...orgCols })
      .from(measureCostShares)
      .innerJoin(organisations, eq(organisations.id, measureCostShares.organisationId))
      .where(and(inArray(measureCostShares.measureId, ids)))
      .orderBy(asc(measureCostShares.measureId))
      .all()
      .sort((x, y) => y.percent - x.percent);
    for (const [k, v] of groupBy(
      s,
      (r) => r.measureId,
      (r) => ({ name: name(r), percent: r.percent }),
    ))
      shares.set(k, v);
  }
  return list.map((m) => {
    const extra = details.get(m.id)!;
    return {
      code: m.code,
      title: m.title,
      description: extra.description,
      titleSv: m.titleSv ?? "",
      titleEn: m.titleEn ?? "",
      descriptionSv: extra.descriptionSv ?? "",
      descriptionEn: extra.descriptionEn ?? "",
      priorityArea: m.priorityAreaCode ?? "",
      owner: localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, opts.lang),
      responsibleEmail: opts.publicOnly ? "" : (extra.email ?? ""),
      partners: partners.get(m.id) ?? [],
      start: m.startDate,
      end: m.continuous ? null : m.endDate,
      continuous: m.continuous,
      areas: targetAreas.get(m.id) ?? [],
      budgetEur: extra.budgetEur,
      costShares: shares.get(m.id) ?? [],
      status: m.status,
      goals: goals.get(m.id) ?? [],
      progress: m.progress,
      late: m.late,
      lastFollowUpAt: m.lastFollowUpAt ? new Date(m.lastFollowUpAt) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Writers

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);
export type WriteOptions = {
  lang: Language;
  /** The templates: only the import columns, headed by their documented Finnish names ("tunnus", …). */
  template?: boolean;
};

const fieldsFor = (o: WriteOptions): ExportField[] => (o.template ? [...IMPORT_FIELDS] : [...IMPORT_FIELDS, ...EXPORT_ONLY_FIELDS]);
const headerFor = (f: ExportField, t: Translate, o: WriteOptions) =>
  o.template && f in COLUMN_IDS ? COLUMN_IDS[f as ImportField].fi : (t as (key: string) => string)(`measureIo.columns.${f}`);

/** Finnish and Swedish readers expect a decimal comma; spreadsheets then read the value as a number. */
function formatNumber(n: number, lang: Language): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === "en" ? s : s.replace(".", ",");
}

function textValue(row: ExportRow, field: ExportField, t: Translate, lang: Language): string {
  const tr = t as (key: string) => string;
  switch (field) {
    case "code":
      return row.code;
    case "title":
      return row.title;
    case "description":
      return row.description;
    case "titleSv":
    case "titleEn":
    case "descriptionSv":
    case "descriptionEn":
      return row[field];
    case "priorityArea":
      return row.priorityArea;
    case "owner":
      return row.owner;
    case "responsible":
      return row.responsibleEmail;
    case "partners":
      return row.partners.join(" | ");
    case "start":
      return row.start ?? "";
    case "end":
      return row.end ?? "";
    case "continuous":
      return tr(row.continuous ? "measureIo.yes" : "measureIo.no");
    case "areas":
      return row.areas.join(" | ");
    case "budget":
      return row.budgetEur == null ? "" : formatNumber(row.budgetEur, lang);
    case "costShares":
      return row.costShares.map((s) => `${s.name} ${formatNumber(s.percent, lang)}`).join(" | ");
    case "status":
      return tr(`measureIo.status.${row.status}`);
    case "goals":
      return row.goals.join(" | ");
    case "progress":
      return String(row.progress);
    case "late":
      return tr(row.late ? "measureIo.yes" : "measureIo.no");
    case "lastFollowUp":
      return row.lastFollowUpAt ? helsinkiDate(row.lastFollowUpAt) : "";
  }
}

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (the import removes it). */
const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Semicolon-delimited UTF-8 with a BOM and CRLF line ends: what Finnish Excel opens without an import wizard. */
export function toCsv(rows: ExportRow[], t: Translate, options: WriteOptions = { lang: "fi" }): string {
  const fields = fieldsFor(options);
  const header = fields.map((f) => headerFor(f, t, options));
  const data = rows.map((row) => fields.map((f) => guard(textValue(row, f, t, options.lang))));
  return "\uFEFF" + Papa.unparse([header, ...data], { delimiter: ";", newline: "\r\n", quotes: false }) + "\r\n";
}

const COLUMN_WIDTHS: Record<ExportField, number> = {
  code: 9,
  title: 48,
  description: 60,
  priorityArea: 16,
  owner: 36,
  responsible: 32,
  partners: 40,
  start: 12,
  end: 12,
  continuous: 10,
  areas: 16,
  budget: 14,
  costShares: 40,
  status: 14,
  goals: 18,
  titleSv: 48,
  titleEn: 48,
  descriptionSv: 60,
  descriptionEn: 60,
  progress: 14,
  late: 10,
  lastFollowUp: 16,
};

/** Codes stay text in Excel: "2.10" must not become 2.1 or a date. */
const TEXT_COLUMNS: ExportField[] = ["code", "priorityArea", "areas", "goals", "responsible"];

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An .xlsx workbook: bold, frozen header with a filter, real dates and numbers, readable widths. */
export async function toXlsx(rows: ExportRow[], t: Translate, options: WriteOptions = { lang: "fi" }): Promise<Buffer> {
  const fields = fieldsFor(options);
  const tr = t as (key: string) => string;
  const dateFormat = options.lang === "en" ? "yyyy-mm-dd" : "d.m.yyyy";
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Lähiturva";
  workbook.created = clock.now();
  const sheet = workbook.addWorksheet(tr("measureIo.sheetName"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({
    header: headerFor(f, t, options),
    key: f,
    width: COLUMN_WIDTHS[f],
    style: TEXT_COLUMNS.includes(f)
      ? { numFmt: "@" }
      : f === "start" || f === "end" || f === "lastFollowUp"
        ? { numFmt: dateFormat }
        : f === "budget"
          ? { numFmt: "#,##0.00" }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fields.length } };
  for (const [index, row] of rows.entries()) {
    const values: Record<string, ExcelJS.CellValue> = {};
    for (const f of fields) {
      if ((f === "start" || f === "end") && row[f]) values[f] = utcDate(row[f]!);
      else if (f === "lastFollowUp") values[f] = row.lastFollowUpAt ? utcDate(textValue(row, f, t, options.lang)) : null;
      else if (f === "budget") values[f] = row.budgetEur;
      else if (f === "progress") values[f] = row.progress;
      else values[f] = textValue(row, f, t, options.lang) || null;
    }
    sheet.addRow(values);
    // Hand the event loop back now and then: a big export must not stall other requests.
    if (index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const f of ["description", "descriptionSv", "descriptionEn"])
    if (fields.includes(f as ExportField)) sheet.getColumn(f).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
