// Issue 12: the measure import never loses or changes data it was not told to change. Realistic
// files (tests/fixtures/imports/) against the real database: partial files, empty cells, the clear
// marker, per-field changes in the preview, codes repeating across area levels, Excel's dropped
// leading zeros, a city's own spreadsheet with year ranges and free-text statuses, and export →
// import round trips (CSV and XLSX, three languages) that must leave the whole state as it was.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  auditLog,
  measureAreas,
  measureCostShares,
  measureGoals,
  measurePartners,
  measures,
  measureTasks,
  priorityAreas,
  safetyPlans,
  strategies,
  strategyGoals,
} from "../../db/schema";
import { splitErrorKey } from "~/forms/z";
import { i18nFor } from "~/i18n/i18n.server";
import { areaRef, lostLeadingZeros, leadingZeroMatches, loadAreaIndex, resolveAreaRef } from "~/server/city/area-refs.server";
import { CLEAR_MARKERS, isClearMarker } from "~/server/platform/csv-import.server";
import { db } from "~/server/platform/db.server";
import {
  applyImport,
  exportMeasures,
  parseMeasureFile,
  parseStatus,
  readTimeline,
  toCsv,
  toXlsx,
  validateImport,
  type ParsedFile,
} from "~/server/city/measure-io.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "imports");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const enc = (text: string) => new TextEncoder().encode(text);

let coordinatorId: string;
let expertId: string;

