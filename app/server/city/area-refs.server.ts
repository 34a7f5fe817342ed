// Area references in files: what an export writes and an import reads. Area codes are unique only
// within their level (district 101 Vironniemi and sub-area 101 Vilhonvuori), so an export writes
// level-qualified codes ("district:301", "sub_area:30102") and an import reads them back exactly.
// A bare code is accepted when exactly one level has it; when several do, the import refuses it and
// names the candidates. A code that equals an existing one once the leading zeros Excel drops are
// restored ("10" for "010") is never taken for a new or different thing silently.
import { AREA_LEVELS, areas, type AreaLevel } from "../../../db/schema";
import { isCurrentArea, todayInHelsinki } from "./areas.server";
import type { Db } from "../platform/db.server";
import { columnsOf } from "../platform/select-names";

type Reader = Pick<Db, "select">;

/** `former`: no longer valid today (its history stays; new references to it are refused). */
export type AreaEntry = {
  id: number;
  level: AreaLevel;
  code: string;
  nameFi: string;
  nameSv: string | null;
  former: boolean;
  validUntil: string | null;
};

/** Level words a file may use before the colon, besides the level ids themselves. */
const LEVEL_ALIASES: Record<string, AreaLevel> = {
  suurpiiri: "major_district",
  peruspiiri: "district",
  osa_alue: "sub_area",
  osaalue: "sub_area",
  pienalue: "small_area",
  storomrade: "major_district",
  grunddistrikt: "district",
  delomrade: "sub_area",
  smaomrade: "small_area",
  major_district: "major_district",
  district: "district",
  sub_area: "sub_area",
  small_area: "small_area",
};

const levelKey = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** The level a word names ("district", "peruspiiri", "osa-alue"), or null. */
export function parseLevel(word: string): AreaLevel | null {
  return LEVEL_ALIASES[levelKey(word)] ?? LEVEL_ALIASES[levelKey(word).replace(/_/g, "")] ?? null;
}

/** How an export writes an area: "district:301". */
export function areaRef(a: { level: AreaLevel; code: string }): string {
  return `${a.level}:${a.code}`;
}

/** An area as a person reads it in a preview or a message: "district:301 Kallio". */
export function areaLabel(a: { level: AreaLevel; code: string; nameFi: string }): string {
  return `${areaRef(a)} ${a.nameFi}`;
}

/**
 * Whether `value` is `existing` with its leading zeros dropped, as Excel does to numeric codes:
 * "10" for "010", "1" for "001". Equal strings are not (that is an exact match).
 */
export function lostLeadingZeros(value: string, existing: string): boolean {
  if (value === existing || existing.length <= value.length || !value) return false;
  const head = existing.slice(0, existing.length - value.length);
  return /^0+$/.test(head) && existing.endsWith(value);
}

/** The existing codes that `value` equals once leading zeros are restored. */
export function leadingZeroMatches(value: string, existing: Iterable<string>): string[] {
  const found: string[] = [];
  for (const code of existing) if (lostLeadingZeros(value, code)) found.push(code);
  return found;
}

export type AreaIndex = {
  all: AreaEntry[];
  byCode: Map<string, AreaEntry[]>;
  byName: Map<string, AreaEntry[]>;
  byId: Map<number, AreaEntry>;
};

const nameKey = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Every area, indexed by code, name and id, read once per validation. */
export function loadAreaIndex(r: Reader): AreaIndex {
  const today = todayInHelsinki();
  const all = r
    .select({
      ...columnsOf(areas, "id", "level", "code", "nameFi", "nameSv", "validFrom", "validUntil"),
    })
    .from(areas)
    .all()
    .map(({ validFrom, ...a }) => ({ ...a, former: !isCurrentArea({ validFrom, validUntil: a.validUntil }, today) }));
  const byCode = new Map<string, AreaEntry[]>();
  const byName = new Map<string, AreaEntry[]>();
  const byId = new Map<number, AreaEntry>();
  for (const a of all) {
    push(byCode, a.code, a);
    byId.set(a.id, a);
    for (const name of [a.nameFi, a.nameSv]) if (name) push(byName, nameKey(name), a);
  }
  return { all, byCode, byName, byId };
}

const levelOrder = (a: AreaEntry, b: AreaEntry) => AREA_LEVELS.indexOf(a.level) - AREA_LEVELS.indexOf(b.level);

export type AreaResolution =
  | { ok: true; area: AreaEntry }
  /** No such area; `level` is false when the word before the colon is no level. */
  | { ok: false; problem: "unknown" | "unknownLevel" }
  /** The bare code (or name) is found on several levels: the candidates, level-qualified. */
  | { ok: false; problem: "ambiguous"; candidates: string[] }
  /** Nothing matches exactly, but restoring leading zeros does: the likely matches. */
  | { ok: false; problem: "leadingZeros"; candidates: string[] };

/**
 * Resolves one area reference of a file: "district:301" (or "peruspiiri:301"), a bare code found on
 * exactly one level, or a unique Finnish or Swedish name.
 */
export function resolveAreaRef(index: AreaIndex, raw: string): AreaResolution {
  const value = raw.trim();
  const colon = value.indexOf(":");
  if (colon > 0) {
    const level = parseLevel(value.slice(0, colon));
    const code = value.slice(colon + 1).trim();
    if (!level) return { ok: false, problem: "unknownLevel" };
    const match = (index.byCode.get(code) ?? []).find((a) => a.level === level);
    if (match) return { ok: true, area: match };
    const zeros = index.all.filter((a) => a.level === level && lostLeadingZeros(code, a.code));
    if (zeros.length) return { ok: false, problem: "leadingZeros", candidates: zeros.map(areaLabel) };
    return { ok: false, problem: "unknown" };
  }
  const byCode = index.byCode.get(value);
  if (byCode?.length === 1) return { ok: true, area: byCode[0] };
  if (byCode && byCode.length > 1) return { ok: false, problem: "ambiguous", candidates: [...byCode].sort(levelOrder).map(areaLabel) };
  const zeros = index.all.filter((a) => lostLeadingZeros(value, a.code));
  if (zeros.length) return { ok: false, problem: "leadingZeros", candidates: zeros.sort(levelOrder).map(areaLabel) };
  const byName = index.byName.get(nameKey(value));
  if (byName?.length === 1) return { ok: true, area: byName[0] };
  if (byName && byName.length > 1) return { ok: false, problem: "ambiguous", candidates: [...byName].sort(levelOrder).map(areaLabel) };
  return { ok: false, problem: "unknown" };
}
