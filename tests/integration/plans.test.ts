// Strategy, safety plans and priority areas: the plan lifecycle with its decision, one plan in
// force, the yearly priority-area record, the counts on the plan page, and what the public sees.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, measureGoals, measures, organisations, safetyPlans, strategyGoals, type MeasureStatus } from "../../db/schema";
import { db } from "~/server/platform/db.server";
import { listMeasures } from "~/server/city/measures.server";
import {
  createSafetyPlan,
  currentPlan,
  getPlan,
  goalMeasureCounts,
  listPlans,
  listPriorityAreas,
  planMeasureCounts,
  priorityAreaMeasureCounts,
  priorityAreaYearRecords,
  saveStrategyGoal,
  savePriorityArea,
  saveStrategy,
  setPlanPublished,
  setPriorityAreaYears,
  transitionPlan,
  updatePlan,
  type PlanInput,
} from "~/server/city/plans.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

let coordinatorId: string;
let orgId: number;

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
  orgId = db().select({ id: organisations.id }).from(organisations).get()!.id;
});

const planInput = (over: Partial<PlanInput> = {}): PlanInput => ({
  nameFi: "Testikaupungin turvallisuussuunnitelma 2025–2028",
  periodStart: "2025-01-01",
  periodEnd: "2028-12-31",
  updateIntervalDays: 90,
  ...over,
});

let measureSeq = 0;
function addMeasure(
  planId: number,
  priorityAreaId: number | null,
  status: MeasureStatus,
  published = true,
  extra: Partial<typeof measures.$inferInsert> = {},
) {
  measureSeq += 1;
  return Number(
    db()
      .insert(measures)
      .values({
        planId,
        priorityAreaId,
        code: `T${measureSeq}`,
        title: `Testitoimenpide ${measureSeq}`,
        ownerOrganisationId: orgId,
        status,
        published,
        ...extra,
      })
      .run().lastInsertRowid,
  );
}

const auditCount = (action: string, targetId: number) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    .get()!.n;

