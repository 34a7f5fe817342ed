// A real city's district division goes in without losing or changing anything: codes that repeat
// across levels resolve by level, former "(Ent.)" areas come in as former, an empty cell or a
// missing column never erases a saved value (only #TYHJÄ clears), identical rows write nothing,
// and Excel's dropped leading zeros are refused with the likely match.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas } from "../../db/schema";
import { splitErrorKey } from "~/forms/z";
import { applyAreaImport, isCurrentArea, parseAreaCsv, todayInHelsinki, validateAreaImport, type AreaCsv } from "~/server/areas.server";
import { isClearMarker } from "~/server/csv-import.server";
import { db } from "~/server/db.server";
import { seedOnce } from "./fixtures";

beforeAll(async () => {
  await seedOnce();
});

const file = (lines: string[]): AreaCsv => {
  const parsed = parseAreaCsv(new TextEncoder().encode(lines.join("\r\n") + "\r\n"), "aluejako.csv");
  if (!parsed.ok) throw new Error(`unreadable test file: ${parsed.errors.join()}`);
  return parsed.file;
};
const area = (level: (typeof areas.$inferSelect)["level"], code: string) => db().select().from(areas).where(and(eq(areas.level, level), eq(areas.code, code))).get();
const errorsOf = (v: ReturnType<typeof validateAreaImport>) => v.rows.flatMap((r) => r.errors.map((e) => [r.rowNumber, ...splitErrorKey(e)]));

describe("the clear marker", () => {
  it("is exactly #TYHJÄ, #TOM or #CLEAR in any case", () => {
    for (const yes of ["#TYHJÄ", "#tyhjä", " #Tom ", "#CLEAR", "#clear"]) expect(isClearMarker(yes)).toBe(true);
    for (const no of ["", null, undefined, "TYHJÄ", "#TYHJA", "# CLEAR", "#TYHJÄ!"]) expect(isClearMarker(no)).toBe(false);
  });
});

describe("a Helsinki-shaped district division", () => {
  // District 101 Vironniemi and sub-area 101 Vilhonvuori share a code; parents are one level up.
  const helsinki = [
    "taso;koodi;nimi_fi;nimi_sv;ylempi_koodi;voimassa_asti",
    "suurpiiri;1;Eteläinen;Södra;;",
    "suurpiiri;3;Keskinen;Mellersta;;",
    "peruspiiri;101;Vironniemi;Estnäs;1;",
    "peruspiiri;301;Kallio;Berghäll;3;",
    "osa-alue;101;Vilhonvuori;Vilhelmsberg;301;",
    "osa-alue;102;Vanha Munkkiniemi (Ent.);Gamla Munksnäs (f.d.);202;",
    "osa-alue;103;Kyläsaari;Byholmen;303;2011-12-31",
    "pienalue;10101;Vilhonvuoren kortteli;;101;",
  ];

  it("previews the colliding codes by level: existing rows unchanged, new ones new, former ones former", () => {
    const v = validateAreaImport(file(helsinki));
    expect(errorsOf(v)).toEqual([]);
    expect(v.rows.map((r) => [r.level, r.code, r.action, r.former])).toEqual([
      ["major_district", "1", "unchanged", false],
      ["major_district", "3", "unchanged", false],
      ["district", "101", "unchanged", false],
      ["district", "301", "unchanged", false],
      ["sub_area", "101", "create", false],
      ["sub_area", "102", "create", true],
      ["sub_area", "103", "create", true],
      ["small_area", "10101", "create", false],
    ]);
    expect(v.rows.find((r) => r.code === "101" && r.level === "district")!.changes).toEqual([]);
  });

  it("writes them under the right parents, and the same file again changes nothing", () => {
    const vironniemi = area("district", "101")!;
    const result = applyAreaImport(null, file(helsinki), { filename: "helsinki.csv" });
    expect(result).toMatchObject({ ok: true, created: 4, updated: 0, unchanged: 4 });
    const vilhonvuori = area("sub_area", "101")!;
    expect(vilhonvuori.parentId).toBe(area("district", "301")!.id);
    expect(area("small_area", "10101")!.parentId).toBe(vilhonvuori.id);
    expect(area("district", "101")).toEqual(vironniemi);
    // Former areas: "(Ent.)" ended before today, a valid-until date keeps its own day.
    const munkkiniemi = area("sub_area", "102")!;
    expect(munkkiniemi.validUntil! < todayInHelsinki()).toBe(true);
    expect(isCurrentArea(munkkiniemi)).toBe(false);
    expect(area("sub_area", "103")!.validUntil).toBe("2011-12-31");
    expect(isCurrentArea(vilhonvuori)).toBe(true);

    const again = validateAreaImport(file(helsinki));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 8, errors: 0 });
  });
});

