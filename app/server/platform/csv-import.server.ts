// What the three file imports share (measures, indicator values, the area hierarchy): reading an
// uploaded CSV into rows keyed by column, keeping the upload on the server between the preview and
// the confirm step, writing all or nothing, and the upload → preview → confirm request flow itself.
// A feature keeps only its columns, its row validation and its writing. File-level problems come
// back as translation keys under the feature's own prefix ("measureIo.errors", …), so every import
// keeps its own wording.
import { randomBytes } from "node:crypto";
import type { Viewer } from "../people/viewer.server";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { json, redirect, type TypedResponse } from "@remix-run/node";
import Papa from "papaparse";
import { errorKey } from "../../forms/z";
import { audit, type AuditEntry } from "./audit.server";
import { config } from "./config.server";
import { db, type Tx } from "./db.server";
import { readUpload } from "./uploads.server";
import { clock } from "./clock";

// ---------------------------------------------------------------------------------------------
// Reading a file

/** A line of the file: its number as a spreadsheet shows it, and its cells, trimmed. */
export type FileLine = { rowNumber: number; cells: string[] };
export type ImportRow<C extends string> = { rowNumber: number; values: Partial<Record<C, string>> };
/** `columns` keeps each recognised column's header as the file spells it, for error messages. */
export type ImportTable<C extends string> = { columns: Partial<Record<C, string>>; rows: ImportRow<C>[] };
export type FileErrors = { ok: false; errors: string[] };
export type TableResult<C extends string> = { ok: true; file: ImportTable<C> } | FileErrors;

/** What a feature's file looks like. `errors` is the prefix of its messages: `${errors}.empty`, … */
export type TableSpec<C extends string> = {
  errors: string;
  /** Normalised header (see normalizeHeader) → column; other columns are ignored. */
  headers: ReadonlyMap<string, C>;
  /** The names of the required columns the file lacks (none: the file has what it needs). */
  missing: (columns: Partial<Record<C, string>>) => string[];
  maxRows: number;
};

/** A feature's message keys: `messageKeys("x.errors")("empty")` is "x.errors.empty" (with any parameters). */
export const messageKeys = (prefix: string) => (key: string, params?: Record<string, unknown>) => errorKey(`${prefix}.${key}`, params);

const fileError = (prefix: string, key: string, params?: Record<string, unknown>): FileErrors => ({
  ok: false,
  errors: [messageKeys(prefix)(key, params)],
});

/**
 * The one explicit way a file clears a field: a cell holding exactly one of these words (any
 * case, surrounding spaces ignored). An empty cell or a missing column never erases anything.
 */
export const CLEAR_MARKERS = ["#TYHJÄ", "#TOM", "#CLEAR"] as const;
const CLEAR_KEYS = new Set(CLEAR_MARKERS.map((m) => m.normalize("NFC").toLocaleUpperCase("fi")));

/** Whether a cell says "clear this field" (#TYHJÄ, #TOM or #CLEAR, case-insensitive). */
export function isClearMarker(cell: string | null | undefined): boolean {
  if (cell == null) return false;
  return CLEAR_KEYS.has(cell.normalize("NFC").trim().toLocaleUpperCase("fi"));
}

/** "Vastuuhenkilö", "vastuuhenkilo" and "VASTUU HENKILÖ" all become "vastuu_henkilo"-style keys. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Header names per column → the lookup a TableSpec needs (names are normalised here). */
export function headerMap<C extends string>(names: Record<C, readonly string[]>): Map<string, C> {
  const map = new Map<string, C>();
  for (const [column, list] of Object.entries(names) as [C, readonly string[]][]) {
    for (const name of list) {
      const key = normalizeHeader(name);
      const taken = map.get(key);
      if (taken && taken !== column) throw new Error(`Column name ${name} means both ${taken} and ${column}`);
      map.set(key, column);
    }
  }
  return map;
}

/** UTF-8 with or without a BOM, UTF-16 with one (Excel's "Unicode text"), else Windows-1252 (older Finnish Excel). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The delimiter that occurs most often on the header line (outside quotes): ; , or tab. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** The refusal of a file over `maxBytes` (shown in megabytes). */
const tooLargeError = (prefix: string, maxBytes: number) => fileError(prefix, "tooLarge", { max: maxBytes / 1024 / 1024 });

