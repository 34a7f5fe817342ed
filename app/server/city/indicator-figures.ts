// Indicator figures and periods as a city publishes them, read and said the same way everywhere:
// the import, the value form (browser and server), the pages and the review PDF worker. Pure: no
// database, so the forms in app/forms can use it in the browser.
import type { ValueBound } from "../../../db/schema/steering";

/** Finnish "24 000,50", English "24,000.50" and plain "24000.5" all mean 24000.5. */
export function parseNumber(value: string): number | null {
  let v = value.replace(/[\s\u00a0\u202f€%]|eur/gi, "");
  if (v === "") return null;
  const comma = v.lastIndexOf(",");
  const dot = v.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    v = comma > dot ? v.replace(/\./g, "").replace(",", ".") : v.replace(/,/g, "");
  } else if (comma >= 0) {
    v = v.replace(",", ".");
  } else if ((v.match(/\./g) ?? []).length > 1) {
    v = v.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** "2025-3", "3/2025", "03.2025" and "2025/03" all mean March 2025; a year stays a year. */
export function normalizePeriod(raw: string): string {
  const v = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${m[2].padStart(2, "0")}`;
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return `${m[2]}-${m[1].padStart(2, "0")}`;
  return v;
}

/** A figure as published: a number, a bound (">80": over 80, "<5": under 5) or a range ("4000–5000"). */
export type Figure = { value: number; bound: ValueBound; upper: number | null };
/** A figure as stored; snapshots of reviews compiled before bounds existed have no `bound`. */
export type FigureLike = { value: number; bound?: ValueBound; upper?: number | null };

const NUM = String.raw`[0-9][0-9\s\u00a0\u202f.,]*`;
const OVER = new RegExp(String.raw`^(?:>|≥|>=|yli|över|over|more than|above)\s*(${NUM})$`, "i");
const UNDER = new RegExp(String.raw`^(?:<|≤|<=|alle|under|less than|below)\s*(${NUM})$`, "i");
// The low end ends in a digit, so the spaces before the dash are not part of it ("3–4", "4 000 - 5 000").
const RANGE = new RegExp(String.raw`^(-?[0-9](?:[0-9\s\u00a0\u202f.,]*[0-9])?)\s*(?:[–—]|\s-\s|-)\s*(${NUM})$`);

/**
 * A value cell as statistics publish it: "62,5", ">80", "yli 80", "<5", "4000–5000" or
 * "4 000 - 5 000". Null when it is none of these (or a range runs backwards).
 */
export function parseFigure(text: string): Figure | null {
  const v = text.trim().replace(/\s*(?:%|€)$/, "");
  const exact = parseNumber(v);
  if (exact !== null) return { value: exact, bound: "exact", upper: null };
  let m = OVER.exec(v);
  if (m) {
    const n = parseNumber(m[1]);
    return n === null ? null : { value: n, bound: "over", upper: null };
  }
  m = UNDER.exec(v);
  if (m) {
    const n = parseNumber(m[1]);
    return n === null ? null : { value: n, bound: "under", upper: null };
  }
  m = RANGE.exec(v);
  if (m) {
    const [low, high] = [parseNumber(m[1]), parseNumber(m[2])];
    return low === null || high === null || high < low ? null : { value: low, bound: "range", upper: high };
  }
  return null;
}

/**
 * Null when the figure fits its unit; else the translation key: shares stay within 0–100 %, both
 * ends of a range included; a range never runs backwards.
 */
export function figureProblem(unit: string, f: FigureLike): string | null {
  const ends = f.bound === "range" ? [f.value, f.upper ?? Number.NaN] : [f.value];
  if (ends.some((n) => !Number.isFinite(n)) || ends[1]! < ends[0]!) return "validation.number";
  if (unit.trim() === "%" && ends.some((n) => n < 0 || n > 100)) return "indicators.errors.percentRange";
  return null;
}

/** The words around a bound, each with "%s" where the number goes ("yli %s"). */
export type BoundWords = { over: string; under: string };

/** A figure in words: "62,5", "yli 80", "alle 5", "4 000–5 000" (`num` formats one number). */
export function figureText(f: FigureLike, num: (n: number) => string, words: BoundWords): string {
  if (f.bound === "over") return words.over.replace("%s", num(f.value));
  if (f.bound === "under") return words.under.replace("%s", num(f.value));
  // A range is the same in every language: the low and high end joined by an en dash.
  if (f.bound === "range" && f.upper != null) return `${num(f.value)}–${num(f.upper)}`;
  return num(f.value);
}

/**
 * A figure with its unit and period, written the same way wherever a list shows several side by
 * side ("7,1 % (2025)" next to "7,4 % (2023)", never a bare "7,4 (2023)").
 */
export function figureWithUnit(f: FigureLike & { period: string }, unit: string, num: (n: number) => string, words: BoundWords): string {
  const u = unit.trim();
  return `${figureText(f, num, words)}${u ? ` ${u}` : ""} (${f.period})`;
}
