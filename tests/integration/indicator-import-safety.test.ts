// Issue 12: indicator figures as a city publishes them. Realistic files (tests/fixtures/imports/):
// the safety survey with the city's own name for the whole city, values per sub-area and bounds
// (">80", "yli 80", "<50"); police statistics given only by area and as ranges ("4000–5000");
// an Excel-mangled file without leading zeros; and chart axes that do not exaggerate.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, indicatorPriorityAreas, indicators, indicatorValues, priorityAreas } from "../../db/schema";
import { splitErrorKey } from "~/forms/z";
import { db } from "~/server/platform/db.server";
import { figureText } from "~/server/city/indicator-figures";
import {
  applyIndicatorImport,
  getIndicator,
  listIndicators,
  parseIndicatorCsv,
  validateIndicatorImport,
  type IndicatorCsv,
} from "~/server/city/indicators.server";
import { parseFigure } from "~/server/city/indicator-figures";
import { compileReview } from "~/server/steering/reviews.server";
import { valueAxisDomain } from "~/ui/indicators/figures";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), "tests", "fixtures", "imports", name)));
function parsed(name: string): IndicatorCsv {
  const result = parseIndicatorCsv(fixture(name), name);
  if (!result.ok) throw new Error(`parse failed: ${result.errors.join(", ")}`);
  return result.file;
}

let coordinatorId: string;
let survey: number;
let police: number;
let planId: number;
let planAreaId: number;
const areaId = (level: "district" | "sub_area" | "major_district", code: string) =>
  db()
    .select()
    .from(areas)
    .where(and(eq(areas.level, level), eq(areas.code, code)))
    .get()!.id;
const stored = (indicatorId: number) =>
  db()
    .select({
      areaId: indicatorValues.areaId,
      period: indicatorValues.period,
      kind: indicatorValues.kind,
      value: indicatorValues.value,
      bound: indicatorValues.bound,
      upper: indicatorValues.upper,
    })
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .orderBy(indicatorValues.id)
    .all();

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
  const add = (key: string, unit: string) =>
    db().insert(indicators).values({ key, nameFi: key, unit, source: "Testi", direction: "up", resolution: "year" }).returning().get().id;
  survey = add("kysely-turvallisuus", "%");
  const planArea = db().select().from(priorityAreas).limit(1).get()!;
  planId = planArea.planId;
  planAreaId = planArea.id;
  police = add("poliisi-omaisuusrikokset", "kpl");
  const parent = areaId("district", "302");
  db().insert(areas).values({ level: "sub_area", code: "301", nameFi: "Vanha Munkkiniemi", parentId: parent }).run();
  db().insert(areas).values({ level: "sub_area", code: "010", nameFi: "Nollakylä", parentId: parent }).run();
});

describe("figures as published", () => {
  it("reads numbers, bounds and ranges", () => {
    expect(parseFigure("62,5")).toEqual({ value: 62.5, bound: "exact", upper: null });
    expect(parseFigure(">80")).toEqual({ value: 80, bound: "over", upper: null });
    expect(parseFigure("yli 80 %")).toEqual({ value: 80, bound: "over", upper: null });
    expect(parseFigure("<5")).toEqual({ value: 5, bound: "under", upper: null });
    expect(parseFigure("alle 5")).toEqual({ value: 5, bound: "under", upper: null });
    expect(parseFigure("4000–5000")).toEqual({ value: 4000, bound: "range", upper: 5000 });
    expect(parseFigure("4 000 - 5 000")).toEqual({ value: 4000, bound: "range", upper: 5000 });
    expect(parseFigure("4000-5000")).toEqual({ value: 4000, bound: "range", upper: 5000 });
    expect(parseFigure("-3")).toEqual({ value: -3, bound: "exact", upper: null });
    // Single-digit ends are ranges too.
    expect(parseFigure("3–4")).toEqual({ value: 3, bound: "range", upper: 4 });
    expect(parseFigure("0 - 5")).toEqual({ value: 0, bound: "range", upper: 5 });
    expect(parseFigure("5000–4000")).toBeNull();
    expect(parseFigure("paljon")).toBeNull();
  });
});

