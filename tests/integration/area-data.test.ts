// A real city's district division goes in without losing or changing anything: codes that repeat
// across levels resolve by level, former "(Ent.)" areas come in as former, an empty cell or a
// missing column never erases a saved value (only #TYHJÄ clears), identical rows write nothing,
// and Excel's dropped leading zeros are refused with the likely match.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, areas, indicators, indicatorValues, measureAreas } from "../../db/schema";
import { splitErrorKey } from "~/forms/z";
import {
  AREA_REFERENCES,
  applyAreaImport,
  areaChildren,
  getArea,
  areaUsage,
  isCurrentArea,
  listAllAreas,
  mergeAreas,
  parseAreaCsv,
  removeArea,
  todayInHelsinki,
  validateAreaImport,
  type AreaCsv,
} from "~/server/city/areas.server";
import { registerResident } from "~/server/people/accounts.server";
import { listSelectableAreas } from "~/server/people/directory.server";
import { isClearMarker } from "~/server/platform/csv-import.server";
import { db } from "~/server/platform/db.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

beforeAll(async () => {
  await seedOnce();
});

const file = (lines: string[]): AreaCsv => {
  const parsed = parseAreaCsv(new TextEncoder().encode(lines.join("\r\n") + "\r\n"), "aluejako.csv");
  if (!parsed.ok) throw new Error(`unreadable test file: ${parsed.errors.join()}`);
  return parsed.file;
};
const area = (level: (typeof areas.$inferSelect)["level"], code: string) =>
  db()
    .select()
    .from(areas)
    .where(and(eq(areas.level, level), eq(areas.code, code)))
    .get();
const errorsOf = (v: ReturnType<typeof validateAreaImport>) =>
  v.rows.flatMap((r) => r.errors.map((e) => [r.rowNumber, ...splitErrorKey(e)]));

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
    expect(validateAreaImport(clearing).rows[0]).toMatchObject({
      action: "update",
      changes: [{ field: "name_sv", from: "Västra", to: null }],
    });
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

    const mangled = file([
      "level;code;name_fi;parent_code",
      "osa-alue;10;Nollakylä;303",
      "osa-alue;011;Nollaranta;303",
      "pienalue;01101;Rantakortteli;11",
    ]);
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
    expect(v.rows.map((r) => r.errors.map((e) => splitErrorKey(e)[0]))).toEqual([
      ["neighbourhood.areaImport.errors.leadingZeros"],
      ["neighbourhood.areaImport.errors.leadingZeros"],
    ]);
  });
});

describe("former areas", () => {
  it("are not offered as home areas nor accepted at registration, but stay in the hierarchy", async () => {
    const former = area("sub_area", "102")!;
    expect(listSelectableAreas().some((a) => a.id === former.id)).toBe(false);
    expect(listSelectableAreas().some((a) => a.id === area("sub_area", "101")!.id)).toBe(true);
    // The public area pages keep it, marked as former with the day it ended.
    expect(listAllAreas().find((a) => a.id === former.id)).toMatchObject({ former: true, validUntil: former.validUntil });
    expect(listAllAreas().find((a) => a.id === area("sub_area", "101")!.id)).toMatchObject({ former: false });
    expect(getArea(former.id)).toMatchObject({ former: true });
    expect(areaChildren(former.parentId!).find((a) => a.id === former.id)).toMatchObject({ former: true });
    const refused = await registerResident({
      name: "Entinen Asukas",
      email: "entinen@example.fi",
      password: "pitkä salasana 123",
      areaId: former.id,
      locale: "fi",
    });
    expect(refused).toEqual({ ok: false, field: "areaId", reason: "validation.choose" });
  });
});