async function parseOk(bytes: Uint8Array, name: string): Promise<ParsedFile> {
  const parsed = await parseMeasureFile(bytes, name);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.errors.join(", ")}`);
  return parsed.file;
}

function createPlan(name: string, period: [string, string] = ["2025-01-01", "2028-12-31"]) {
  const d = db();
  const strategy = d
    .insert(strategies)
    .values({ nameFi: `${name} strategia`, termStartYear: 2025, termEndYear: 2029 })
    .returning()
    .get();
  for (const code of ["1", "2", "3"])
    d.insert(strategyGoals)
      .values({ strategyId: strategy.id, code, nameFi: `Tavoite ${code}` })
      .run();
  const plan = d
    .insert(safetyPlans)
    .values({ nameFi: name, strategyId: strategy.id, periodStart: period[0], periodEnd: period[1], status: "in_force", published: true })
    .returning()
    .get();
  for (const code of ["1", "2", "3"])
    d.insert(priorityAreas)
      .values({ planId: plan.id, code, nameFi: `Painopiste ${code}` })
      .run();
  return plan.id;
}

const byCode = (planId: number, code: string) =>
  db()
    .select()
    .from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.code, code)))
    .get()!;
const areaRefsOf = (measureId: number) =>
  db()
    .select({ level: areas.level, code: areas.code })
    .from(measureAreas)
    .innerJoin(areas, eq(areas.id, measureAreas.areaId))
    .where(eq(measureAreas.measureId, measureId))
    .all()
    .map(areaRef)
    .sort();
const auditCount = () => db().select({ n: count() }).from(auditLog).get()!.n;

/** Everything stored about a plan's measures: the rows and every relation, in a stable order. */
function planState(planId: number) {
  const d = db();
  const rows = d.select().from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.id)).all();
  const ids = rows.map((m) => m.id);
  const rel = <T>(list: T[]) => list.map((r) => JSON.stringify(r)).sort();
  return {
    measures: rows,
    partners: rel(d.select().from(measurePartners).where(inArray(measurePartners.measureId, ids)).all()),
    areas: rel(d.select().from(measureAreas).where(inArray(measureAreas.measureId, ids)).all()),
    goals: rel(d.select().from(measureGoals).where(inArray(measureGoals.measureId, ids)).all()),
    shares: rel(d.select().from(measureCostShares).where(inArray(measureCostShares.measureId, ids)).all()),
    tasks: rel(d.select().from(measureTasks).where(inArray(measureTasks.measureId, ids)).all()),
  };
}

const errorsOf = (v: ReturnType<typeof validateImport>, row: number) =>
  v.rows.find((r) => r.rowNumber === row)!.errors.map((e) => splitErrorKey(e));
const warningsOf = (v: ReturnType<typeof validateImport>, row: number) =>
  v.rows.find((r) => r.rowNumber === row)!.warnings.map((e) => splitErrorKey(e));

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
  expertId = userIdOf(DEMO.expert);
  // The collisions of a real division: district 301 Kallio (demo) and sub-area 301 Vanha
  // Munkkiniemi; a sub-area whose code keeps a leading zero.
  const d = db();
  const parent = d
    .select()
    .from(areas)
    .where(and(eq(areas.level, "district"), eq(areas.code, "302")))
    .get()!;
  d.insert(areas)
    .values({ level: "sub_area", code: "301", nameFi: "Vanha Munkkiniemi", nameSv: "Gamla Munksnäs", parentId: parent.id })
    .run();
  d.insert(areas).values({ level: "sub_area", code: "010", nameFi: "Nollakylä", nameSv: "Nollby", parentId: parent.id }).run();
});

describe("the clear marker", () => {
  it("is exactly #TYHJÄ, #TOM or #CLEAR, in any case, and nothing else", () => {
    expect(CLEAR_MARKERS).toEqual(["#TYHJÄ", "#TOM", "#CLEAR"]);
    for (const cell of ["#TYHJÄ", "#tyhjä", " #Tyhjä ", "#TOM", "#tom", "#CLEAR", "#clear"]) expect(isClearMarker(cell)).toBe(true);
    for (const cell of ["", "   ", null, undefined, "TYHJÄ", "#TYHJA", "# TYHJÄ", "tyhjä", "-", "#TYHJÄ!", "x #CLEAR"])
      expect(isClearMarker(cell)).toBe(false);
  });
});

describe("area references", () => {
  it("level-qualified codes resolve exactly; a bare code on two levels is refused with the candidates", () => {
    const index = loadAreaIndex(db());
    const ok = (v: string) => {
      const r = resolveAreaRef(index, v);
      return r.ok ? `${areaRef(r.area)} ${r.area.nameFi}` : r;
    };
    expect(ok("district:301")).toBe("district:301 Kallio");
    expect(ok("sub_area:301")).toBe("sub_area:301 Vanha Munkkiniemi");
    expect(ok("peruspiiri:301")).toBe("district:301 Kallio");
    expect(ok("osa-alue:301")).toBe("sub_area:301 Vanha Munkkiniemi");
    expect(ok("district:503")).toBe("district:503 Malmi");
    expect(ok("503")).toBe("district:503 Malmi");
    expect(ok("Malmi")).toBe("district:503 Malmi");
    expect(ok("301")).toEqual({ ok: false, problem: "ambiguous", candidates: ["district:301 Kallio", "sub_area:301 Vanha Munkkiniemi"] });
    expect(ok("kaupunginosa:301")).toEqual({ ok: false, problem: "unknownLevel" });
    expect(ok("district:999")).toEqual({ ok: false, problem: "unknown" });
  });

  it("a code missing its leading zeros is refused with the likely match", () => {
    expect(lostLeadingZeros("10", "010")).toBe(true);
    expect(lostLeadingZeros("1", "001")).toBe(true);
    expect(lostLeadingZeros("10", "10")).toBe(false);
    expect(lostLeadingZeros("10", "110")).toBe(false);
    expect(leadingZeroMatches("7", ["07", "007", "70", "17"])).toEqual(["07", "007"]);
    const index = loadAreaIndex(db());
    expect(resolveAreaRef(index, "10")).toEqual({ ok: false, problem: "leadingZeros", candidates: ["sub_area:010 Nollakylä"] });
    expect(resolveAreaRef(index, "sub_area:10")).toEqual({ ok: false, problem: "leadingZeros", candidates: ["sub_area:010 Nollakylä"] });
  });
});

describe("partial files lose nothing", () => {
  let planId: number;
  beforeAll(async () => {
    planId = createPlan("Osittaiset tiedostot");
    const full = await parseOk(fixture("toimenpiteet-taysi.csv"), "toimenpiteet-taysi.csv");
    expect(validateImport(planId, full).rows.flatMap((r) => r.errors)).toEqual([]);
    expect(applyImport(viewerById(coordinatorId), planId, full)).toMatchObject({ ok: true, created: 3 });
  });

  it("stored the full file, targeting the sub-area 301 and not district 301", () => {
    const p1 = byCode(planId, "P1");
    expect(p1).toMatchObject({
      description: "Asukkaat ja poliisi kiertävät Malmin keskustan keväisin ja syksyisin.",
      startDate: "2026-03-01",
      endDate: "2027-12-31",
      budgetEur: 12000,
      responsibleUserId: expertId,
      cityWide: false,
      status: "approved",
    });
    expect(areaRefsOf(p1.id)).toEqual(["district:503"]);
    expect(areaRefsOf(byCode(planId, "P2").id)).toEqual(["sub_area:301"]);
    expect(areaRefsOf(byCode(planId, "010").id)).toEqual(["sub_area:010"]);
  });

  it("a file without description, areas and dates changes only the title, and says so field by field", async () => {
    const before = planState(planId);
    const file = await parseOk(fixture("toimenpiteet-osittainen.csv"), "toimenpiteet-osittainen.csv");
    const validation = validateImport(planId, file);
    expect(validation.rows.map((r) => [r.code, r.action, r.errors])).toEqual([
      ["P1", "update", []],
      ["P2", "unchanged", []],
    ]);
    expect(validation.rows[0].changes).toEqual([
      { field: "measureIo.columns.title", from: "Turvallisuuskävelyt Malmilla", to: "Turvallisuuskävelyt Malmilla ja Pihlajamäessä" },
    ]);
    expect(validation.rows[1].changes).toEqual([]);

    const audits = auditCount();
    expect(applyImport(viewerById(coordinatorId), planId, file)).toEqual({ ok: true, created: 0, updated: 1, unchanged: 1 });
    const after = planState(planId);
    const p1Before = before.measures.find((m) => m.code === "P1")!;
    const p1After = after.measures.find((m) => m.code === "P1")!;
    expect(p1After).toEqual({
      ...p1Before,
      title: "Turvallisuuskävelyt Malmilla ja Pihlajamäessä",
      version: p1Before.version + 1,
      updatedAt: p1After.updatedAt,
    });
    // The unchanged row: not a single column moved, not even its version.
    expect(after.measures.filter((m) => m.code !== "P1")).toEqual(before.measures.filter((m) => m.code !== "P1"));
    expect({ ...after, measures: null }).toEqual({ ...before, measures: null });
    // One entry for the file and one for the one updated measure; none for the unchanged one.
    expect(auditCount()).toBe(audits + 2);
  });

  it("a file whose cells are empty keeps every stored value: identical rows are 'no changes'", async () => {
    const before = planState(planId);
    const validation = validateImport(planId, await parseOk(fixture("toimenpiteet-tyhjat-solut.csv"), "t.csv"));
    expect(validation.rows.map((r) => [r.code, r.action, r.errors, r.changes])).toEqual([
      ["P1", "unchanged", [], []],
      ["P2", "unchanged", [], []],
    ]);
    expect(validation.counts).toEqual({ create: 0, update: 0, unchanged: 2, errors: 0 });
    expect(planState(planId)).toEqual(before);
  });

  it("the clear marker erases exactly the marked fields, and the preview shows old → new", async () => {
    const file = await parseOk(fixture("toimenpiteet-tyhjennys.csv"), "tyhjennys.csv");
    const [row] = validateImport(planId, file).rows;
    expect(row.errors).toEqual([]);
    expect(row.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ["measureIo.columns.description", "Asukkaat ja poliisi kiertävät Malmin keskustan keväisin ja syksyisin.", null],
      ["measureIo.columns.partners", expect.stringContaining(" | "), null],
      ["measureIo.columns.areas", "district:503 Malmi", { key: "measureIo.preview.cityWide" }],
      ["measureIo.columns.budget", "12000", null],
    ]);
    expect(applyImport(viewerById(coordinatorId), planId, file)).toMatchObject({ ok: true, updated: 1 });
    const p1 = byCode(planId, "P1");
    expect(p1).toMatchObject({
      description: "",
      budgetEur: null,
      cityWide: true,
      startDate: "2026-03-01",
      endDate: "2027-12-31",
      responsibleUserId: expertId,
    });
    expect(areaRefsOf(p1.id)).toEqual([]);
    expect(db().select().from(measurePartners).where(eq(measurePartners.measureId, p1.id)).all()).toEqual([]);
    expect(db().select().from(measureCostShares).where(eq(measureCostShares.measureId, p1.id)).all()).toHaveLength(2);
  });

  it("required fields and the status cannot be cleared", async () => {
    const v = validateImport(planId, await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;tila\nP2;#TYHJÄ;#tom;#clear\n"), "x.csv"));
    expect(errorsOf(v, 2)).toEqual([
      ["measureIo.errors.cannotClear", { column: "otsikko" }],
      ["measureIo.errors.cannotClear", { column: "vastuuorganisaatio" }],
      ["measureIo.errors.cannotClear", { column: "tila" }],
    ]);
  });

  it("a former area stays where it is, but no measure is newly aimed at it", async () => {
    const vanha = db()
      .select()
      .from(areas)
      .where(and(eq(areas.level, "sub_area"), eq(areas.code, "301")))
      .get()!;
    db().update(areas).set({ validUntil: "2020-12-31" }).where(eq(areas.id, vanha.id)).run();
    try {
      const csv = (rows: string[]) =>
        parseOk(enc(["tunnus;otsikko;vastuuorganisaatio;alueet;jatkuva", ...rows].join("\r\n")), "entinen.csv");
      // P2 already targets it: the export's own row is "no changes".
      const kept = validateImport(planId, await csv(["P2;Kotitalouksien paloturvallisuus;Pelastuslaitos;sub_area:301;"]));
      expect(kept.rows.map((r) => [r.code, r.action, r.errors])).toEqual([["P2", "unchanged", []]]);
      // A new measure, or one not aimed there yet, is refused with the date it ended.
      const refused = validateImport(
        planId,
        await csv([
          "P9;Uusi kohde entiselle alueelle;Kymp;sub_area:301;kyllä",
          "P1;Turvallisuuskävelyt Malmilla ja Pihlajamäessä;Kymp;district:503 | sub_area:301;",
        ]),
      );
      expect(errorsOf(refused, 2)).toEqual([
        ["measureIo.errors.formerArea", { column: "alueet", value: "sub_area:301", until: "2020-12-31" }],
      ]);
      expect(errorsOf(refused, 3)).toEqual([
        ["measureIo.errors.formerArea", { column: "alueet", value: "sub_area:301", until: "2020-12-31" }],
      ]);
      expect(i18nFor("fi").t(...(errorsOf(refused, 2)[0] as [string, Record<string, unknown>]))).toContain("entinen alue");
    } finally {
      db().update(areas).set({ validUntil: null }).where(eq(areas.id, vanha.id)).run();
    }
  });

  it("the preview names organisations in the reader's language", async () => {
    const file = await parseOk(
      enc("tunnus;otsikko;vastuuorganisaatio\r\nP1;Turvallisuuskävelyt Malmilla ja Pihlajamäessä;Pelastuslaitos\r\n"),
      "omistaja.csv",
    );
    const owner = (lang: "fi" | "sv" | "en") =>
      validateImport(planId, file, undefined, { lang }).rows[0]!.changes.find((c) => c.field === "measureIo.columns.owner");
    expect(owner("sv")).toEqual({ field: "measureIo.columns.owner", from: "Stadsmiljösektorn", to: "Helsingfors stads räddningsverk" });
    expect(owner("en")).toEqual({
      field: "measureIo.columns.owner",
      from: "Urban Environment Division",
      to: "Helsinki City Rescue Department",
    });
    expect(owner("fi")).toEqual({
      field: "measureIo.columns.owner",
      from: "Kaupunkiympäristön toimiala",
      to: "Helsingin kaupungin pelastuslaitos",
    });
  });

  it("a bare code on two levels is refused by name; a unique bare code still works", async () => {
    const before = planState(planId);
    const v = validateImport(planId, await parseOk(fixture("toimenpiteet-paljaat-koodit.csv"), "paljaat.csv"));
    expect(errorsOf(v, 2)).toEqual([]);
    expect(errorsOf(v, 3)).toEqual([
      [
        "measureIo.errors.ambiguousArea",
        { column: "alueet", value: "301", candidates: "district:301 Kallio, sub_area:301 Vanha Munkkiniemi" },
      ],
    ]);
    expect(
      applyImport(viewerById(coordinatorId), planId, await parseOk(fixture("toimenpiteet-paljaat-koodit.csv"), "paljaat.csv")).ok,
    ).toBe(false);
    expect(planState(planId)).toEqual(before);
    const fi = i18nFor("fi").t(...(errorsOf(v, 3)[0] as [string, Record<string, unknown>]));
    expect(fi).toContain("district:301 Kallio, sub_area:301 Vanha Munkkiniemi");
  });

  it("an Excel-mangled file (CSV or XLSX) without leading zeros is flagged, never silently duplicated", async () => {
    const csv = validateImport(planId, await parseOk(fixture("toimenpiteet-excel-nollat.csv"), "nollat.csv"));
    expect(errorsOf(csv, 2)).toEqual([
      ["measureIo.errors.areaLeadingZeros", { column: "alueet", value: "10", candidates: "sub_area:010 Nollakylä" }],
    ]);
    expect(warningsOf(csv, 2)).toEqual([["measureIo.warnings.codeLeadingZeros", { column: "tunnus", value: "10", match: "010" }]]);

    // The same as Excel saves it: numbers in numeric cells.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Taul1");
    sheet.addRow(["tunnus", "otsikko", "vastuuorganisaatio", "paattyy", "alueet"]);
    sheet.addRow([10, "Vanhan Munkkiniemen valaistus", "Kymp", new Date(Date.UTC(2026, 11, 31)), 10]);
    const xlsx = validateImport(planId, await parseOk(new Uint8Array(await wb.xlsx.writeBuffer()), "nollat.xlsx"));
    expect(xlsx.rows[0].errors.map((e) => splitErrorKey(e)[0])).toEqual(["measureIo.errors.areaLeadingZeros"]);
    expect(xlsx.rows[0].warnings.map((e) => splitErrorKey(e)[0])).toEqual(["measureIo.warnings.codeLeadingZeros"]);

    // With its areas written out, the new code still carries its warning to the preview.
    const fixed = validateImport(
      planId,
      await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;paattyy;alueet\n10;Uusi;Kymp;31.12.2026;sub_area:010\n"), "x.csv"),
    );
    expect(fixed.rows[0]).toMatchObject({ action: "create", errors: [] });
    expect(fixed.rows[0].warnings).toHaveLength(1);
  });
});

describe("an export imported back as it is changes nothing", () => {
  it("CSV and XLSX, in Finnish, Swedish and English: no updates, no version bumps, no audit entries", async () => {
    const planId = createPlan("Edestakaisin");
    expect(applyImport(viewerById(coordinatorId), planId, await parseOk(fixture("toimenpiteet-taysi.csv"), "taysi.csv"))).toMatchObject({
      ok: true,
      created: 3,
    });
    // A measure aimed at both colliding areas, and one with line breaks in its description.
    const mixed =
      "tunnus;otsikko;kuvaus;vastuuorganisaatio;paattyy;alueet\n" +
      'M1;Kaksi aluetta;"Rivi 1\nRivi 2";Kymp;31.12.2026;district:301 | sub_area:301\n';
    expect(applyImport(viewerById(coordinatorId), planId, await parseOk(enc(mixed), "m.csv"))).toMatchObject({ ok: true, created: 1 });
    expect(areaRefsOf(byCode(planId, "M1").id)).toEqual(["district:301", "sub_area:301"]);

    const before = planState(planId);
    for (const lang of ["fi", "sv", "en"] as const) {
      const t = i18nFor(lang).t;
      const rows = exportMeasures({ planId }, { publicOnly: false, lang });
      expect(rows.find((r) => r.code === "P2")!.areas).toEqual(["sub_area:301"]);
      for (const [name, bytes] of [
        ["vienti.csv", enc(toCsv(rows, t, { lang }))],
        ["vienti.xlsx", new Uint8Array(await toXlsx(rows, t, { lang }))],
      ] as const) {
        const file = await parseOk(bytes, name);
        const validation = validateImport(planId, file);
        expect(validation.rows.map((r) => [r.code, r.action, r.errors, r.changes])).toEqual(rows.map((r) => [r.code, "unchanged", [], []]));
        const audits = auditCount();
        expect(applyImport(viewerById(coordinatorId), planId, file)).toEqual({ ok: true, created: 0, updated: 0, unchanged: 4 });
        expect(planState(planId)).toEqual(before);
        // Only the file-level entry of the import itself.
        expect(auditCount()).toBe(audits + 1);
      }
    }
  });
});

describe("measures as a city keeps them", () => {
  it("reads free-text statuses in three languages, and names the accepted words when it cannot", async () => {
    expect(["Toteutettu", "Valmis", "toteutettu", "Genomförd", "done"].map(parseStatus)).toEqual(Array(5).fill("completed"));
    expect(["Aloitettu", "aloitettu", "Påbörjad", "started", "Käynnissä"].map(parseStatus)).toEqual(Array(5).fill("in_progress"));
    expect(["Suunniteltu", "Planerad", "planned"].map(parseStatus)).toEqual(Array(3).fill("approved"));
    const planId = createPlan("Tilasanat");
    const v = validateImport(
      planId,
      await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;paattyy;tila\nS1;Jotain;Kymp;2026;Puolivalmis\n"), "s.csv"),
    );
    const [key, params] = errorsOf(v, 2)[0];
    expect(key).toBe("measureIo.errors.unknownStatus");
    expect(i18nFor("fi").t(key, params)).toContain("Suunniteltu, Aloitettu, Toteutettu");
    expect(i18nFor("sv").t(key, params)).toContain("Föreslagen, Godkänd, Pågår");
  });

  it("reads years and year ranges as dates, with warnings", () => {
    expect(readTimeline("2011–2014")).toEqual({ start: "2011-01-01", end: "2014-12-31", fromYears: true });
    expect(readTimeline("2011-2014")).toEqual({ start: "2011-01-01", end: "2014-12-31", fromYears: true });
    expect(readTimeline("2012")).toEqual({ start: "2012-01-01", end: "2012-12-31", fromYears: true });
    expect(readTimeline("1.3.2026 – 30.6.2026")).toEqual({ start: "2026-03-01", end: "2026-06-30", fromYears: false });
    expect(readTimeline("2014–2011")).toBeNull();
    expect(readTimeline("pian")).toBeNull();
  });

  it("imports the 2011–2014 plan's own spreadsheet: statuses, timelines and the plan-period warning", async () => {
    const planId = createPlan("Turvallisuussuunnitelma 2011–2014", ["2011-01-01", "2014-12-31"]);
    const file = await parseOk(fixture("toimenpiteet-2011-2014.csv"), "toimenpiteet-2011-2014.csv");
    const v = validateImport(planId, file);
    expect(v.rows.map((r) => [r.code, r.action, r.errors, r.status, r.input?.startDate, r.input?.endDate])).toEqual([
      ["1.1", "create", [], "completed", "2011-01-01", "2014-12-31"],
      ["1.2", "create", [], "completed", "2012-01-01", "2012-12-31"],
      ["1.3", "create", [], "in_progress", "2013-01-01", "2016-12-31"],
      ["2.1", "create", [], "approved", "2011-01-01", "2011-12-31"],
      ["2.2", "create", [], "completed", "2009-01-01", "2010-12-31"],
      ["2.3", "create", [], "in_progress", "2014-01-01", "2014-12-31"],
    ]);
    expect(warningsOf(v, 2)).toEqual([
      ["measureIo.warnings.yearAsDates", { column: "Aikataulu", value: "2011–2014", start: "2011-01-01", end: "2014-12-31" }],
    ]);
    expect(warningsOf(v, 4).map((w) => w[0])).toEqual(["measureIo.warnings.yearAsDates", "measureIo.warnings.outsidePlan"]);
    expect(warningsOf(v, 6).map((w) => w[0])).toEqual(["measureIo.warnings.yearAsDates", "measureIo.warnings.outsidePlan"]);
    expect(warningsOf(v, 4)[1][1]).toEqual({ start: "2013-01-01", end: "2016-12-31", periodStart: "2011-01-01", periodEnd: "2014-12-31" });

    expect(applyImport(viewerById(coordinatorId), planId, file, { unpublished: true })).toMatchObject({ ok: true, created: 6 });
    expect(byCode(planId, "1.1")).toMatchObject({ status: "completed", progress: 100, published: false });
    expect(areaRefsOf(byCode(planId, "1.3").id)).toEqual(["district:503"]);
    // The same file again: nothing changes, and the publication stays as it was.
    expect(validateImport(planId, file).counts).toEqual({ create: 0, update: 0, unchanged: 6, errors: 0 });
  });

  it("a year in the start or end column is that year's first or last day", async () => {
    const planId = createPlan("Vuodet");
    const v = validateImport(
      planId,
      await parseOk(
        enc("tunnus;otsikko;vastuuorganisaatio;alkaa;paattyy\nY1;Vuosina;Kymp;2026;2027\nY2;Väli alkaa-sarakkeessa;Kymp;2025–2026;\n"),
        "y.csv",
      ),
    );
    expect(v.rows.map((r) => [r.errors, r.input?.startDate, r.input?.endDate])).toEqual([
      [[], "2026-01-01", "2027-12-31"],
      [[], "2025-01-01", "2026-12-31"],
    ]);
    expect(warningsOf(v, 2)).toEqual([
      ["measureIo.warnings.yearAsDate", { column: "alkaa", value: "2026", date: "2026-01-01" }],
      ["measureIo.warnings.yearAsDate", { column: "paattyy", value: "2027", date: "2027-12-31" }],
    ]);
  });
});