describe("nothing is lost by partial files", () => {
  it("an empty name_sv cell or a missing column keeps the Swedish name; #TYHJÄ clears it", () => {
    const before = area("major_district", "2")!;
    expect(before.nameSv).toBe("Västra");
    for (const lines of [
      ["level;code;name_fi;name_sv;parent_code", "suurpiiri;2;Läntinen;;"],
      ["level;code;name_fi", "suurpiiri;2;Läntinen"],
      ["level;code;name_sv", "suurpiiri;2;"],
    ]) {
      const v = validateAreaImport(file(lines));
      expect(errorsOf(v)).toEqual([]);
      expect(v.rows[0]).toMatchObject({ action: "unchanged", changes: [] });
      expect(applyAreaImport(null, file(lines))).toMatchObject({ ok: true, updated: 0, unchanged: 1 });
    }
    expect(area("major_district", "2")).toEqual(before);

    const clearing = file(["level;code;name_fi;name_sv", "suurpiiri;2;;#TYHJÄ"]);
    expect(validateAreaImport(clearing).rows[0]).toMatchObject({ action: "update", changes: [{ field: "name_sv", from: "Västra", to: null }] });
    applyAreaImport(null, clearing);
    expect(area("major_district", "2")).toEqual({ ...before, nameSv: null });

    // A changed value shows old → new, and only that field is written.
    const renamed = file(["level;code;name_sv;parent_code", "suurpiiri;2;Västra;"]);
    expect(validateAreaImport(renamed).rows[0]!.changes).toEqual([{ field: "name_sv", from: null, to: "Västra" }]);
    applyAreaImport(null, renamed);
    expect(area("major_district", "2")).toEqual(before);
  });

  it("refuses to clear the Finnish name and names a bad date by its column", () => {
    const v = validateAreaImport(file(["level;code;name_fi;voimassa_asti", "suurpiiri;2;#CLEAR;", "suurpiiri;3;Keskinen;31.2.2014"]));
    expect(errorsOf(v)).toEqual([
      [2, "neighbourhood.areaImport.errors.cannotClear", { column: "name_fi" }],
      [3, "neighbourhood.areaImport.errors.dateInvalid", { column: "voimassa_asti", value: "31.2.2014" }],
    ]);
  });
});

describe("Excel's dropped leading zeros", () => {
  it("a code that equals a saved one without its leading zeros is refused with the likely match", () => {
    const padded = file(["level;code;name_fi;parent_code", "osa-alue;010;Nollakylä;303", "osa-alue;011;Nollaranta;303"]);
    expect(applyAreaImport(null, padded)).toMatchObject({ ok: true, created: 2 });

    const mangled = file(["level;code;name_fi;parent_code", "osa-alue;10;Nollakylä;303", "osa-alue;011;Nollaranta;303", "pienalue;01101;Rantakortteli;11"]);
    const v = validateAreaImport(mangled);
    expect(v.ok).toBe(false);
    expect(errorsOf(v)).toEqual([
      [2, "neighbourhood.areaImport.errors.leadingZeros", { code: "10", match: "010", name: "Nollakylä" }],
      [4, "neighbourhood.areaImport.errors.parentLikely", { code: "11", level: "sub_area", match: "011", name: "Nollaranta" }],
    ]);
    expect(applyAreaImport(null, mangled)).toMatchObject({ ok: false });
    expect(area("sub_area", "10")).toBeUndefined();
  });

  it("also within one file", () => {
    const v = validateAreaImport(file(["level;code;name_fi;parent_code", "osa-alue;020;Uusi A;303", "osa-alue;20;Uusi A;303"]));
    expect(v.rows.map((r) => r.errors.map((e) => splitErrorKey(e)[0]))).toEqual([["neighbourhood.areaImport.errors.leadingZeros"], ["neighbourhood.areaImport.errors.leadingZeros"]]);
  });
});