describe("merging and removing areas", () => {
  it("every table that refers to an area is one that merge moves and remove counts", () => {
    const tables = db().$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const references = tables.flatMap(({ name }) =>
      (
        db()
          .$client.prepare(`pragma foreign_key_list(${JSON.stringify(name)})`)
          .all() as { table: string; from: string }[]
      )
        .filter((fk) => fk.table === "areas")
        .map((fk) => `${name}.${fk.from}`),
    );
    expect(references.sort()).toEqual(AREA_REFERENCES.map((r) => `${r.table}.${r.column}`).sort());
  });

  it("moves every reference of a duplicate into the area it duplicates, in one audited step", () => {
    const kallio = area("district", "301")!;
    const before = areaUsage([kallio.id]);
    expect(before.children).toBeGreaterThan(0);
    expect(before.groupAreas).toBeGreaterThan(0);
    expect(before.measureTargets).toBeGreaterThan(0);
    // The copy: a new district with a reference of its own and one it shares with Kallio.
    applyAreaImport(null, file(["level;code;name_fi;parent_code", "peruspiiri;0391;Kallio (kopio);3"]));
    const copy = area("district", "0391")!;
    const sharedMeasure = db()
      .select({ measureId: measureAreas.measureId })
      .from(measureAreas)
      .where(eq(measureAreas.areaId, kallio.id))
      .get()!.measureId;
    db().insert(measureAreas).values({ measureId: sharedMeasure, areaId: copy.id }).run();
    const indicator = db().select({ id: indicators.id }).from(indicators).get()!.id;
    db()
      .insert(indicatorValues)
      .values([
        { indicatorId: indicator, areaId: kallio.id, period: "2019", value: 5 },
        { indicatorId: indicator, areaId: copy.id, period: "2019", value: 6 },
        { indicatorId: indicator, areaId: kallio.id, period: "2018", value: 4 },
        { indicatorId: indicator, areaId: copy.id, period: "2018", value: 4 },
      ])
      .run();
    const coordinator = userIdOf(DEMO.coordinator);

    // Two different values for one period: nothing moves until they are corrected.
    expect(mergeAreas(viewerById(coordinator), kallio.id, copy.id)).toEqual({ ok: false, reason: "indicatorConflict", count: 1 });
    expect(area("district", "301")).toBeDefined();
    db()
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.areaId, copy.id), eq(indicatorValues.period, "2019")))
      .run();
    expect(mergeAreas(viewerById(coordinator), kallio.id, kallio.id)).toEqual({ ok: false, reason: "sameArea" });
    expect(mergeAreas(viewerById(coordinator), kallio.id, area("sub_area", "101")!.id)).toEqual({ ok: false, reason: "levelDiffers" });

    const copyBefore = areaUsage([copy.id]);
    const kallioBefore = areaUsage([kallio.id]);
    const result = mergeAreas(viewerById(coordinator), kallio.id, copy.id);
    expect(result).toMatchObject({ ok: true });
    expect(area("district", "301")).toBeUndefined();
    const after = areaUsage([copy.id]);
    // Everything of Kallio is now the copy's; the shared measure target and the equal 2018 value are one each.
    expect(after).toEqual({
      children: kallioBefore.children,
      residencies: kallioBefore.residencies + copyBefore.residencies,
      measureTargets: kallioBefore.measureTargets + copyBefore.measureTargets - 1,
      groupAreas: kallioBefore.groupAreas,
      plans: kallioBefore.plans,
      indicatorValues: kallioBefore.indicatorValues + copyBefore.indicatorValues - 1,
      situations: kallioBefore.situations + copyBefore.situations,
      consultationAreas: kallioBefore.consultationAreas + copyBefore.consultationAreas,
      consultationAnswers: kallioBefore.consultationAnswers + copyBefore.consultationAnswers,
      consultationDistricts: kallioBefore.consultationDistricts + copyBefore.consultationDistricts,
      consultationMajorDistricts: kallioBefore.consultationMajorDistricts + copyBefore.consultationMajorDistricts,
      observations: kallioBefore.observations + copyBefore.observations,
    });
    expect(areaUsage([kallio.id])).toEqual({
      children: 0,
      residencies: 0,
      measureTargets: 0,
      groupAreas: 0,
      plans: 0,
      indicatorValues: 0,
      situations: 0,
      consultationAreas: 0,
      consultationAnswers: 0,
      consultationDistricts: 0,
      consultationMajorDistricts: 0,
      observations: 0,
    });
    expect(area("sub_area", "30102")!.parentId).toBe(copy.id);
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "area.merged")).get()!;
    expect(entry).toMatchObject({ actorId: coordinator, targetType: "area", targetId: String(copy.id) });
    expect(JSON.parse(entry.detail!)).toMatchObject({ from: { code: "301", nameFi: "Kallio" } });
  });

  it("removes an unused area with its unused parts, and refuses a used one with its uses", () => {
    const coordinator = userIdOf(DEMO.coordinator);
    const used = area("district", "0391")!;
    const refused = removeArea(viewerById(coordinator), used.id);
    expect(refused).toMatchObject({ ok: false, reason: "inUse" });
    if (refused.ok || refused.reason !== "inUse") throw new Error("not refused");
    expect(refused.usage.groupAreas).toBeGreaterThan(0);
    expect(area("district", "0391")).toBeDefined();

    // An unused demo sub-area goes; so does a major district with its unused district.
    expect(areaUsage([area("sub_area", "70408")!.id])).toEqual({
      children: 0,
      residencies: 0,
      measureTargets: 0,
      groupAreas: 0,
      plans: 0,
      indicatorValues: 0,
      situations: 0,
      consultationAreas: 0,
      consultationAnswers: 0,
      consultationDistricts: 0,
      consultationMajorDistricts: 0,
      observations: 0,
    });
    expect(removeArea(viewerById(coordinator), area("sub_area", "70408")!.id)).toEqual({ ok: true, removed: 1 });
    expect(area("sub_area", "70408")).toBeUndefined();
    applyAreaImport(null, file(["level;code;name_fi;parent_code", "suurpiiri;9;Testisuurpiiri;", "peruspiiri;901;Testipiiri;9"]));
    expect(removeArea(viewerById(coordinator), area("major_district", "9")!.id)).toEqual({ ok: true, removed: 2 });
    expect(area("district", "901")).toBeUndefined();
    expect(db().select().from(auditLog).where(eq(auditLog.action, "area.removed")).all()).toHaveLength(2);
  });
});
