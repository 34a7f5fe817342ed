// Export and import of measures against the real database: file formats Finnish offices actually
// produce, per-row errors that write nothing, re-import by code, and export visibility.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  followUps,
  measureAreas,
  measureCostShares,
  measureGoals,
  measurePartners,
  measures,
  organisations,
  priorityAreas,
  safetyPlans,
  strategies,
  strategyGoals,
} from "../../db/schema";
import { i18nFor } from "~/i18n/i18n.server";
import { db } from "~/server/platform/db.server";
import {
  applyImport,
  exportMeasures,
  parseBoolean,
  parseDate,
  parseMeasureFile,
  parseStatus,
  toCsv,
  toXlsx,
  validateImport,
  type ParsedFile,
} from "~/server/city/measure-io.server";
import { parseNumber } from "~/server/city/indicator-figures";
import { addFollowUp, decideMeasure } from "~/server/city/measures.server";
import { splitErrorKey } from "~/forms/z";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

let coordinatorId: string;
let expertId: string;

/** A plan of the test's own, so the demo city's measures never interfere. */
function createPlan(name: string, opts: { published?: boolean } = {}) {
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
    .values({
      nameFi: name,
      strategyId: strategy.id,
      periodStart: "2025-01-01",
      periodEnd: "2028-12-31",
      status: "in_force",
      published: opts.published ?? false,
    })
    .returning()
    .get();
  for (const code of ["1", "2", "3"])
    d.insert(priorityAreas)
      .values({ planId: plan.id, code, nameFi: `Painopiste ${code}` })
      .run();
  return plan.id;
}

const enc = (text: string) => new TextEncoder().encode(text);
const bom = (text: string) => enc("\uFEFF" + text);
const measureCount = (planId: number) => db().select({ n: count() }).from(measures).where(eq(measures.planId, planId)).get()!.n;
const byCode = (planId: number, code: string) =>
  db()
    .select()
    .from(measures)
    .where(eq(measures.planId, planId))
    .all()
    .find((m) => m.code === code)!;