/** A refusal of a file over `maxBytes`, or null. */
export function tooLarge(bytes: Uint8Array, maxBytes: number, prefix: string): FileErrors | null {
  return bytes.byteLength > maxBytes ? tooLargeError(prefix, maxBytes) : null;
}

/**
 * The lines of a CSV file. `cell` may rewrite each (trimmed) cell, e.g. to undo an export's
 * formula guard. Papaparse counts records, not lines, so a quoted field with a newline stays one
 * row, as in Excel.
 */
export function readCsvLines(
  bytes: Uint8Array,
  prefix: string,
  cell: (value: string) => string = (v) => v,
): { ok: true; lines: FileLine[] } | FileErrors {
  const text = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (broken) return fileError(prefix, "quotes", { row: (broken.row ?? 0) + 1 });
  return { ok: true, lines: parsed.data.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => cell(String(c ?? "").trim())) })) };
}

/**
 * The first non-empty line is the header: each recognised column is found by its name, a column
 * named twice or a missing required one refuses the file, and the other lines become rows.
 */
export function tableFromLines<C extends string>(lines: FileLine[], spec: TableSpec<C>): TableResult<C> {
  const [header, ...data] = lines.filter((l) => l.cells.some((c) => c !== ""));
  if (!header) return fileError(spec.errors, "empty");
  const columns: Partial<Record<C, string>> = {};
  const positions: [C, number][] = [];
  for (const [index, raw] of header.cells.entries()) {
    const column = spec.headers.get(normalizeHeader(raw ?? ""));
    if (!column) continue;
    if (columns[column] !== undefined) return fileError(spec.errors, "duplicateColumn", { column: raw });
    columns[column] = raw;
    positions.push([column, index]);
  }
  const missing = spec.missing(columns);
  if (missing.length) return fileError(spec.errors, "missingColumns", { columns: missing.join(", ") });
  if (!data.length) return fileError(spec.errors, "empty");
  if (data.length > spec.maxRows) return fileError(spec.errors, "tooManyRows", { max: spec.maxRows });
  const rows = data.map((line) => {
    const values: Partial<Record<C, string>> = {};
    for (const [column, index] of positions) values[column] = (line.cells[index] ?? "").trim();
    return { rowNumber: line.rowNumber, values };
  });
  return { ok: true, file: { columns, rows } };
}

/** A file that may be CSV: not a zip (xlsx) or an old Office file, and named .csv, .txt or nothing. */
function looksLikeCsv(bytes: Uint8Array, filename: string): boolean {
  const zipOrOle = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return !zipOrOle && (!ext || ext === "csv" || ext === "txt");
}

/** Reads an uploaded CSV file into rows keyed by column, or the file-level problems as translation keys. */
export function readCsvTable<C extends string>(
  bytes: Uint8Array,
  filename: string,
  spec: TableSpec<C> & { maxBytes: number },
): TableResult<C> {
  const large = tooLarge(bytes, spec.maxBytes, spec.errors);
  if (large) return large;
  if (!looksLikeCsv(bytes, filename)) return fileError(spec.errors, "wrongType");
  const read = readCsvLines(bytes, spec.errors);
  return read.ok ? tableFromLines(read.lines, spec) : read;
}

// ---------------------------------------------------------------------------------------------
// Validating and writing

export type ImportAction = "create" | "update" | "unchanged";
export type ImportCounts = { create: number; update: number; unchanged: number; errors: number };
export type ImportValidation<R> = { ok: boolean; rows: R[]; counts: ImportCounts };
export type ImportResult<V> = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; validation: V };

/** The rows with their counts; a row with errors counts only as an error, and any error fails the file. */
export function summarize<R extends { action: ImportAction; errors: string[] }>(rows: R[]): ImportValidation<R> {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, errors: 0 };
  for (const row of rows) {
    if (row.errors.length) counts.errors++;
    else counts[row.action]++;
  }
  return { ok: counts.errors === 0, rows, counts };
}

/**
 * Writes a whole file in one transaction, or nothing: `check` validates every row again inside
 * it, so a change made between preview and confirm cannot slip through. `write` says how many rows
 * it created and updated; the import is audited with those counts and the file's name.
 */
