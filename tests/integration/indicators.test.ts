// Indicators against the real database: one row per indicator + kind + area + period (the whole
// city included), periods checked against the time resolution, CSV files as cities get them
// (comma or semicolon, BOM or not, Finnish decimals), all-or-nothing import, re-import updating
// in place, and the on-track rule for both good directions.
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, indicators, indicatorValues, measures, priorityAreas, safetyPlans } from "../../db/schema";
import { parseMeasureCodes } from "~/forms/indicators";
import { splitErrorKey } from "~/forms/z";
import { i18nFor } from "~/i18n/i18n.server";
import { db } from "~/server/platform/db.server";
import {
  applicableTarget,
  applyIndicatorImport,
  createIndicator as createDefinition,
  getIndicator,
  getIndicatorDefinition,
  indicatorMeasureCodes,
  indicatorPriorityAreaIds,
  indicatorTemplateCsv,
  indicatorsForMeasure,
  indicatorsForPriorityArea,
  linkIndicatorToMeasures,
  linkIndicatorToPriorityAreas,
  listIndicators,
  meetsTarget,
  parseIndicatorCsv,
  periodProblem,
  summarise,
  updateIndicator,
  upsertIndicatorValue,
  validateIndicatorImport,
  type IndicatorCsv,
  type IndicatorDefinitionInput,
} from "~/server/city/indicators.server";
import { normalizePeriod } from "~/server/city/indicator-figures";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

let coordinatorId: string;
let yearly: number;
let monthly: number;
let share: number;
let kallio: number;
let keskinen: number;

/** Indicators of the test's own, so the demo city's values never interfere. */
function createIndicator(key: string, opts: { unit?: string; direction?: "up" | "down"; resolution?: "year" | "month" } = {}) {
  return db()
    .insert(indicators)
    .values({
      key,
      nameFi: `Testi ${key}`,
      unit: opts.unit ?? "kpl",
      source: "Testi",
      direction: opts.direction ?? "down",
      resolution: opts.resolution ?? "year",
    })
    .returning()
    .get().id;
}

const rowsOf = (indicatorId: number) =>
  db().select().from(indicatorValues).where(eq(indicatorValues.indicatorId, indicatorId)).orderBy(indicatorValues.id).all();
const valueCount = () => db().select({ n: count() }).from(indicatorValues).get()!.n;
const enc = (text: string) => new TextEncoder().encode(text);

function parsed(text: string, filename = "arvot.csv"): IndicatorCsv {
  const result = parseIndicatorCsv(enc(text), filename);
  if (!result.ok) throw new Error(`parse failed: ${result.errors.join(", ")}`);
  return result.file;
}

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
  yearly = createIndicator("testi-vuosi");
  monthly = createIndicator("testi-kuukausi", { resolution: "month", direction: "up" });
  share = createIndicator("testi-osuus", { unit: "%", direction: "up" });
  kallio = db()
    .select()
    .from(areas)
    .where(and(eq(areas.level, "district"), eq(areas.code, "301")))
    .get()!.id;
  keskinen = db()
    .select()
    .from(areas)
    .where(and(eq(areas.level, "major_district"), eq(areas.code, "3")))
    .get()!.id;
});