describe("counts on the plan page", () => {
  it("per priority area and status equal a direct count and what the linked list shows", () => {
    const plan = currentPlan({ publicOnly: true })!;
    expect(plan.status).toBe("in_force");
    const areas = listPriorityAreas(plan.id);
    expect(areas.length).toBeGreaterThan(0);
    for (const publicOnly of [true, false]) {
      const counts = priorityAreaMeasureCounts(plan.id, { publicOnly });
      expect(counts.length).toBeGreaterThan(0);
      // The public rule spelled out independently of publicMeasureCondition().
      const direct = db()
        .all<{ area: number | null; status: MeasureStatus; n: number }>(
          sql`select m.priority_area_id as area, m.status as status, count(*) as n from measures m join safety_plans p on p.id = m.plan_id
              where m.plan_id = ${plan.id} ${publicOnly ? sql`and m.published = 1 and m.status != 'proposed' and p.published = 1` : sql``}
              group by m.priority_area_id, m.status`,
        )
        .map((r) => ({ priorityAreaId: r.area, status: r.status, count: r.n }));
      const sortKey = (r: { priorityAreaId: number | null; status: string }) => `${r.priorityAreaId}-${r.status}`;
      expect(
        counts
          .map(({ priorityAreaId, status, count }) => ({ priorityAreaId, status, count }))
          .sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      ).toEqual(direct.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      if (publicOnly) expect(counts.some((c) => c.status === "proposed")).toBe(false);
      // Each number links to the measure list with the same filters: it must show the same number.
      for (const c of counts.filter((x) => x.priorityAreaId !== null)) {
        expect(
          listMeasures({ planId: plan.id, priorityAreaId: c.priorityAreaId!, status: [c.status], pageSize: 1 }, { publicOnly }).total,
        ).toBe(c.count);
      }
      for (const a of areas) {
        const late = counts.filter((c) => c.priorityAreaId === a.id).reduce((n, c) => n + c.late, 0);
        expect(listMeasures({ planId: plan.id, priorityAreaId: a.id, late: true, pageSize: 1 }, { publicOnly }).total).toBe(late);
      }
      const total = counts.reduce((n, c) => n + c.count, 0);
      expect(planMeasureCounts({ publicOnly })[plan.id] ?? 0).toBe(total);
    }
  });

  it("per strategy goal equal a direct count", () => {
    const plan = currentPlan({ publicOnly: true })!;
    expect(plan.strategyId).not.toBeNull();
    const counts = goalMeasureCounts(plan.strategyId!, plan.id, { publicOnly: false });
    const goals = db().select().from(strategyGoals).where(eq(strategyGoals.strategyId, plan.strategyId!)).all();
    for (const g of goals) {
      const direct = db()
        .select({ n: sql<number>`count(*)` })
        .from(measureGoals)
        .innerJoin(measures, eq(measures.id, measureGoals.measureId))
        .where(and(eq(measureGoals.goalId, g.id), eq(measures.planId, plan.id)))
        .get()!.n;
      expect(counts[g.id] ?? 0).toBe(direct);
    }
  });
});

describe("plan lifecycle", () => {
  it("a new plan is an unpublished draft; the period must end after it starts", () => {
    expect(createSafetyPlan(viewerById(coordinatorId), planInput({ periodStart: "2028-01-01", periodEnd: "2025-12-31" }))).toEqual({
      ok: false,
      reason: "periodOrder",
    });
    expect(createSafetyPlan(viewerById(coordinatorId), planInput({ strategyId: 999_999 }))).toEqual({
      ok: false,
      reason: "strategyNotFound",
    });
    const res = createSafetyPlan(viewerById(coordinatorId), planInput());
    expect(res.ok).toBe(true);
    const plan = getPlan((res as { id: number }).id, { publicOnly: false })!;
    expect(plan).toMatchObject({ status: "draft", published: false });
    expect(auditCount("plan.created", plan.id)).toBe(1);
  });

  it("approval requires the decision; steps go only forward; one plan in force at a time", () => {
    const id = (createSafetyPlan(viewerById(coordinatorId), planInput({ nameFi: "Elinkaaritesti" })) as { id: number }).id;
    // No skipping: a draft cannot go straight into force.
    expect(transitionPlan(viewerById(coordinatorId), id, "in_force")).toEqual({ ok: false, reason: "transition" });
    expect(transitionPlan(viewerById(coordinatorId), id, "approved")).toEqual({ ok: false, reason: "decisionMissing" });
    expect(
      transitionPlan(viewerById(coordinatorId), id, "approved", {
        decisionDate: "2025-03-10",
        decisionBody: "Kaupunginhallitus",
        decisionReference: " ",
      }),
    ).toEqual({ ok: false, reason: "decisionMissing" });
    expect(getPlan(id, { publicOnly: false })!.status).toBe("draft");

    expect(
      transitionPlan(viewerById(coordinatorId), id, "approved", {
        decisionDate: "2025-03-10",
        decisionBody: "Kaupunginhallitus",
        decisionReference: "§ 142",
      }),
    ).toEqual({ ok: true });
    expect(getPlan(id, { publicOnly: false })).toMatchObject({
      status: "approved",
      decisionDate: "2025-03-10",
      decisionBody: "Kaupunginhallitus",
      decisionReference: "§ 142",
    });
    expect(auditCount("plan.approved", id)).toBe(1);

    // Once approved, the decision is part of the record and cannot be blanked out by an edit.
    expect(
      updatePlan(
        viewerById(coordinatorId),
        id,
        planInput({ nameFi: "Elinkaaritesti", decisionDate: "2025-03-10", decisionBody: "", decisionReference: "§ 142" }),
      ),
    ).toEqual({ ok: false, reason: "decisionMissing" });

    // The demo city's plan is in force: a second one is refused, and nothing changes.
    const inForce = db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).all();
    expect(inForce).toHaveLength(1);
    const refused = transitionPlan(viewerById(coordinatorId), id, "in_force");
    expect(refused).toMatchObject({ ok: false, reason: "otherInForce", other: { id: inForce[0].id } });
    expect(getPlan(id, { publicOnly: false })!.status).toBe("approved");

    expect(transitionPlan(viewerById(coordinatorId), inForce[0].id, "closed")).toEqual({ ok: true });
    expect(transitionPlan(viewerById(coordinatorId), id, "in_force")).toEqual({ ok: true });
    expect(
      db()
        .select()
        .from(safetyPlans)
        .where(eq(safetyPlans.status, "in_force"))
        .all()
        .map((p) => p.id),
    ).toEqual([id]);
    // A closed plan cannot come back: there is no step after "closed".
    expect(transitionPlan(viewerById(coordinatorId), inForce[0].id, "in_force")).toEqual({ ok: false, reason: "transition" });
    expect(transitionPlan(viewerById(coordinatorId), id, "closed")).toEqual({ ok: true });
    expect(transitionPlan(viewerById(coordinatorId), id, "closed")).toEqual({ ok: false, reason: "transition" });
    expect(transitionPlan(viewerById(coordinatorId), 999_999, "approved")).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("priority areas reviewed yearly", () => {
  it("keeps which areas were in force in which year", () => {
    const planId = (createSafetyPlan(viewerById(coordinatorId), planInput({ nameFi: "Painopistetesti" })) as { id: number }).id;
    const a = savePriorityArea(viewerById(coordinatorId), planId, null, {
      code: "1",
      nameFi: "Liikenneturvallisuus",
      years: [2025],
      decisionNote: "Kaupunginhallitus 10.3.2025",
    });
    const b = savePriorityArea(viewerById(coordinatorId), planId, null, {
      code: "2",
      nameFi: "Nuorten hyvinvointi",
      years: [2025, 2026],
      decisionNote: "Kaupunginhallitus 10.3.2025",
    });
    expect(a.ok && b.ok).toBe(true);
    const aId = (a as { id: number }).id;
    const bId = (b as { id: number }).id;

    const in2026 = listPriorityAreas(planId, new Date("2026-06-01T12:00:00Z"));
    expect(in2026.find((x) => x.id === aId)).toMatchObject({ years: [2025], inForceNow: false });
    expect(in2026.find((x) => x.id === bId)).toMatchObject({ years: [2025, 2026], inForceNow: true });
    const in2025 = listPriorityAreas(planId, new Date("2025-06-01T12:00:00Z"));
    expect(in2025.every((x) => x.inForceNow)).toBe(true);

    // The next yearly review adds 2027 to area 2 with its own note; the earlier years keep theirs.
    expect(setPriorityAreaYears(viewerById(coordinatorId), bId, [2025, 2026, 2027], "Ohjausryhmä 12.2.2027")).toEqual({
      ok: true,
      added: [2027],
      removed: [],
    });
    const notes = priorityAreaYearRecords(planId).filter((r) => r.priorityAreaId === bId);
    expect(notes).toEqual([
      { priorityAreaId: bId, year: 2025, decisionNote: "Kaupunginhallitus 10.3.2025" },
      { priorityAreaId: bId, year: 2026, decisionNote: "Kaupunginhallitus 10.3.2025" },
      { priorityAreaId: bId, year: 2027, decisionNote: "Ohjausryhmä 12.2.2027" },
    ]);
    expect(auditCount("priorityArea.years", bId)).toBe(1);

    // Years outside the plan's period are refused and nothing is written.
    expect(setPriorityAreaYears(viewerById(coordinatorId), aId, [2025, 2031])).toEqual({ ok: false, reason: "yearOutsidePeriod" });
    expect(savePriorityArea(viewerById(coordinatorId), planId, aId, { code: "1", nameFi: "Muutettu nimi", years: [2024] })).toEqual({
      ok: false,
      reason: "yearOutsidePeriod",
    });
    expect(listPriorityAreas(planId).find((x) => x.id === aId)).toMatchObject({ nameFi: "Liikenneturvallisuus", years: [2025] });

    // Codes are unique within a plan.
    expect(savePriorityArea(viewerById(coordinatorId), planId, null, { code: "2", nameFi: "Kaksoiskappale" })).toEqual({
      ok: false,
      reason: "codeTaken",
    });
    expect(savePriorityArea(viewerById(coordinatorId), planId, aId, { code: "2", nameFi: "Liikenneturvallisuus" })).toEqual({
      ok: false,
      reason: "codeTaken",
    });

    // An edit without years leaves the years as they were.
    expect(savePriorityArea(viewerById(coordinatorId), planId, aId, { code: "1", nameFi: "Liikenne- ja katuturvallisuus" })).toEqual({
      ok: true,
      id: aId,
    });
    expect(listPriorityAreas(planId).find((x) => x.id === aId)).toMatchObject({ nameFi: "Liikenne- ja katuturvallisuus", years: [2025] });

    // The period cannot shrink past recorded years.
    expect(updatePlan(viewerById(coordinatorId), planId, planInput({ nameFi: "Painopistetesti", periodStart: "2026-01-01" }))).toEqual({
      ok: false,
      reason: "yearsOutsidePeriod",
    });
    expect(updatePlan(viewerById(coordinatorId), planId, planInput({ nameFi: "Painopistetesti", periodEnd: "2029-12-31" }))).toEqual({
      ok: true,
      id: planId,
    });
  });
});

describe("what the public sees", () => {
  it("hides unpublished plans and mere proposals", () => {
    const planId = (createSafetyPlan(viewerById(coordinatorId), planInput({ nameFi: "Julkisuustesti" })) as { id: number }).id;
    const area = (savePriorityArea(viewerById(coordinatorId), planId, null, { code: "1", nameFi: "Alue", years: [2025] }) as { id: number })
      .id;
    addMeasure(planId, area, "in_progress");
    addMeasure(planId, area, "in_progress");
    addMeasure(planId, area, "proposed", false);
    addMeasure(planId, area, "completed", false); // unpublished by the coordinator

    expect(listPlans({ publicOnly: true }).map((p) => p.id)).not.toContain(planId);
    expect(listPlans({ publicOnly: false }).map((p) => p.id)).toContain(planId);
    expect(getPlan(planId, { publicOnly: true })).toBeNull();
    expect(priorityAreaMeasureCounts(planId, { publicOnly: true })).toEqual([]);
    expect(planMeasureCounts({ publicOnly: true })[planId]).toBeUndefined();

    expect(setPlanPublished(viewerById(coordinatorId), planId, true)).toBe(true);
    expect(getPlan(planId, { publicOnly: true })?.id).toBe(planId);
    const publicCounts = priorityAreaMeasureCounts(planId, { publicOnly: true });
    expect(publicCounts.map(({ status, count }) => ({ status, count }))).toEqual([{ status: "in_progress", count: 2 }]);
    const staffCounts = priorityAreaMeasureCounts(planId, { publicOnly: false });
    expect(staffCounts.reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(staffCounts.some((c) => c.status === "proposed")).toBe(true);
    expect(planMeasureCounts({ publicOnly: true })[planId]).toBe(2);
    expect(auditCount("plan.published", planId)).toBe(1);

    expect(setPlanPublished(viewerById(coordinatorId), planId, false)).toBe(true);
    expect(getPlan(planId, { publicOnly: true })).toBeNull();
    expect(setPlanPublished(viewerById(coordinatorId), 999_999, true)).toBe(false);
  });

  it("never takes an unpublished plan in force as the public's current plan", () => {
    // Earlier tests left no plan in force; put an unpublished one in force.
    const id = (createSafetyPlan(viewerById(coordinatorId), planInput({ nameFi: "Piilotettu voimassa" })) as { id: number }).id;
    expect(
      transitionPlan(viewerById(coordinatorId), id, "approved", {
        decisionDate: "2025-01-15",
        decisionBody: "Kaupunginhallitus",
        decisionReference: "§ 1",
      }).ok,
    ).toBe(true);
    expect(transitionPlan(viewerById(coordinatorId), id, "in_force").ok).toBe(true);
    expect(currentPlan({ publicOnly: false })?.id).toBe(id);
    expect(currentPlan({ publicOnly: true })?.id).not.toBe(id);
  });
});

describe("strategy and goals", () => {
  it("edits the strategy and keeps goal codes unique within it", () => {
    expect(saveStrategy(viewerById(coordinatorId), null, { nameFi: "Väärä kausi", termStartYear: 2029, termEndYear: 2025 })).toEqual({
      ok: false,
      reason: "termOrder",
    });
    const s = saveStrategy(viewerById(coordinatorId), null, { nameFi: "Testistrategia", termStartYear: 2025, termEndYear: 2029 });
    expect(s.ok).toBe(true);
    const sid = (s as { id: number }).id;
    expect(
      saveStrategy(viewerById(coordinatorId), sid, {
        nameFi: "Testistrategia 2025–2029",
        nameSv: "Teststrategi",
        termStartYear: 2025,
        termEndYear: 2029,
      }),
    ).toEqual({ ok: true, id: sid });
    expect(saveStrategy(viewerById(coordinatorId), 999_999, { nameFi: "Ei ole", termStartYear: 2025, termEndYear: 2029 })).toEqual({
      ok: false,
      reason: "notFound",
    });
    const g = saveStrategyGoal(viewerById(coordinatorId), sid, null, { code: "T1", nameFi: "Turvallinen kaupunki" });
    expect(g.ok).toBe(true);
    expect(saveStrategyGoal(viewerById(coordinatorId), sid, null, { code: "T1", nameFi: "Toinen" })).toEqual({
      ok: false,
      reason: "codeTaken",
    });
    expect(
      saveStrategyGoal(viewerById(coordinatorId), sid, (g as { id: number }).id, {
        code: "T1",
        nameFi: "Turvallinen ja viihtyisä kaupunki",
      }),
    ).toEqual({ ok: true, id: (g as { id: number }).id });
    expect(saveStrategyGoal(viewerById(coordinatorId), 999_999, null, { code: "X", nameFi: "Ei strategiaa" })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(auditCount("strategy.updated", sid)).toBe(1);
  });
});
