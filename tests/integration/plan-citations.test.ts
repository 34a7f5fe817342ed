// A residents' plan cites published map observations of its area (issue 17): only published ones,
// only from the plan's area or the areas below it, only by the plan's authors while they write,
// each citation once, and every change in the plan's version history.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, neighbourhoodPlans, observationCategories, observations, planObservationCitations } from "../../db/schema";
import {
  createNeighbourhoodPlan,
  getPlanView,
  planHistory,
  saveObservation,
  savePlanAction,
  savePlanGoal,
  submitPlan,
  VERSION_THROTTLE_MS,
} from "~/server/neighbourhood/neighbourhood.server";
import { citationChoices, citeObservation, planCitations, unciteObservation } from "~/server/neighbourhood/plan-citations.server";
import { reportObservation } from "~/server/observations/observations.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { DEMO, seedOnce, viewerOf } from "./fixtures";

const areaId = (level: "district" | "sub_area", code: string) =>
  db()
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.level, level), eq(areas.code, code)))
    .get()!.id;
const version = (planId: number) =>
  db().select({ v: neighbourhoodPlans.version }).from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get()!.v;
/** A published observation of the demo city whose text starts so. */
const published = (start: string) => {
  const row = db()
    .select({ id: observations.id, areaId: observations.areaId, review: observations.review, description: observations.description })
    .from(observations)
    .all()
    .find((o) => o.description.startsWith(start))!;
  expect(row.review).toBe("approved");
  return row.id;
};

let linjat: number;
let karhupuistoPath: number; // published, in Linjat
let elsewhere: number; // published, outside Kallio
let pending: number; // in Linjat, not yet checked

beforeAll(async () => {
  await seedOnce();
  linjat = areaId("sub_area", "30102");
  karhupuistoPath = published("Karhupuiston poikki");
  const kallio = db().select({ parentId: areas.parentId }).from(areas).where(eq(areas.id, linjat)).get()!.parentId!;
  const outside = db()
    .select({ id: observations.id, areaId: observations.areaId })
    .from(observations)
    .where(eq(observations.review, "approved"))
    .all()
    .find((o) => {
      const lineage: number[] = [];
      let at: number | null = o.areaId;
      while (at != null) {
        lineage.push(at);
        at = db().select({ parentId: areas.parentId }).from(areas).where(eq(areas.id, at)).get()?.parentId ?? null;
      }
      return !lineage.includes(kallio);
    });
  elsewhere = outside!.id;
  const category = db().select().from(observationCategories).get()!.id;
  const report = await reportObservation(viewerOf(DEMO.resident), {
    place: { kind: "address", areaId: linjat, address: "Fleminginkatu 1" },
    categoryId: category,
    timeOfDay: "night",
    dayType: "weekend",
    description: "Rappukäytävässä yöpyjiä",
    photo: null,
  });
  if (!report.ok) throw new Error(`report refused: ${report.reason}`);
  pending = report.id;
});

function draft(title: string) {
  return createNeighbourhoodPlan(viewerOf(DEMO.resident), linjat, title, clock.now());
}

describe("citing map observations in a residents' plan", () => {
  it("cites a published observation of the plan's area once, in the version history, and takes it back", () => {
    const resident = viewerOf(DEMO.resident);
    const planId = draft("Valoisa Linjat");
    const before = version(planId);
    expect(citeObservation(resident, planId, karhupuistoPath)).toEqual({ ok: true });
    expect(version(planId)).toBe(before + 1);
    // Twice is still once, and changes nothing.
    expect(citeObservation(resident, planId, karhupuistoPath)).toEqual({ ok: true });
    expect(version(planId)).toBe(before + 1);
    expect(db().select().from(planObservationCitations).where(eq(planObservationCitations.planId, planId)).all()).toHaveLength(1);
    const cited = planCitations(planId);
    expect(cited.map((o) => o.id)).toEqual([karhupuistoPath]);
    // As the public sees it: no reporter, the place coarsened.
    expect(cited[0]).not.toHaveProperty("reporterId");
    expect(cited[0]).not.toHaveProperty("address");

    const choices = citationChoices(planId, linjat);
    expect(choices.cited.map((o) => o.id)).toEqual([karhupuistoPath]);
    expect(choices.others.map((o) => o.id)).not.toContain(karhupuistoPath);
    expect(choices.others.map((o) => o.id)).not.toContain(pending);
    expect(choices.others.map((o) => o.id)).not.toContain(elsewhere);
    expect(choices.others.length).toBeGreaterThan(0);

    // The history shows the citation by the observation's text...
    const citedChange = (kind: "added" | "removed") =>
      planHistory(planId)
        .versions.flatMap((v) => v.changes)
        .filter((c) => c.section === "citation" && c.kind === kind);
    expect(citedChange("added").map((c) => c.text)).toEqual([expect.stringMatching(/^Karhupuiston poikki/)]);

    // ...and its removal, saved later than the same author's saves are merged into one history row.
    const later = new Date(clock.now().getTime() + VERSION_THROTTLE_MS + 60_000);
    expect(unciteObservation(resident, planId, karhupuistoPath, later)).toEqual({ ok: true });
    expect(planCitations(planId)).toEqual([]);
    expect(version(planId)).toBe(before + 2);
    expect(citedChange("removed").map((c) => c.text)).toEqual([expect.stringMatching(/^Karhupuiston poikki/)]);
  });

  it("refuses an unpublished observation, one from another area and one that does not exist, alike", () => {
    const resident = viewerOf(DEMO.resident);
    const planId = draft("Vain oman alueen havainnot");
    for (const observationId of [pending, elsewhere, 99_999_999])
      expect(citeObservation(resident, planId, observationId)).toEqual({ ok: false, reason: "notCitable" });
    expect(planCitations(planId)).toEqual([]);
  });

  it("lets only the plan's authors cite, and only while they write", () => {
    const resident = viewerOf(DEMO.resident);
    const planId = draft("Lähetettävä suunnitelma");
    expect(citeObservation(viewerOf(DEMO.network), planId, karhupuistoPath)).toEqual({ ok: false, reason: "notEditable" });
    expect(citeObservation(viewerOf(DEMO.coordinator), planId, karhupuistoPath)).toEqual({ ok: false, reason: "notEditable" });
    expect(citeObservation(resident, 99_999_999, karhupuistoPath)).toEqual({ ok: false, reason: "notFound" });
    expect(citeObservation(resident, planId, karhupuistoPath).ok).toBe(true);
    const now = clock.now();
    saveObservation(resident, planId, {}, { text: "Pimeä oikopolku", placeName: "Karhupuisto", lat: null, lng: null }, now);
    savePlanGoal(resident, planId, {}, { text: "Valoisat reitit" }, now);
    savePlanAction(
      resident,
      planId,
      {},
      { text: "Talkoot", carriedBy: "residents", organisationId: null, timeline: "Kevät", dueDate: null, measureId: null, goalId: null },
      now,
    );
    expect(submitPlan(resident, planId).ok).toBe(true);
    // With the network now: the citation stays, and no author can change it.
    expect(unciteObservation(resident, planId, karhupuistoPath)).toEqual({ ok: false, reason: "notEditable" });
    expect(planCitations(planId).map((o) => o.id)).toEqual([karhupuistoPath]);
    // The plan's own view is unaffected by citations (they are read apart, for the public too).
    expect(getPlanView(planId, { publicMeasuresOnly: true, moderator: false })?.observations).toHaveLength(1);
  });
});