export function writeAllOrNothing<V extends ImportValidation<unknown>>(
  check: (tx: Tx) => V,
  write: (tx: Tx, validation: V) => { created: number; updated: number },
  entry: Omit<AuditEntry, "detail"> & { filename?: string },
): ImportResult<V> {
  const { filename, ...audited } = entry;
  return db().transaction((tx) => {
    const validation = check(tx);
    if (!validation.ok) return { ok: false as const, validation };
    const { created, updated } = write(tx, validation);
    const unchanged = validation.counts.unchanged;
    audit({ ...audited, detail: { filename: filename ?? null, created, updated, unchanged } }, tx);
    return { ok: true as const, created, updated, unchanged };
  }) as ImportResult<V>;
}

// ---------------------------------------------------------------------------------------------
// Uploads kept between preview and confirm

// The confirm step re-reads the uploaded bytes from DATA_DIR (never under public/); the browser
// only ever sends back a random id. Only the uploader gets them back, and only within the hour.
const STAGE_TTL_MS = 60 * 60 * 1000;
const STAGE_ID = /^[A-Za-z0-9_-]{24}$/;
const STAGE_FOLDER = /^[a-z][a-z0-9-]*$/;

export type StagedUpload<S> = S & { userId: string; filename: string; createdAt: number; bytes: Uint8Array };
export type UploadStage<S extends object> = {
  stash(upload: S & { userId: string; filename: string; bytes: Uint8Array }): Promise<string>;
  load(id: string, userId: string, now?: number): Promise<StagedUpload<S> | null>;
  drop(id: string): Promise<void>;
};