async function parseOk(bytes: Uint8Array, name: string): Promise<ParsedFile> {
  const parsed = await parseMeasureFile(bytes, name);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.errors.join(", ")}`);
  return parsed.file;
}

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
  expertId = userIdOf(DEMO.expert);
});

describe("values as people type them", () => {
  it("reads ISO and Finnish dates and refuses impossible ones", () => {
    expect(parseDate("2026-03-31")).toBe("2026-03-31");
    expect(parseDate("31.3.2026")).toBe("2026-03-31");
    expect(parseDate("01.03.2026")).toBe("2026-03-01");
    expect(parseDate("31.2.2026")).toBeNull();
    expect(parseDate("3/31/2026")).toBeNull();
    expect(parseDate("huomenna")).toBeNull();
  });

  it("reads Finnish and English numbers", () => {
    expect(parseNumber("24 000,50")).toBe(24000.5);
    expect(parseNumber("24\u00a0000,50 €")).toBe(24000.5);
    expect(parseNumber("24000.50")).toBe(24000.5);
    expect(parseNumber("24,000.50")).toBe(24000.5);
    expect(parseNumber("1.000.000")).toBe(1000000);
    expect(parseNumber("paljon")).toBeNull();
  });

  it("reads yes/no in three languages and statuses by name or code", () => {
    expect(["kyllä", "Kyllä", "ja", "yes", "1", "x"].map(parseBoolean)).toEqual([true, true, true, true, true, true]);
    expect(["ei", "nej", "no", "0", ""].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect(parseBoolean("ehkä")).toBeNull();
    expect(["Käynnissä", "kaynnissa", "Pågår", "In progress", "in_progress"].map(parseStatus)).toEqual(Array(5).fill("in_progress"));
    expect(parseStatus("valmis")).toBe("completed");
    expect(parseStatus("sekaisin")).toBeNull();
  });
});

describe("reading files", () => {
  it("reads a comma-separated UTF-8 file without a BOM, with English headers", async () => {
    const file = await parseOk(enc("code,title,owner,end\n1.1,Turvallinen koulutie,Kasko,2026-12-31\n"), "measures.csv");
    expect(file.rows).toEqual([
      { rowNumber: 2, values: { code: "1.1", title: "Turvallinen koulutie", owner: "Kasko", end: "2026-12-31" } },
    ]);
    expect(file.columns).toMatchObject({ code: "code", title: "title", owner: "owner" });
  });

  it("reads a semicolon file with a BOM, CRLF and a quoted field holding newlines and semicolons", async () => {
    const csv =
      'tunnus;otsikko;kuvaus;vastuuorganisaatio;jatkuva\r\n2.1;Yökävelyt;"Ensimmäinen rivi;\r\ntoinen ""rivi""";Kymp;kyllä\r\n\r\n2.2;Toinen;;Kymp;kyllä\r\n';
    const file = await parseOk(bom(csv), "toimenpiteet.csv");
    expect(file.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(file.rows[0].values.description).toBe('Ensimmäinen rivi;\r\ntoinen "rivi"');
    expect(file.rows[0].values.title).toBe("Yökävelyt");
  });

  it("reads Windows-1252 text from older Finnish Excel", async () => {
    const latin1 = Uint8Array.from(
      Buffer.from("tunnus;otsikko;vastuuorganisaatio;jatkuva\n3.1;Yhteisöllinen päivä;Kymp;kyllä\n", "latin1"),
    );
    const file = await parseOk(latin1, "vanha.csv");
    expect(file.rows[0].values.title).toBe("Yhteisöllinen päivä");
  });

  it("matches header names regardless of case, accents and spacing, and ignores unknown columns", async () => {
    const file = await parseOk(
      enc("TUNNUS;Otsikko;Vastuuorganisaatio;Päättyy;Vastuuhenkilö;Muistiinpanot\n1;Abc;Kymp;1.1.2027;a@b.fi;x\n"),
      "x.csv",
    );
    expect(file.rows[0].values).toEqual({ code: "1", title: "Abc", owner: "Kymp", end: "1.1.2027", responsible: "a@b.fi" });
  });

  it("refuses wrong file types, old .xls, missing required columns, empty and unreadable files", async () => {
    const errorsOf = async (bytes: Uint8Array, name: string) => {
      const r = await parseMeasureFile(bytes, name);
      return r.ok ? [] : r.errors.map((e) => splitErrorKey(e)[0]);
    };
    expect(await errorsOf(enc("%PDF-1.4"), "plan.pdf")).toEqual(["measureIo.errors.wrongType"]);
    expect(await errorsOf(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "vanha.xls")).toEqual(["measureIo.errors.xlsNotSupported"]);
    expect(await errorsOf(enc("tunnus;kuvaus\n1;x\n"), "a.csv")).toEqual(["measureIo.errors.missingColumns"]);
    expect(await errorsOf(enc("tunnus;otsikko;vastuuorganisaatio\n"), "a.csv")).toEqual(["measureIo.errors.empty"]);
    expect(await errorsOf(enc("tunnus;otsikko;vastuuorganisaatio;tunnus\n1;a;b;1\n"), "a.csv")).toEqual([
      "measureIo.errors.duplicateColumn",
    ]);
    expect(await errorsOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "rikki.xlsx")).toEqual(["measureIo.errors.unreadable"]);
    const missing = await parseMeasureFile(enc("tunnus;kuvaus\n1;x\n"), "a.csv");
    expect(!missing.ok && splitErrorKey(missing.errors[0])[1]).toEqual({ columns: "otsikko, vastuuorganisaatio" });
  });
});

describe("importing", () => {
  const GOOD = [
    "code,title,description,priority_area,owner,responsible_email,partners,start,end,continuous,areas,budget_eur,cost_shares,status,goals",
    `G1,Someturva-pilotti,"Digitaalinen palvelu, vuoden pilotti",2,Kanslia,${DEMO.expert},Sote | SPR,2026-01-01,2026-12-31,no,,24000,Kanslia 60 | Sote 40,,1 | 3`,
    "G2,Turvallisuuskävelyt,,1,Kaupunkiympäristön toimiala,,Poliisi,2026-02-01,,yes,301 | 503,,,approved,",
  ].join("\n");

  it("imports a good CSV file in one go", async () => {
    const planId = createPlan("Hyvä tiedosto");
    const file = await parseOk(enc(GOOD), "good.csv");
    const validation = validateImport(planId, file);
    expect(validation.rows.map((r) => [r.rowNumber, r.code, r.action, r.errors])).toEqual([
      [2, "G1", "create", []],
      [3, "G2", "create", []],
    ]);
    expect(applyImport(viewerById(coordinatorId), planId, file)).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0 });

    const g1 = byCode(planId, "G1");
    expect(g1).toMatchObject({
      title: "Someturva-pilotti",
      description: "Digitaalinen palvelu, vuoden pilotti",
      status: "proposed",
      budgetEur: 24000,
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      continuous: false,
      cityWide: true,
      responsibleUserId: expertId,
      proposedById: coordinatorId,
      version: 1,
    });
    const orgName = (id: number) => db().select().from(organisations).where(eq(organisations.id, id)).get()!.shortName;
    expect(
      db()
        .select()
        .from(measurePartners)
        .where(eq(measurePartners.measureId, g1.id))
        .all()
        .map((p) => orgName(p.organisationId))
        .sort(),
    ).toEqual(["SPR", "Sote"]);
    expect(
      db()
        .select()
        .from(measureCostShares)
        .where(eq(measureCostShares.measureId, g1.id))
        .all()
        .map((s) => [orgName(s.organisationId), s.percent])
        .sort(),
    ).toEqual([
      ["Kanslia", 60],
      ["Sote", 40],
    ]);
    expect(db().select().from(measureGoals).where(eq(measureGoals.measureId, g1.id)).all()).toHaveLength(2);

    const g2 = byCode(planId, "G2");
    expect(g2).toMatchObject({ status: "approved", approvedById: coordinatorId, continuous: true, endDate: null, cityWide: false });
    const areaCodes = db()
      .select({ code: areas.code })
      .from(measureAreas)
      .innerJoin(areas, eq(areas.id, measureAreas.areaId))
      .where(eq(measureAreas.measureId, g2.id))
      .all()
      .map((a) => a.code)
      .sort();
    expect(areaCodes).toEqual(["301", "503"]);
  });

  it("imports a semicolon file with a BOM, Finnish dates and numbers, and Finnish or Swedish words", async () => {
    const planId = createPlan("Suomalainen Excel");
    const csv = [
      "tunnus;otsikko;kuvaus;painopistealue;vastuuorganisaatio;vastuuhenkilo;kumppanit;alkaa;paattyy;jatkuva;alueet;budjetti_eur;kustannusjako;tila;strategiatavoitteet",
      '2.1;Nuorten ilta;"Perjantai-iltojen toiminta;\r\nkaksi ohjaajaa";2;Nuorisopalvelut;;;1.3.2026;31.12.2026;ei;Kallio;24 000,50;Nuoriso 50 | Kasko 50;Hyväksytty;2',
      "2.2;Kotitalouksien paloturvallisuus;;3;Pelastuslaitos;;;01.02.2026;;kyllä;;;;Pågår;",
    ].join("\r\n");
    const file = await parseOk(bom(csv + "\r\n"), "toimenpiteet.csv");
    const validation = validateImport(planId, file);
    expect(validation.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(applyImport(viewerById(coordinatorId), planId, file)).toMatchObject({ ok: true, created: 2 });
    expect(byCode(planId, "2.1")).toMatchObject({
      description: "Perjantai-iltojen toiminta;\r\nkaksi ohjaajaa",
      startDate: "2026-03-01",
      endDate: "2026-12-31",
      budgetEur: 24000.5,
      status: "approved",
    });
    expect(byCode(planId, "2.2")).toMatchObject({ startDate: "2026-02-01", continuous: true, status: "in_progress" });
  });

  it("reports broken rows with their row numbers and column names, and writes nothing", async () => {
    const planId = createPlan("Rikkinäinen");
    const csv = [
      "tunnus;otsikko;vastuuorganisaatio;paattyy;kustannusjako;jatkuva",
      "B1;;Kymp;31.12.2026;;", // missing title
      "B2;Tuntematon omistaja;Olematon virasto;31.12.2026;;", // unknown organisation
      "B3;Väärä jako;Kymp;31.12.2026;Kymp 60 | Sote 30;", // shares total 90
      "B4;Huono päivä;Kymp;31.13.2026;;", // not a date
      "B5;Kunnossa oleva;Kymp;31.12.2026;;",
      "B5;Sama tunnus;Kymp;31.12.2026;;", // duplicate code in the file
      "B7;Ei loppua;Kymp;;;ei", // neither end nor continuous
    ].join("\n");
    const file = await parseOk(enc(csv), "broken.csv");
    const validation = validateImport(planId, file);
    expect(validation.ok).toBe(false);
    const keys = (row: number) => validation.rows.find((r) => r.rowNumber === row)!.errors.map((e) => splitErrorKey(e));
    expect(keys(2)).toEqual([["measureIo.errors.required", { column: "otsikko" }]]);
    expect(keys(3)).toEqual([["measureIo.errors.unknownOrganisation", { column: "vastuuorganisaatio", value: "Olematon virasto" }]]);
    expect(keys(4)).toEqual([["measureIo.errors.costSharesTotal", { column: "kustannusjako", total: 90 }]]);
    expect(keys(5)).toEqual([["measureIo.errors.date", { column: "paattyy", value: "31.13.2026" }]]);
    expect(keys(6)).toEqual([]);
    expect(keys(7)).toEqual([["measureIo.errors.duplicateCode", { code: "B5", row: 6 }]]);
    expect(keys(8)).toEqual([["measureIo.errors.endOrContinuous", {}]]);
    expect(validation.counts).toEqual({ create: 1, update: 0, unchanged: 0, errors: 6 });

    const result = applyImport(viewerById(coordinatorId), planId, file);
    expect(result.ok).toBe(false);
    expect(measureCount(planId)).toBe(0);
  });

  it("renders row errors in the reader's language", async () => {
    const planId = createPlan("Kielet");
    const file = await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;paattyy\nX1;Otsikko;Olematon;2026-01-01\n"), "a.csv");
    const [error] = validateImport(planId, file).rows[0].errors;
    const [key, params] = splitErrorKey(error);
    const texts = await Promise.all((["fi", "sv", "en"] as const).map(async (l) => i18nFor(l).t(key, params)));
    expect(texts).toEqual([
      "vastuuorganisaatio: organisaatiota ”Olematon” ei löydy.",
      "vastuuorganisaatio: organisationen ”Olematon” hittades inte.",
      "vastuuorganisaatio: no organisation “Olematon” was found.",
    ]);
  });

  it("re-importing updates by code instead of duplicating, and keeps the follow-up history", async () => {
    const planId = createPlan("Uudelleentuonti");
    const csv = (title: string) =>
      `tunnus;otsikko;vastuuorganisaatio;paattyy;tila\nR1;${title};Kymp;31.12.2026;Hyväksytty\nR2;Toinen;Kymp;31.12.2026;\n`;
    const first = await parseOk(enc(csv("Alkuperäinen")), "r.csv");
    expect(applyImport(viewerById(coordinatorId), planId, first)).toMatchObject({ ok: true, created: 2 });
    const r1 = byCode(planId, "R1");
    expect(
      addFollowUp(viewerById(expertId), r1.id, r1.version, {
        status: "in_progress",
        progress: 30,
        done: "Aloitettu",
        next: "",
        obstacles: "",
        publicText: "",
      }),
    ).toMatchObject({ ok: true });
    const afterFollowUp = byCode(planId, "R1");

    // The same file again: nothing to do.
    const again = validateImport(planId, await parseOk(enc(csv("Alkuperäinen").replace("Hyväksytty", "Käynnissä")), "r.csv"));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, errors: 0 });

    // A changed title: one update, same measure, new version, history untouched.
    const changed = await parseOk(enc(csv("Muutettu otsikko").replace("Hyväksytty", "")), "r.csv");
    expect(validateImport(planId, changed).rows.map((r) => r.action)).toEqual(["update", "unchanged"]);
    expect(applyImport(viewerById(coordinatorId), planId, changed)).toEqual({ ok: true, created: 0, updated: 1, unchanged: 1 });
    expect(measureCount(planId)).toBe(2);
    const updated = byCode(planId, "R1");
    expect(updated).toMatchObject({
      id: r1.id,
      title: "Muutettu otsikko",
      status: "in_progress",
      progress: 30,
      version: afterFollowUp.version + 1,
    });
    expect(updated.lastFollowUpAt).toEqual(afterFollowUp.lastFollowUpAt);
    expect(db().select().from(followUps).where(eq(followUps.measureId, r1.id)).all()).toHaveLength(1);

    // Moving a status backwards is not an import's business.
    const backwards = validateImport(planId, await parseOk(enc(csv("Muutettu otsikko").replace("Hyväksytty", "Ehdotettu")), "r.csv"));
    expect(backwards.rows[0].errors.map((e) => splitErrorKey(e))).toEqual([
      ["measureIo.errors.statusTransition", { column: "tila", from: "in_progress", to: "proposed" }],
    ]);
  });

  it("re-validates inside the transaction: a code taken after the preview still cannot duplicate", async () => {
    const planId = createPlan("Kilpailu");
    const file = await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;paattyy\nK1;Kilpaileva;Kymp;31.12.2026\n"), "k.csv");
    expect(validateImport(planId, file).rows[0].action).toBe("create");
    // Someone imports the same code in between; the confirm then updates (here: nothing changes).
    expect(applyImport(viewerById(coordinatorId), planId, file)).toMatchObject({ created: 1 });
    expect(applyImport(viewerById(coordinatorId), planId, file)).toEqual({ ok: true, created: 0, updated: 0, unchanged: 1 });
    expect(measureCount(planId)).toBe(1);
  });

  it("the shipped templates import cleanly", async () => {
    const planId = createPlan("Mallit");
    for (const name of ["toimenpiteet-malli.csv", "toimenpiteet-malli.xlsx"]) {
      const bytes = new Uint8Array(readFileSync(join(process.cwd(), "public", "templates", name)));
      const file = await parseOk(bytes, name);
      const validation = validateImport(planId, file);
      expect(validation.rows.map((r) => [r.code, r.action, r.errors])).toEqual([
        ["9.1", "create", []],
        ["9.2", "create", []],
      ]);
    }
    const csv = readFileSync(join(process.cwd(), "public", "templates", "toimenpiteet-malli.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain(
      "\uFEFFtunnus;otsikko;kuvaus;painopistealue;vastuuorganisaatio;vastuuhenkilo;kumppanit;alkaa;paattyy;jatkuva;alueet;budjetti_eur;kustannusjako;tila;strategiatavoitteet;otsikko_sv;otsikko_en;kuvaus_sv;kuvaus_en\r\n",
    );
  });
});

describe("exporting", () => {
  async function seedExportPlan(name: string, published: boolean) {
    const planId = createPlan(name, { published });
    const csv = [
      "tunnus;otsikko;kuvaus;painopistealue;vastuuorganisaatio;vastuuhenkilo;kumppanit;alkaa;paattyy;jatkuva;alueet;budjetti_eur;kustannusjako;tila;strategiatavoitteet",
      `E1;=Kaava-alkuinen otsikko;"Kuvaus, jossa; erottimia\nja rivinvaihto";1;Kanslia;${DEMO.expert};Sote | Poliisi;1.1.2026;31.12.2026;ei;301 | 503;24 000,50;Kanslia 60 | Sote 40;Hyväksytty;1 | 2`,
      "E2;Jatkuva toimenpide;;2;Kymp;;;2026-02-01;;kyllä;;;;Käynnissä;",
      "E3;Pelkkä ehdotus;;2;Kymp;;;2026-02-01;2026-06-30;;;;;;",
      "E4;Piilotettu;;3;Kymp;;;2026-02-01;2026-06-30;;;;;Hyväksytty;",
    ].join("\n");
    expect(applyImport(viewerById(coordinatorId), planId, await parseOk(enc(csv), "e.csv"))).toMatchObject({ ok: true, created: 4 });
    db()
      .update(measures)
      .set({ published: false })
      .where(eq(measures.id, byCode(planId, "E4").id))
      .run();
    return planId;
  }

  it("exports every matching row (not one page), and the XLSX round trip changes nothing", async () => {
    const planId = await seedExportPlan("Vienti", false);
    const rows = exportMeasures({ planId }, { publicOnly: false, lang: "fi" });
    expect(rows.map((r) => r.code)).toEqual(["E1", "E2", "E3", "E4"]);
    expect(rows[0]).toMatchObject({
      title: "=Kaava-alkuinen otsikko",
      responsibleEmail: DEMO.expert,
      areas: ["district:301", "district:503"],
      goals: ["1", "2"],
      budgetEur: 24000.5,
      status: "approved",
    });
    expect(exportMeasures({ planId, status: ["in_progress"] }, { publicOnly: false, lang: "fi" }).map((r) => r.code)).toEqual(["E2"]);

    for (const lang of ["fi", "sv", "en"] as const) {
      const t = i18nFor(lang).t;
      const xlsx = await toXlsx(rows, t, { lang });
      const fromXlsx = validateImport(planId, await parseOk(new Uint8Array(xlsx), "vienti.xlsx"));
      expect(fromXlsx.rows.map((r) => [r.code, r.action, r.errors])).toEqual(rows.map((r) => [r.code, "unchanged", []]));
      const csv = toCsv(rows, t, { lang });
      const fromCsv = validateImport(planId, await parseOk(enc(csv), "vienti.csv"));
      expect(fromCsv.rows.map((r) => [r.code, r.action, r.errors])).toEqual(rows.map((r) => [r.code, "unchanged", []]));
    }
  });

  it("writes a semicolon CSV with a BOM and translated headers, guarding formula-like cells", async () => {
    const planId = await seedExportPlan("CSV-vienti", false);
    const rows = exportMeasures({ planId }, { publicOnly: false, lang: "fi" });
    const csv = toCsv(rows, i18nFor("fi").t, { lang: "fi" });
    expect(csv.startsWith("\uFEFFTunnus;Otsikko;Kuvaus;")).toBe(true);
    expect(csv).toContain(`E1;'=Kaava-alkuinen otsikko;"Kuvaus, jossa; erottimia\nja rivinvaihto";1;`);
    expect(csv).toContain("24000,5;Kaupunginkanslia, turvallisuus- ja valmiusyksikkö 60 | ");
    const en = toCsv(exportMeasures({ planId }, { publicOnly: false, lang: "en" }), i18nFor("en").t, { lang: "en" });
    expect(en.startsWith("\uFEFFCode;Title;Description;Priority area;Owner;")).toBe(true);
    expect(en).toContain("24000.5;City Executive Office, Safety and Preparedness Unit 60 | ");
  });

  it("writes a proper workbook: bold frozen header, dates as dates", async () => {
    const planId = await seedExportPlan("XLSX-vienti", false);
    const rows = exportMeasures({ planId }, { publicOnly: false, lang: "fi" });
    const buffer = await toXlsx(rows, i18nFor("fi").t, { lang: "fi" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe("Toimenpiteet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe("Tunnus");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const start = sheet.getRow(2).getCell(8).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(sheet.getRow(2).getCell(12).value).toBe(24000.5);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
  });

  it("shows the public only published measures of published plans, never proposals or emails", async () => {
    const hidden = await seedExportPlan("Julkaisematon", false);
    expect(exportMeasures({ planId: hidden }, { publicOnly: true, lang: "fi" })).toEqual([]);
    const shown = await seedExportPlan("Julkaistu", true);
    const rows = exportMeasures({ planId: shown }, { publicOnly: true, lang: "fi" });
    expect(rows.map((r) => r.code)).toEqual(["E1", "E2"]);
    expect(rows.every((r) => r.responsibleEmail === "")).toBe(true);
    // A proposal that gets approved becomes public.
    const e3 = byCode(shown, "E3");
    expect(decideMeasure(viewerById(coordinatorId), e3.id, e3.version, "approved")).toEqual({ ok: true });
    expect(exportMeasures({ planId: shown }, { publicOnly: true, lang: "fi" }).map((r) => r.code)).toEqual(["E1", "E2", "E3"]);
  });
});