describe("saving values", () => {
  it("keeps one row per indicator, kind, area and period, the whole city included", () => {
    const first = upsertIndicatorValue(viewerById(coordinatorId), {
      indicatorId: yearly,
      kind: "actual",
      areaId: null,
      period: "2024",
      value: 10,
    });
    expect(first).toMatchObject({ ok: true, created: true, changed: true });
    const again = upsertIndicatorValue(viewerById(coordinatorId), {
      indicatorId: yearly,
      kind: "actual",
      areaId: null,
      period: "2024",
      value: 12.5,
    });
    expect(again).toMatchObject({ ok: true, created: false, changed: true });
    expect(again.ok && first.ok && again.id).toBe(first.ok && first.id);
    const same = upsertIndicatorValue(viewerById(coordinatorId), {
      indicatorId: yearly,
      kind: "actual",
      areaId: null,
      period: "2024",
      value: 12.5,
    });
    expect(same).toMatchObject({ ok: true, created: false, changed: false });

    // The same period as a target, and for an area, are rows of their own.
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: yearly, kind: "target", areaId: null, period: "2024", value: 11 }),
    ).toMatchObject({ ok: true, created: true });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: yearly, kind: "actual", areaId: kallio, period: "2024", value: 20 }),
    ).toMatchObject({ ok: true, created: true });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: yearly, kind: "actual", areaId: kallio, period: "2024", value: 21 }),
    ).toMatchObject({ ok: true, created: false });

    const rows = rowsOf(yearly).map((r) => [r.kind, r.areaId, r.period, r.value]);
    expect(rows).toEqual([
      ["actual", null, "2024", 12.5],
      ["target", null, "2024", 11],
      ["actual", kallio, "2024", 21],
    ]);
    const audited = db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "indicator.valueSaved"), eq(auditLog.targetId, String(yearly))))
      .get()!.n;
    expect(audited).toBe(5);
  });

  it("the database itself refuses a second city-wide row (NULL area is not distinct)", () => {
    expect(() =>
      db().insert(indicatorValues).values({ indicatorId: yearly, kind: "actual", areaId: null, period: "2024", value: 1 }).run(),
    ).toThrow(/UNIQUE/);
    expect(rowsOf(yearly).filter((r) => r.areaId === null && r.kind === "actual" && r.period === "2024")).toHaveLength(1);
  });

  it("checks the period against the indicator's time resolution", () => {
    expect(periodProblem("2025", "year")).toBeNull();
    expect(periodProblem("2025-03", "month")).toBeNull();
    expect(periodProblem("2025-03", "year")).toBe("indicators.errors.periodYear");
    expect(periodProblem("25", "year")).toBe("indicators.errors.periodYear");
    expect(periodProblem("1800", "year")).toBe("indicators.errors.periodYear");
    expect(periodProblem("2025", "month")).toBe("indicators.errors.periodMonth");
    expect(periodProblem("2025-13", "month")).toBe("indicators.errors.periodMonth");
    expect(["2025-3", "3/2025", "03.2025", "2025/03"].map(normalizePeriod)).toEqual(["2025-03", "2025-03", "2025-03", "2025-03"]);

    const before = valueCount();
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: yearly, kind: "actual", areaId: null, period: "2025-03", value: 1 }),
    ).toMatchObject({ ok: false, reason: "period", error: "indicators.errors.periodYear" });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: monthly, kind: "actual", areaId: null, period: "2025", value: 1 }),
    ).toMatchObject({ ok: false, reason: "period", error: "indicators.errors.periodMonth" });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: monthly, kind: "actual", areaId: null, period: "2025-13", value: 1 }),
    ).toMatchObject({ ok: false, reason: "period" });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: yearly, kind: "actual", areaId: 999999, period: "2025", value: 1 }),
    ).toMatchObject({ ok: false, reason: "area" });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: share, kind: "actual", areaId: null, period: "2025", value: 120 }),
    ).toMatchObject({ ok: false, reason: "value" });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: 999999, kind: "actual", areaId: null, period: "2025", value: 1 }),
    ).toMatchObject({ ok: false, reason: "notFound" });
    expect(valueCount()).toBe(before);

    // A month typed loosely is stored in the one canonical form.
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), { indicatorId: monthly, kind: "actual", areaId: null, period: "2026-3", value: 40 }),
    ).toMatchObject({ ok: true, created: true });
    expect(rowsOf(monthly).map((r) => r.period)).toEqual(["2026-03"]);
  });
});

