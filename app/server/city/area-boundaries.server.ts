// The areas' boundaries through the area import: a GeoJSON FeatureCollection whose features carry
// the area's level and code (properties level/taso, code/koodi) and a Polygon or MultiPolygon. A
// feature is matched to an existing area by level + code, like the CSV rows; nothing new is
// created, and the whole file is written or nothing. These are the polygons a city publishes.
import { and, eq } from "drizzle-orm";
import { areas, type AreaLevel } from "../../../db/schema";
import { messageKeys, summarize, writeAllOrNothing, type ImportResult, type ImportValidation } from "../platform/csv-import.server";
import type { Db } from "../platform/db.server";
import { db } from "../platform/db.server";
import { boundaryPointCount, readBoundary, type Boundary } from "../observations/geo";
import {
  applyAreaImport,
  parseAreaCsv,
  parseAreaLevel,
  validateAreaImport,
  type AreaChange,
  type AreaCsv,
  type ValidatedAreaRow,
} from "./areas.server";
import type { Viewer } from "../people/viewer.server";

type Reader = Pick<Db, "select">;

// Within the server's upload limit (platform/request-limits.ts).
export const MAX_BOUNDARY_BYTES = 10 * 1024 * 1024;
const errorKey = messageKeys("observations.boundaries.errors");

export type BoundaryFeature = { rowNumber: number; level: string; code: string; geometry: unknown };
export type BoundaryFile = { kind: "geojson"; features: BoundaryFeature[] };

/** A GeoJSON upload: by its name (.geojson, .json) or its first character. */
export function looksLikeGeoJson(bytes: Uint8Array, filename: string): boolean {
  if (/\.(geo)?json$/i.test(filename)) return true;
  const start = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return start.startsWith("{");
}

const pick = (props: Record<string, unknown>, names: string[]) => {
  for (const name of names) {
    const v = props[name];
    if (typeof v === "string" || typeof v === "number") return String(v).trim();
  }
  return "";
};

/** Reads the features; a file that is not a FeatureCollection comes back as a file-level error. */
export function parseBoundaryFile(bytes: Uint8Array): { ok: true; file: BoundaryFile } | { ok: false; errors: string[] } {
  if (bytes.byteLength > MAX_BOUNDARY_BYTES) return { ok: false, errors: [errorKey("tooLarge")] };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errors: [errorKey("notJson")] };
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features))
    return { ok: false, errors: [errorKey("notCollection")] };
  if (!collection.features.length) return { ok: false, errors: [errorKey("empty")] };
  const features = collection.features.map((f: { properties?: Record<string, unknown>; geometry?: unknown }, i: number) => {
    const props = f?.properties ?? {};
    return {
      rowNumber: i + 1,
      level: pick(props, ["level", "taso", "aluetaso", "niva"]),
      code: pick(props, ["code", "koodi", "tunnus", "aluekoodi", "kod"]),
      geometry: f?.geometry ?? null,
    };
  });
  return { ok: true, file: { kind: "geojson", features } };
}

/** Each feature as an area-import row, so the same preview shows it: a boundary is a change of the area. */
export function validateBoundaryImport(
  file: BoundaryFile,
  r: Reader = db(),
): ImportValidation<ValidatedAreaRow> & { boundaries: Map<number, Boundary> } {
  const boundaries = new Map<number, Boundary>();
  const seen = new Map<string, number>();
  const rows = file.features.map((f): ValidatedAreaRow => {
    const errors: string[] = [];
    const level = f.level ? parseAreaLevel(f.level) : null;
    if (!f.level) errors.push(errorKey("levelMissing"));
    else if (!level) errors.push(errorKey("levelUnknown", { value: f.level }));
    if (!f.code) errors.push(errorKey("codeMissing"));
    const key = `${level}:${f.code}`;
    if (level && f.code && seen.has(key)) errors.push(errorKey("duplicate", { row: seen.get(key) }));
    else seen.set(key, f.rowNumber);
    const area =
      level && f.code
        ? r
            .select({ id: areas.id, nameFi: areas.nameFi, boundary: areas.boundary })
            .from(areas)
            .where(and(eq(areas.level, level as AreaLevel), eq(areas.code, f.code)))
            .get()
        : undefined;
    if (level && f.code && !area) errors.push(errorKey("areaMissing", { level, code: f.code }));
    const boundary = readBoundary(f.geometry);
    if (!boundary) errors.push(errorKey("geometry"));
    const next = boundary ? JSON.stringify(boundary) : null;
    const changes: AreaChange[] = [];
    if (area && next && area.boundary !== next)
      changes.push({
        field: "boundary",
        from: area.boundary ? String(boundaryPointCount(JSON.parse(area.boundary) as Boundary)) : null,
        to: String(boundaryPointCount(boundary!)),
      });
    if (area && boundary && changes.length && !errors.length) boundaries.set(area.id, boundary);
    return {
      rowNumber: f.rowNumber,
      level,
      code: f.code,
      nameFi: area?.nameFi ?? "",
      parentCode: null,
      next: { nameFi: area?.nameFi ?? "", nameSv: null, parentCode: null, validFrom: null, validUntil: null },
      changes,
      former: false,
      action: changes.length ? "update" : "unchanged",
      errors,
    };
  });
  return { ...summarize(rows), boundaries };
}

/** Writes every boundary of the file in one transaction (official polygons: no longer approximate), or nothing. */
export function applyBoundaryImport(
  viewer: Viewer | null,
  file: BoundaryFile,
  meta: { filename?: string } = {},
): ImportResult<ImportValidation<ValidatedAreaRow>> {
  return writeAllOrNothing(
    (tx) => validateBoundaryImport(file, tx),
    (tx, validation) => {
      let updated = 0;
      for (const [id, boundary] of validation.boundaries)
        updated += tx
          .update(areas)
          .set({ boundary: JSON.stringify(boundary), boundaryApproximate: false })
          .where(eq(areas.id, id))
          .run().changes;
      return { created: 0, updated };
    },
    { actorId: viewer?.id ?? null, action: "areas.boundaries.import", targetType: "area", filename: meta.filename },
  );
}

/** What the area import reads: the hierarchy as CSV, or the boundaries as GeoJSON. */
export type AreaFile = AreaCsv | BoundaryFile;
const isBoundaryFile = (file: AreaFile): file is BoundaryFile => "kind" in file && file.kind === "geojson";

export function parseAreaFile(bytes: Uint8Array, filename: string): { ok: true; file: AreaFile } | { ok: false; errors: string[] } {
  return looksLikeGeoJson(bytes, filename) ? parseBoundaryFile(bytes) : parseAreaCsv(bytes, filename);
}
export function validateAreaFile(file: AreaFile): ImportValidation<ValidatedAreaRow> {
  return isBoundaryFile(file) ? validateBoundaryImport(file) : validateAreaImport(file);
}
export function applyAreaFile(
  viewer: Viewer | null,
  file: AreaFile,
  meta: { filename?: string },
): ImportResult<ImportValidation<ValidatedAreaRow>> {
  return isBoundaryFile(file) ? applyBoundaryImport(viewer, file, meta) : applyAreaImport(viewer, file, meta);
}