/** Uploads waiting for their confirm step in DATA_DIR/`folder`, with any small JSON `S` kept alongside. */
export function uploadStage<S extends object = Record<never, never>>(folder: string): UploadStage<S> {
  if (!STAGE_FOLDER.test(folder)) throw new Error(`Not a folder name for uploads: ${folder}`);
  const dir = () => join(config().dataDir, folder);
  const files = (id: string) => ({ bytes: join(dir(), `${id}.bin`), meta: join(dir(), `${id}.json`) });

  /** Removes previews nobody confirmed within the hour (they may hold people's email addresses). */
  async function purgeOld(now = clock.ms()) {
    for (const name of await readdir(dir()).catch(() => [] as string[])) {
      const path = join(dir(), name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STAGE_TTL_MS) await rm(path, { force: true });
    }
  }

  return {
    async stash({ bytes, ...meta }) {
      await mkdir(dir(), { recursive: true, mode: 0o700 });
      await purgeOld();
      const id = randomBytes(18).toString("base64url");
      await writeFile(files(id).bytes, bytes, { mode: 0o600 });
      await writeFile(files(id).meta, JSON.stringify({ ...meta, createdAt: clock.ms() }), { mode: 0o600 });
      return id;
    },
    async load(id, userId, now = clock.ms()) {
      if (!STAGE_ID.test(id)) return null;
      try {
        const meta = JSON.parse(await readFile(files(id).meta, "utf8")) as StagedUpload<S>;
        if (meta.userId !== userId || now - meta.createdAt > STAGE_TTL_MS) return null;
        return { ...meta, bytes: new Uint8Array(await readFile(files(id).bytes)) };
      } catch {
        return null;
      }
    },
    async drop(id) {
      if (!STAGE_ID.test(id)) return;
      await rm(files(id).bytes, { force: true });
      await rm(files(id).meta, { force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The request flow: upload → preview → confirm

export type ImportFailure = { stage: "upload"; errors: string[] };
/** What the preview shows: the feature's rows (and extras, `P`) with the counts and file-level errors. */
export type ImportPreview<P> = P & { stage: "preview"; filename: string; uploadId: string | null; counts: ImportCounts; errors: string[] };
export type ImportAnswer<P> = ImportPreview<P> | ImportFailure;

type Parsed<F> = { ok: true; file: F } | FileErrors;

/** A feature's uploads: the prefix of its messages, its size limit, and its folder under DATA_DIR. */
export type ImportFiles = {
  /** The flow uses noFile, tooLarge, unreadable, expired and changed under it. */
  errors: string;
  maxBytes: number;
  /** Where uploads wait for their confirm step. */
  folder: string;
};

export type ImportFlow<F, V extends ImportValidation<unknown>, P, T = undefined, K = undefined> = ImportFiles & {
  /**
   * What the file goes into when the form chooses it (the measure import's plan): read from the
   * upload form's `field`, kept with the upload by its key, and loaded again at confirm time (gone
   * by then: the preview has expired).
   */
  target?: {
    field: string;
    /** Further form fields the upload keeps for `read` (the measure import's "unpublished" option). */
    fields?: string[];
    read: (value: FormDataEntryValue | null, form: FormData) => { ok: true; key: K; target: T } | FileErrors;
    load: (key: K) => T | null;
  };
  parse: (bytes: Uint8Array, filename: string) => Parsed<F> | Promise<Parsed<F>>;
  validate: (file: F, target: T) => V;
  apply: (viewer: Viewer, file: F, target: T, filename: string) => ImportResult<V>;
  /** What the browser gets of a validation: only the rows' shown fields, and any extras. */
  preview: (validation: V, target: T) => P;
  /** Where a finished import goes: the page again, with the counts in the query. */
  done: (result: { created: number; updated: number; unchanged: number }, target: T) => string;
};

/** Where an applied import goes: its page again, with how many rows were created, updated and left as they were. */
export function importDoneUrl(
  path: string,
  counts: { created: number; updated: number; unchanged: number },
  extra: Record<string, string> = {},
) {
  const { created, updated, unchanged } = counts;
  return `${path}?${new URLSearchParams({ created: String(created), updated: String(updated), unchanged: String(unchanged), ...extra })}`;
}

/**
 * The action of an import page: a multipart post is an upload (read, validate, keep the file
 * when there is something to import, show the preview); any other post confirms a kept upload by
 * its id and writes it, all or nothing. The caller has authorised the user.
 */
export async function runImport<F, V extends ImportValidation<unknown>, P, T, K>(
  request: Request,
  viewer: Viewer,
  flow: ImportFlow<F, V, P, T, K>,
): Promise<TypedResponse<ImportAnswer<P>>> {
  const stage = uploadStage<{ key?: K }>(flow.folder);
  const fail = (errors: string[], status = 400) => json<ImportFailure>({ stage: "upload", errors }, { status });
  const previewOf = (filename: string, uploadId: string | null, validation: V, target: T, errors: string[] = []): ImportPreview<P> => ({
    ...flow.preview(validation, target),
    stage: "preview",
    filename,
    uploadId,
    counts: validation.counts,
    errors,
  });

  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    const id = form.get("uploadId");
    const upload = form.get("intent") === "confirm" && typeof id === "string" ? await stage.load(id, viewer.id) : null;
    const target = upload && flow.target ? flow.target.load(upload.key as K) : (undefined as T);
    if (!upload || target === null) return fail([`${flow.errors}.expired`]);
    const parsed = await flow.parse(upload.bytes, upload.filename);
    if (!parsed.ok) return fail(parsed.errors);
    const result = flow.apply(viewer, parsed.file, target, upload.filename);
    await stage.drop(id as string);
    // Something changed between preview and confirm: show the new state, write nothing.
    if (!result.ok) return json(previewOf(upload.filename, null, result.validation, target, [`${flow.errors}.changed`]), { status: 409 });
    return redirect(flow.done(result, target));
  }

  const read = await readUpload(request, flow.maxBytes, flow.target ? [flow.target.field, ...(flow.target.fields ?? [])] : []);
  if (!read.ok)
    return read.reason === "tooLarge" ? fail(tooLargeError(flow.errors, flow.maxBytes).errors, 413) : fail([`${flow.errors}.unreadable`]);
  const chosen = flow.target?.read(read.form.get(flow.target.field), read.form);
  // An empty file counts as none chosen.
  const chosenFile = read.file?.bytes.byteLength ? read.file : null;
  const errors = [...(chosen && !chosen.ok ? chosen.errors : []), ...(chosenFile ? [] : [`${flow.errors}.noFile`])];
  if (errors.length || !chosenFile) return fail(errors);
  const target = chosen?.ok ? chosen.target : (undefined as T);
  const { name, bytes } = chosenFile;
  const parsed = await flow.parse(bytes, name);
  if (!parsed.ok) return fail(parsed.errors);
  const validation = flow.validate(parsed.file, target);
  // Only a file that passed, and changes something, is kept for the confirm step.
  const uploadId =
    validation.ok && validation.counts.create + validation.counts.update > 0
      ? await stage.stash({ userId: viewer.id, filename: name, bytes, key: chosen?.ok ? chosen.key : undefined })
      : null;
  return json(previewOf(name, uploadId, validation, target), { status: validation.ok ? 200 : 400 });
}