describe("on track or not", () => {
  it("meets the target when at least it (up) or at most it (down)", () => {
    expect(meetsTarget("up", 75, 75)).toBe(true);
    expect(meetsTarget("up", 74.9, 75)).toBe(false);
    expect(meetsTarget("down", 4.5, 4.5)).toBe(true);
    expect(meetsTarget("down", 4.6, 4.5)).toBe(false);
  });

  it("judges the latest value against the same period's target, else the next one", () => {
    const targets = [
      { period: "2025", value: 58 },
      { period: "2028", value: 52 },
      { period: "2020", value: 70 },
    ];
    expect(applicableTarget("2025", targets)).toEqual({ period: "2025", value: 58 });
    expect(applicableTarget("2026", targets)).toEqual({ period: "2028", value: 52 });
    expect(applicableTarget("2029", targets)).toBeNull();

    const down = summarise(
      "down",
      [
        { period: "2024", value: 59.7 },
        { period: "2025", value: 56.4 },
      ],
      targets,
    );
    expect(down).toMatchObject({
      latest: { period: "2025", value: 56.4 },
      previous: { period: "2024", value: 59.7 },
      target: { period: "2025", value: 58 },
      trend: "down",
      improving: true,
      status: "onTrack",
    });
    const up = summarise(
      "up",
      [
        { period: "2021", value: 77.4 },
        { period: "2024", value: 73.6 },
      ],
      [{ period: "2028", value: 80 }],
    );
    expect(up).toMatchObject({ trend: "down", improving: false, status: "offTrack", target: { period: "2028", value: 80 } });
    expect(summarise("up", [{ period: "2024", value: 1 }], [])).toMatchObject({ status: "noTarget", trend: null, improving: null });
    expect(summarise("up", [], [{ period: "2024", value: 1 }])).toMatchObject({ status: "noData", latest: null });
  });

  it("the list shows the demo city's indicators with the right judgement for both directions", () => {
    const byKey = new Map(listIndicators().map((i) => [i.key, i]));
    expect(byKey.size).toBeGreaterThanOrEqual(8);
    // Less is better: 56,4 property crimes against a target of 58 → on track; assaults 4,6 > 4,5 → off track.
    expect(byKey.get("omaisuusrikokset")).toMatchObject({
      direction: "down",
      status: "onTrack",
      latest: { period: "2025", value: 56.4 },
      trend: "down",
      improving: true,
    });
    expect(byKey.get("vakivalta-yleisilla-paikoilla")).toMatchObject({ direction: "down", status: "offTrack" });
    // More is better: 73,6 % feel safe against the 2028 target of 80 % → off track; Someturva above 70 a month → on track.
    expect(byKey.get("turvallisuuden-tunne-ilta")).toMatchObject({
      direction: "up",
      status: "offTrack",
      target: { period: "2028", value: 80 },
      improving: false,
    });
    expect(byKey.get("someturva-yhteydenotot")).toMatchObject({ direction: "up", resolution: "month", status: "onTrack" });
    expect(byKey.get("turvallisuuden-tunne-ilta")!.priorityAreas.map((p) => p.code)).toEqual(["2", "6"]);
  });

  it("finds the indicators of a priority area and of a measure for the summary and the review", () => {
    const plan = db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!;
    const transport = db()
      .select()
      .from(priorityAreas)
      .where(and(eq(priorityAreas.planId, plan.id), eq(priorityAreas.code, "3")))
      .get()!;
    expect(indicatorsForPriorityArea(transport.id).map((i) => i.key)).toEqual(["joukkoliikenne-hairiot"]);
    const someturva = db()
      .select()
      .from(measures)
      .where(and(eq(measures.planId, plan.id), eq(measures.code, "5.2")))
      .get()!;
    expect(
      indicatorsForMeasure(someturva.id)
        .map((i) => i.key)
        .sort(),
    ).toEqual(["koulukiusaaminen", "someturva-yhteydenotot"]);
  });

  it("links an indicator to priority areas and measures, replacing the earlier links", () => {
    const plan = db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!;
    const [a, b] = db().select().from(priorityAreas).where(eq(priorityAreas.planId, plan.id)).orderBy(priorityAreas.code).limit(2).all();
    const m = db().select().from(measures).where(eq(measures.planId, plan.id)).limit(1).get()!;
    expect(linkIndicatorToPriorityAreas(viewerById(coordinatorId), yearly, [a.id, b.id, a.id])).toBe(true);
    expect(linkIndicatorToPriorityAreas(viewerById(coordinatorId), yearly, [b.id])).toBe(true);
    expect(linkIndicatorToMeasures(viewerById(coordinatorId), yearly, [m.id])).toBe(true);
    expect(indicatorsForPriorityArea(b.id).map((i) => i.id)).toContain(yearly);
    expect(indicatorsForPriorityArea(a.id).map((i) => i.id)).not.toContain(yearly);
    expect(indicatorsForMeasure(m.id).map((i) => i.id)).toContain(yearly);
    expect(linkIndicatorToMeasures(viewerById(coordinatorId), 999999, [m.id])).toBe(false);
  });

  it("the indicator page has the city-wide series and the latest period by area", () => {
    const id = db().select().from(indicators).where(eq(indicators.key, "turvallisuuden-tunne-ilta")).get()!.id;
    const detail = getIndicator(id)!;
    expect(detail.cityTrend.map(({ period, actual, target }) => ({ period, actual, target }))).toEqual([
      { period: "2018", actual: 80.1, target: null },
      { period: "2021", actual: 77.4, target: null },
      { period: "2024", actual: 73.6, target: null },
      { period: "2028", actual: null, target: 80 },
    ]);
    expect(detail.cityTrend[0].actualFigure).toEqual({ value: 80.1, bound: "exact", upper: null });
    expect(detail.areaPeriod).toBe("2024");
    expect(detail.byArea.map((b) => b.area.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(detail.measures.map((m) => m.code)).toEqual(["2.1", "6.1", "6.4"]);
    expect(getIndicator(id, { areaPeriod: "2018" })!.byArea.find((b) => b.area.code === "7")!.actual).toBe(70.2);
    expect(getIndicator(id, { areaPeriod: "1999" })!.areaPeriod).toBe("2024");
    expect(getIndicator(999999)).toBeNull();
  });
});

describe("CSV import", () => {
  it("reads a comma file with quoted Finnish decimals and imports it in one go", () => {
    const file = parsed(
      [
        "indikaattori,alue,vuosi,arvo,tyyppi",
        'testi-vuosi,,2025,"9,5",toteuma',
        'testi-vuosi,koko kaupunki,2026,"8,0",tavoite',
        "testi-vuosi,301,2025,18,",
        'testi-vuosi,3,2025,"15,25",toteuma',
      ].join("\n"),
    );
    const validation = validateIndicatorImport(file);
    expect(validation.rows.map((r) => r.errors)).toEqual([[], [], [], []]);
    expect(validation.counts).toEqual({ create: 4, update: 0, unchanged: 0, errors: 0 });
    // District codes are matched before major districts; "3" is the major district Keskinen.
    expect(validation.rows.map((r) => r.area?.id ?? null)).toEqual([null, null, kallio, keskinen]);
    const result = applyIndicatorImport(viewerById(coordinatorId), file, { filename: "arvot.csv" });
    expect(result).toEqual({ ok: true, created: 4, updated: 0, unchanged: 0 });
    const saved = db()
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, yearly), eq(indicatorValues.period, "2025")))
      .all();
    expect(saved.map((r) => [r.kind, r.areaId, r.value]).sort()).toEqual(
      [
        ["actual", null, 9.5],
        ["actual", kallio, 18],
        ["actual", keskinen, 15.25],
      ].sort(),
    );
    expect(
      db()
        .select()
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.indicatorId, yearly),
            eq(indicatorValues.kind, "target"),
            isNull(indicatorValues.areaId),
            eq(indicatorValues.period, "2026"),
          ),
        )
        .get()?.value,
    ).toBe(8);
  });

  it("reads semicolons with a BOM, English headers and monthly periods", () => {
    const bom = "\uFEFF";
    const file = parsed(
      bom +
        [
          "Indicator;Area;Period;Value;Type",
          "testi-kuukausi;0;2026-04;41,5;actual",
          "testi-kuukausi;;2026-5;52;toteuma",
          "testi-kuukausi;;2026-05;60;target",
        ].join("\r\n") +
        "\r\n",
    );
    expect(Object.keys(file.columns).sort()).toEqual(["area", "indicator", "period", "type", "value"]);
    const result = applyIndicatorImport(viewerById(coordinatorId), file);
    expect(result).toEqual({ ok: true, created: 3, updated: 0, unchanged: 0 });
    expect(rowsOf(monthly).map((r) => [r.kind, r.period, r.value])).toEqual([
      ["actual", "2026-03", 40],
      ["actual", "2026-04", 41.5],
      ["actual", "2026-05", 52],
      ["target", "2026-05", 60],
    ]);
    // A "kausi" column works with Finnish headers too, and the BOM does not hide the first header.
    const fin = parseIndicatorCsv(enc(bom + "indikaattori;kausi;arvo\ntesti-kuukausi;2026-06;44\n"), "a.csv");
    expect(fin.ok && fin.file.columns).toEqual({ indicator: "indikaattori", period: "kausi", value: "arvo" });
  });

  it("a file with broken rows writes nothing and says what is wrong on which row", async () => {
    const before = valueCount();
    const file = parsed(
      [
        "indikaattori;alue;vuosi;arvo;tyyppi",
        "testi-vuosi;;2027;5;toteuma",
        "olematon;;2027;5;",
        "testi-vuosi;999;2027;5;",
        "testi-vuosi;;27;5;",
        "testi-vuosi;;2027;paljon;",
        "testi-vuosi;;2027;6;arvio",
        "testi-kuukausi;;2027;6;",
        "testi-osuus;;2027;101;",
        "testi-vuosi;;2027;7;toteuma",
        "testi-vuosi;;;;",
      ].join("\n"),
    );
    const validation = validateIndicatorImport(file);
    const errors = (row: number) => validation.rows.find((r) => r.rowNumber === row)!.errors.map((e) => splitErrorKey(e));
    expect(errors(2)).toEqual([]);
    expect(errors(3)).toEqual([["indicators.import.errors.unknownIndicator", { column: "indikaattori", value: "olematon" }]]);
    expect(errors(4)).toEqual([["indicators.import.errors.unknownArea", { column: "alue", value: "999" }]]);
    expect(errors(5)).toEqual([["indicators.import.errors.periodYear", { column: "vuosi", value: "27" }]]);
    expect(errors(6)).toEqual([["indicators.import.errors.number", { column: "arvo", value: "paljon" }]]);
    expect(errors(7)).toEqual([["indicators.import.errors.type", { column: "tyyppi", value: "arvio" }]]);
    expect(errors(8)).toEqual([["indicators.import.errors.periodMonth", { column: "vuosi", value: "2027" }]]);
    expect(errors(9)).toEqual([["indicators.import.errors.percentRange", { column: "arvo", value: "101" }]]);
    expect(errors(10)).toEqual([["indicators.import.errors.duplicateRow", { row: 2 }]]);
    expect(errors(11)).toEqual([
      ["indicators.import.errors.required", { column: "vuosi" }],
      ["indicators.import.errors.required", { column: "arvo" }],
    ]);
    expect(validation.ok).toBe(false);
    expect(validation.counts.errors).toBe(9);

    const result = applyIndicatorImport(viewerById(coordinatorId), file);
    expect(result.ok).toBe(false);
    expect(valueCount()).toBe(before);

    // The messages exist in every language.
    const [key, params] = splitErrorKey(validation.rows.find((r) => r.rowNumber === 4)!.errors[0]);
    const texts = await Promise.all((["fi", "sv", "en"] as const).map(async (l) => i18nFor(l).t(key, params)));
    expect(texts).toEqual(["alue: aluetta ”999” ei löydy.", "alue: området ”999” hittades inte.", "alue: no area “999”."]);
  });

  it("re-importing the same file changes nothing; a changed value is updated in place", () => {
    const text = ["indikaattori;alue;vuosi;arvo", "testi-vuosi;;2025;9,5", "testi-vuosi;301;2025;18"].join("\n");
    const before = valueCount();
    const again = validateIndicatorImport(parsed(text));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, errors: 0 });
    const changed = parsed(text.replace("9,5", "9,75"));
    expect(validateIndicatorImport(changed).rows.map((r) => r.action)).toEqual(["update", "unchanged"]);
    expect(applyIndicatorImport(viewerById(coordinatorId), changed)).toEqual({ ok: true, created: 0, updated: 1, unchanged: 1 });
    expect(valueCount()).toBe(before);
    const city2025 = db()
      .select()
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, yearly),
          eq(indicatorValues.kind, "actual"),
          isNull(indicatorValues.areaId),
          eq(indicatorValues.period, "2025"),
        ),
      )
      .all();
    expect(city2025.map((r) => r.value)).toEqual([9.75]);
  });

  it("refuses files that are not CSV, lack columns or are empty", () => {
    const errorsOf = (text: string | Uint8Array, name = "a.csv") => {
      const r = parseIndicatorCsv(typeof text === "string" ? enc(text) : text, name);
      return r.ok ? [] : r.errors.map((e) => splitErrorKey(e));
    };
    expect(errorsOf("x", "taulukko.xlsx")).toEqual([["indicators.import.errors.wrongType", undefined]]);
    expect(errorsOf(Uint8Array.from([0x50, 0x4b, 3, 4]), "a.csv")).toEqual([["indicators.import.errors.wrongType", undefined]]);
    expect(errorsOf("indikaattori;alue\nx;1\n")).toEqual([["indicators.import.errors.missingColumns", { columns: "vuosi / kausi, arvo" }]]);
    expect(errorsOf("indikaattori;vuosi;arvo\n")).toEqual([["indicators.import.errors.empty", undefined]]);
    expect(errorsOf("")).toEqual([["indicators.import.errors.empty", undefined]]);
    expect(errorsOf("indikaattori;vuosi;arvo;Arvo\nx;2025;1;2\n")).toEqual([
      ["indicators.import.errors.duplicateColumn", { column: "Arvo" }],
    ]);
    expect(errorsOf(new Uint8Array(2 * 1024 * 1024 + 1))).toEqual([["indicators.import.errors.tooLarge", { max: 2 }]]);
  });

  it("the downloadable template is a valid file of its own", () => {
    const template = indicatorTemplateCsv();
    expect(template.startsWith("\uFEFFindikaattori;alue;vuosi;kausi;arvo;tyyppi\r\n")).toBe(true);
    const validation = validateIndicatorImport(parsed(template));
    expect(validation.rows.map((r) => r.errors)).toEqual(validation.rows.map(() => []));
    expect(validation.rows.map((r) => r.kind)).toContain("target");
    expect(validation.rows.some((r) => /^\d{4}-\d{2}$/.test(r.period))).toBe(true);
  });
});