describe("importing the city's tables", () => {
  it("the survey: the city's name is the whole city, sub-areas and bounds are stored as such", () => {
    const file = parsed("indikaattorit-kysely.csv");
    const validation = validateIndicatorImport(file);
    expect(validation.rows.map((r) => [r.rowNumber, r.errors, r.area?.label ?? null])).toEqual([
      [2, [], null],
      [3, [], null],
      [4, [], null],
      [5, [], "district:301 Kallio"],
      [6, [], "sub_area:30102 Linjat"],
      [7, [], "sub_area:30103 Torkkelinmäki"],
    ]);
    expect(applyIndicatorImport(viewerById(coordinatorId), file)).toEqual({ ok: true, created: 6, updated: 0, unchanged: 0 });
    expect(stored(survey)).toEqual([
      { areaId: null, period: "2021", kind: "actual", value: 76, bound: "exact", upper: null },
      { areaId: null, period: "2024", kind: "actual", value: 77, bound: "exact", upper: null },
      { areaId: null, period: "2028", kind: "target", value: 80, bound: "over", upper: null },
      { areaId: areaId("district", "301"), period: "2024", kind: "actual", value: 80, bound: "over", upper: null },
      { areaId: areaId("sub_area", "30102"), period: "2024", kind: "actual", value: 50, bound: "under", upper: null },
      { areaId: areaId("sub_area", "30103"), period: "2024", kind: "actual", value: 62.5, bound: "exact", upper: null },
    ]);
    // The same file again changes nothing.
    expect(validateIndicatorImport(file).counts).toEqual({ create: 0, update: 0, unchanged: 6, errors: 0 });
    const detail = getIndicator(survey)!;
    expect(detail.cityTrend.map((p) => [p.period, p.actualFigure, p.targetFigure])).toEqual([
      ["2021", { value: 76, bound: "exact", upper: null }, null],
      ["2024", { value: 77, bound: "exact", upper: null }, null],
      ["2028", null, { value: 80, bound: "over", upper: null }],
    ]);
    expect(detail.byArea.map((b) => [b.area.level, b.area.code, b.actualFigure?.bound])).toEqual([
      ["district", "301", "over"],
      ["sub_area", "30102", "under"],
      ["sub_area", "30103", "exact"],
    ]);
    // The list, the steering group's review and its PDF read the bound with the figure, so the
    // target "yli 80" never shows as a bare "80".
    expect(listIndicators({ ids: [survey] })[0]!.target).toEqual({ period: "2028", value: 80, bound: "over", upper: null });
    const link = db().insert(indicatorPriorityAreas).values({ indicatorId: survey, priorityAreaId: planAreaId }).returning().get();
    const reviewed = compileReview(planId).indicators.find((i) => i.id === survey)!;
    db()
      .delete(indicatorPriorityAreas)
      .where(and(eq(indicatorPriorityAreas.indicatorId, link.indicatorId), eq(indicatorPriorityAreas.priorityAreaId, link.priorityAreaId)))
      .run();
    expect(reviewed.target).toEqual({ period: "2028", value: 80, bound: "over", upper: null });
    expect(reviewed.latest).toEqual({ period: "2024", value: 77, bound: "exact", upper: null });
    const fi = (n: number) => new Intl.NumberFormat("fi-FI").format(n);
    expect(figureText(reviewed.target!, fi, { over: "yli %s", under: "alle %s" })).toBe("yli 80");
  });

  it("police statistics: only area values, as ranges; the page still has values to chart", () => {
    const file = parsed("indikaattorit-poliisi.csv");
    expect(validateIndicatorImport(file).rows.flatMap((r) => r.errors)).toEqual([]);
    expect(applyIndicatorImport(viewerById(coordinatorId), file)).toMatchObject({ ok: true, created: 3 });
    expect(stored(police).map((v) => [v.value, v.bound, v.upper])).toEqual([
      [4000, "range", 5000],
      [4000, "range", 5000],
      [880000, "exact", null],
    ]);
    const detail = getIndicator(police)!;
    expect(detail.cityTrend).toEqual([]);
    expect(detail.areaPeriod).toBe("2024");
    expect(detail.byArea.filter((b) => b.actual !== null)).toHaveLength(3);

    // A changed range is an update that shows what it replaces.
    const changed = parseIndicatorCsv(
      new TextEncoder().encode("indikaattori;alue;vuosi;arvo\npoliisi-omaisuusrikokset;district:301;2024;4500\n"),
      "x.csv",
    );
    const [row] = validateIndicatorImport(changed.ok ? changed.file : (null as never)).rows;
    expect(row).toMatchObject({
      action: "update",
      previous: { value: 4000, bound: "range", upper: 5000 },
      figure: { value: 4500, bound: "exact", upper: null },
    });
  });

  it("an empty value is refused, never an erasure; #TYHJÄ removes exactly the stored value", () => {
    const csv = (value: string) => {
      const r = parseIndicatorCsv(
        new TextEncoder().encode(`indikaattori;alue;vuosi;arvo\npoliisi-omaisuusrikokset;503;2024;${value}\n`),
        "x.csv",
      );
      if (!r.ok) throw new Error(r.errors.join());
      return r.file;
    };
    const before = stored(police);
    expect(validateIndicatorImport(csv("")).rows[0].errors.map((e) => splitErrorKey(e)[0])).toEqual(["indicators.import.errors.required"]);
    const [row] = validateIndicatorImport(csv("#TYHJÄ")).rows;
    expect(row).toMatchObject({ action: "update", clear: true, errors: [], previous: { value: 4000, bound: "range", upper: 5000 } });
    expect(applyIndicatorImport(viewerById(coordinatorId), csv("#tyhjä"))).toEqual({ ok: true, created: 0, updated: 1, unchanged: 0 });
    const after = stored(police);
    expect(after).toEqual(before.filter((v) => v.areaId !== areaId("district", "503")));
    expect(validateIndicatorImport(csv("#CLEAR")).rows[0].action).toBe("unchanged");
  });

  it("codes repeating across levels and codes without their leading zeros are refused by name", () => {
    const v = validateIndicatorImport(parsed("indikaattorit-excel-nollat.csv"));
    expect(v.rows.map((r) => r.errors.map((e) => splitErrorKey(e)))).toEqual([
      [["indicators.import.errors.areaLeadingZeros", { column: "alue", value: "10", candidates: "sub_area:010 Nollakylä" }]],
      [
        [
          "indicators.import.errors.ambiguousArea",
          { column: "alue", value: "301", candidates: "district:301 Kallio, sub_area:301 Vanha Munkkiniemi" },
        ],
      ],
    ]);
  });
});

describe("chart axes do not exaggerate", () => {
  it("start from zero with a round top a tenth above the largest value", () => {
    expect(valueAxisDomain([76, 77], "%")).toEqual([0, 90]);
    expect(valueAxisDomain([95, 99], "%")).toEqual([0, 100]);
    expect(valueAxisDomain([880000])).toEqual([0, 1000000]);
    expect(valueAxisDomain([3.2, 3.4])).toEqual([0, 4]);
    expect(valueAxisDomain([])).toEqual([0, 0.2]);
    expect(valueAxisDomain([-5, 10])).toEqual([-8, 12]);
  });
});