describe("defining indicators", () => {
  const input = (overrides: Partial<IndicatorDefinitionInput> = {}): IndicatorDefinitionInput => ({
    key: "testi-maaritelma",
    nameFi: "Ilkivallan ilmoitukset",
    nameSv: "",
    nameEn: "Vandalism reports",
    unit: "kpl",
    source: "Poliisi",
    direction: "down",
    resolution: "year",
    descriptionFi: "",
    priorityAreaIds: [],
    measureCodes: [],
    ...overrides,
  });

  it("creates a definition with a free key, linked to the chosen priority areas of the offered ones, and logs it", () => {
    const scope = db()
      .select({ id: priorityAreas.id })
      .from(priorityAreas)
      .limit(3)
      .all()
      .map((p) => p.id);
    const created = createDefinition(viewerById(coordinatorId), input({ priorityAreaIds: [scope[0], scope[1]] }), {
      priorityAreaIds: scope,
      planId: null,
    });
    if (!created.ok) throw new Error(created.reason);
    expect(getIndicatorDefinition(created.id)).toMatchObject({
      key: "testi-maaritelma",
      nameSv: null,
      nameEn: "Vandalism reports",
      direction: "down",
      version: 1,
    });
    expect(indicatorPriorityAreaIds(created.id).sort()).toEqual([scope[0], scope[1]].sort());
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "indicator.created"), eq(auditLog.targetId, String(created.id))))
        .get(),
    ).toBeDefined();
    // The key is the CSV import's name for it: a second one is refused, as is an area outside the offer.
    expect(createDefinition(viewerById(coordinatorId), input({ nameFi: "Toinen" }), { priorityAreaIds: scope, planId: null })).toEqual({
      ok: false,
      reason: "keyTaken",
    });
    expect(
      createDefinition(viewerById(coordinatorId), input({ key: "testi-toinen", priorityAreaIds: [999999] }), {
        priorityAreaIds: scope,
        planId: null,
      }),
    ).toEqual({ ok: false, reason: "priorityArea" });
  });

  it("an edit on an older version is refused with the newer definition; links outside the offer are kept", () => {
    const all = db()
      .select({ id: priorityAreas.id })
      .from(priorityAreas)
      .limit(4)
      .all()
      .map((p) => p.id);
    const created = createDefinition(viewerById(coordinatorId), input({ key: "testi-muokkaus", priorityAreaIds: [all[0], all[3]] }), {
      priorityAreaIds: all,
      planId: null,
    });
    if (!created.ok) throw new Error(created.reason);
    const scope = all.slice(0, 3); // the plan in force offers three; all[3] belongs to an older plan
    expect(
      updateIndicator(
        viewerById(coordinatorId),
        created.id,
        1,
        input({ key: "testi-muokkaus", nameFi: "Ensimmäinen muutos", priorityAreaIds: [all[1]] }),
        { priorityAreaIds: scope, planId: null },
      ),
    ).toEqual({ ok: true, id: created.id });
    expect(indicatorPriorityAreaIds(created.id).sort()).toEqual([all[1], all[3]].sort());
    const stale = updateIndicator(viewerById(coordinatorId), created.id, 1, input({ key: "testi-muokkaus", nameFi: "Vanhaan perustuva" }), {
      priorityAreaIds: scope,
      planId: null,
    });
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { nameFi: "Ensimmäinen muutos", version: 2 } });
    expect(getIndicatorDefinition(created.id)!.nameFi).toBe("Ensimmäinen muutos");
    expect(
      updateIndicator(viewerById(coordinatorId), created.id, 2, input({ key: "testi-maaritelma" }), {
        priorityAreaIds: scope,
        planId: null,
      }),
    ).toEqual({ ok: false, reason: "keyTaken" });
  });

  it("the period cannot change once values exist", () => {
    const created = createDefinition(viewerById(coordinatorId), input({ key: "testi-jakso" }), { priorityAreaIds: [], planId: null });
    if (!created.ok) throw new Error(created.reason);
    expect(
      updateIndicator(viewerById(coordinatorId), created.id, 1, input({ key: "testi-jakso", resolution: "month" }), {
        priorityAreaIds: [],
        planId: null,
      }),
    ).toEqual({ ok: true, id: created.id });
    expect(
      upsertIndicatorValue(viewerById(coordinatorId), {
        indicatorId: created.id,
        kind: "actual",
        areaId: null,
        period: "2026-03",
        value: 4,
      }),
    ).toMatchObject({ ok: true });
    expect(
      updateIndicator(viewerById(coordinatorId), created.id, 2, input({ key: "testi-jakso", resolution: "year" }), {
        priorityAreaIds: [],
        planId: null,
      }),
    ).toEqual({ ok: false, reason: "resolutionLocked" });
    expect(
      updateIndicator(viewerById(coordinatorId), 999999, 1, input({ key: "testi-puuttuu" }), { priorityAreaIds: [], planId: null }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it("links the plan's measures named by identifier, refuses unknown ones by name, and keeps links to other plans' measures", () => {
    const d = db();
    const plans = d
      .select({ id: safetyPlans.id })
      .from(safetyPlans)
      .all()
      .map((p) => p.id);
    const withMeasures = plans.filter((id) => d.select({ id: measures.id }).from(measures).where(eq(measures.planId, id)).get());
    expect(withMeasures.length).toBeGreaterThan(1);
    const [planA, planB] = withMeasures;
    const [m1, m2] = d.select({ id: measures.id, code: measures.code }).from(measures).where(eq(measures.planId, planA)).limit(2).all();
    const other = d.select({ id: measures.id, code: measures.code }).from(measures).where(eq(measures.planId, planB)).get()!;
    const scopeA = { priorityAreaIds: [], planId: planA };

    expect(
      createDefinition(viewerById(coordinatorId), input({ key: "testi-linkit", measureCodes: [m1.code, "99.99", "x"] }), scopeA),
    ).toEqual({
      ok: false,
      reason: "measureCodes",
      unknown: ["99.99", "x"],
    });
    const created = createDefinition(viewerById(coordinatorId), input({ key: "testi-linkit", measureCodes: [m1.code, m2.code] }), scopeA);
    if (!created.ok) throw new Error(created.reason);
    expect(indicatorMeasureCodes(created.id, planA).sort()).toEqual([m1.code, m2.code].sort());
    // A link to the other plan's measure (made earlier, another way) survives an edit of plan A's links.
    linkIndicatorToMeasures(viewerById(coordinatorId), created.id, [m1.id, m2.id, other.id]);
    expect(
      updateIndicator(viewerById(coordinatorId), created.id, 1, input({ key: "testi-linkit", measureCodes: [m2.code] }), scopeA),
    ).toEqual({
      ok: true,
      id: created.id,
    });
    expect(indicatorMeasureCodes(created.id, planA)).toEqual([m2.code]);
    expect(indicatorMeasureCodes(created.id, planB)).toEqual([other.code]);
    expect(indicatorsForMeasure(m2.id).map((i) => i.id)).toContain(created.id);
    expect(indicatorsForMeasure(m1.id).map((i) => i.id)).not.toContain(created.id);
    expect(parseMeasureCodes(" 1.2, 3.10;4.1  1.2 ")).toEqual(["1.2", "3.10", "4.1"]);
  });
});
