// Measure rules on a real database: computed late/stale, cost shares, lifecycle, concurrent edits,
// follow-up history and revisions, search and filters, "My measures", and public visibility.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, followUps, measureAreas, measures, organisations, priorityAreas, safetyPlans } from "../../db/schema";
import { MeasureFormSchema } from "~/forms/measures";
import { db } from "~/server/platform/db.server";
import { canTransition, costSharesProblem, followUpStatuses, helsinkiDate, addDaysIso } from "~/server/city/measure-rules";
import {
  addFollowUp,
  decideMeasure,
  editFollowUp,
  ftsQuery,
  getMeasure,
  listFollowUpRevisions,
  listMeasures,
  listMyMeasures,
  measureMatchesFilter,
  proposeMeasure,
  updateMeasure,
  type MeasureInput,
} from "~/server/city/measures.server";
import { startSession } from "~/server/people/auth.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";
import { BLANK_MEASURE } from "~/server/city/measure-input";

const NOW = new Date("2026-11-23T10:00:00Z");
const DAY = 86400000;
let planId: number;
let areaId: number;
let orgA: number;
let orgB: number;
let expertId: string;
let coordinatorId: string;

function input(overrides: Partial<MeasureInput> = {}): MeasureInput {
  return {
    ...BLANK_MEASURE,
    code: "9.1",
    title: "Testitoimenpide",
    priorityAreaId: areaId,
    ownerOrganisationId: orgA,
    responsibleUserId: expertId,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    ...overrides,
  };
}

/** A measure approved `approvedDaysAgo` days before NOW. */
function approvedMeasure(overrides: Partial<MeasureInput>, approvedDaysAgo = 10) {
  const created = proposeMeasure(viewerById(expertId), planId, input(overrides));
  if (!created.ok) throw new Error(JSON.stringify(created));
  expect(decideMeasure(viewerById(coordinatorId), created.id, 1, "approved", new Date(NOW.getTime() - approvedDaysAgo * DAY))).toEqual({
    ok: true,
  });
  return created.id;
}

const version = (id: number) => db().select({ v: measures.version }).from(measures).where(eq(measures.id, id)).get()!.v;

beforeAll(async () => {
  await seedOnce();
  const d = db();
  planId = Number(
    d
      .insert(safetyPlans)
      .values({
        nameFi: "Testisuunnitelma",
        periodStart: "2026-01-01",
        periodEnd: "2028-12-31",
        status: "in_force",
        published: true,
        updateIntervalDays: 90,
      })
      .run().lastInsertRowid,
  );
  areaId = Number(d.insert(priorityAreas).values({ planId, code: "9", nameFi: "Testialue" }).run().lastInsertRowid);
  orgA = d.select().from(organisations).where(eq(organisations.kind, "police")).get()!.id;
  orgB = d.select().from(organisations).where(eq(organisations.kind, "wellbeing_region")).get()!.id;
  expertId = userIdOf(DEMO.expert);
  coordinatorId = userIdOf(DEMO.coordinator);
});

describe("pure rules", () => {
  it("cost shares must name each organisation once and total exactly 100 %", () => {
    expect(costSharesProblem([])).toBeNull();
    expect(
      costSharesProblem([
        { organisationId: 1, percent: 60 },
        { organisationId: 2, percent: 40 },
      ]),
    ).toBeNull();
    expect(
      costSharesProblem([
        { organisationId: 1, percent: 33.33 },
        { organisationId: 2, percent: 33.33 },
        { organisationId: 3, percent: 33.34 },
      ]),
    ).toBeNull();
    expect(
      costSharesProblem([
        { organisationId: 1, percent: 60 },
        { organisationId: 2, percent: 30 },
      ]),
    ).toBe("total");
    expect(
      costSharesProblem([
        { organisationId: 1, percent: 50 },
        { organisationId: 1, percent: 50 },
      ]),
    ).toBe("duplicate");
    expect(
      costSharesProblem([
        { organisationId: 1, percent: 0 },
        { organisationId: 2, percent: 100 },
      ]),
    ).toBe("range");
  });

  it("the form refuses shares that do not total 100 and accepts Finnish decimals", () => {
    const base = { code: "1.1", title: "Otsikko", ownerOrganisationId: "1", endDate: "2027-01-01", cityWide: "on" };
    const bad = MeasureFormSchema.safeParse({
      ...base,
      costShares: [
        { organisationId: "1", percent: "60" },
        { organisationId: "2", percent: "30" },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain("measures.validation.costShares.total");
    const good = MeasureFormSchema.safeParse({
      ...base,
      budgetEur: "24 000,50",
      costShares: [
        { organisationId: "1", percent: "60,5" },
        { organisationId: "2", percent: "39,5" },
      ],
    });
    expect(good.success).toBe(true);
    expect(good.data?.budgetEur).toBe(24000.5);
  });

  it("status lifecycle: approval is a decision, closed measures do not move freely", () => {
    expect(canTransition("proposed", "approved")).toBe(true);
    expect(canTransition("proposed", "in_progress")).toBe(false);
    expect(canTransition("in_progress", "completed")).toBe(true);
    expect(canTransition("discontinued", "in_progress")).toBe(false);
    expect(followUpStatuses("proposed")).toEqual([]);
    expect(followUpStatuses("in_progress")).toContain("delayed");
    expect(followUpStatuses("in_progress")).not.toContain("proposed");
  });

  it("FTS queries are built from words, never from raw syntax", () => {
    expect(ftsQuery('nuoret "OR" *')).toBe('"nuoret"* "OR"*');
    expect(ftsQuery("   ")).toBeNull();
  });
});

describe("computed late and stale", () => {
  it("late = end date or an open task's due date passed while active; never typed in", () => {
    const today = helsinkiDate(NOW);
    const pastEnd = approvedMeasure({ code: "9.10", endDate: addDaysIso(today, -1) });
    const openTaskLate = approvedMeasure({ code: "9.11", tasks: [{ title: "Raportti", dueDate: addDaysIso(today, -3), state: "open" }] });
    const doneTask = approvedMeasure({ code: "9.12", tasks: [{ title: "Raportti", dueDate: addDaysIso(today, -3), state: "done" }] });
    const dueSoon = approvedMeasure({ code: "9.13", endDate: addDaysIso(today, 10) });
    const flags = (id: number) => {
      const m = getMeasure(id, { publicOnly: false, now: NOW })!;
      return { late: m.late, dueSoon: m.dueSoon };
    };
    expect(flags(pastEnd)).toEqual({ late: true, dueSoon: false });
    expect(flags(openTaskLate).late).toBe(true);
    expect(flags(doneTask).late).toBe(false);
    expect(flags(dueSoon)).toEqual({ late: false, dueSoon: true });
    // Reporting it completed takes it out of "late".
    expect(
      addFollowUp(
        viewerById(expertId),
        pastEnd,
        version(pastEnd),
        { status: "completed", progress: 100, done: "Valmis.", next: "", obstacles: "", publicText: "" },
        NOW,
      ).ok,
    ).toBe(true);
    expect(flags(pastEnd).late).toBe(false);
    const lateCodes = listMeasures({ planId, late: true, pageSize: 100 }, { publicOnly: false, now: NOW }).rows.map((r) => r.code);
    expect(lateCodes).toContain("9.11");
    expect(lateCodes).not.toContain("9.10");
  });

  it("stale = no follow-up within the plan's interval (approval counts until the first one)", () => {
    const fresh = approvedMeasure({ code: "9.20" }, 30);
    const old = approvedMeasure({ code: "9.21" }, 120);
    const stale = (id: number) => getMeasure(id, { publicOnly: false, now: NOW })!.stale;
    expect(stale(fresh)).toBe(false);
    expect(stale(old)).toBe(true);
    addFollowUp(
      viewerById(expertId),
      old,
      version(old),
      { status: "in_progress", progress: 20, done: "Aloitettu.", next: "", obstacles: "", publicText: "" },
      new Date(NOW.getTime() - 5 * DAY),
    );
    expect(stale(old)).toBe(false);
    // A follow-up 91 days ago is stale again with a 90-day interval.
    const older = approvedMeasure({ code: "9.22" }, 200);
    addFollowUp(
      viewerById(expertId),
      older,
      version(older),
      { status: "in_progress", progress: 20, done: "Aloitettu.", next: "", obstacles: "", publicText: "" },
      new Date(NOW.getTime() - 91 * DAY),
    );
    expect(stale(older)).toBe(true);
    const staleCodes = listMeasures({ planId, stale: true, pageSize: 100 }, { publicOnly: false, now: NOW }).rows.map((r) => r.code);
    expect(staleCodes).toEqual(expect.arrayContaining(["9.22"]));
    expect(staleCodes).not.toContain("9.20");
  });
});

describe("changing measures safely", () => {
  it("refuses the second of two concurrent edits and says which fields changed", () => {
    const id = approvedMeasure({ code: "9.30" });
    const opened = version(id);
    expect(updateMeasure(viewerById(expertId), id, opened, input({ code: "9.30", title: "Ensimmäisen muutos" }))).toMatchObject({
      ok: true,
    });
    const second = updateMeasure(viewerById(coordinatorId), id, opened, input({ code: "9.30", title: "Toisen muutos", budgetEur: 5000 }));
    expect(second.ok).toBe(false);
    if (second.ok || second.reason !== "conflict") throw new Error("expected a conflict");
    expect(second.current.title).toBe("Ensimmäisen muutos");
    expect(second.changed).toEqual(expect.arrayContaining(["title", "budgetEur"]));
    expect(getMeasure(id, { publicOnly: false })!.measure.title).toBe("Ensimmäisen muutos");
    // Saving again on top of the new version works.
    expect(
      updateMeasure(viewerById(coordinatorId), id, second.currentVersion, input({ code: "9.30", title: "Toisen muutos" })),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses a duplicate identifier within the plan", () => {
    approvedMeasure({ code: "9.31" });
    expect(proposeMeasure(viewerById(expertId), planId, input({ code: "9.31" }))).toEqual({ ok: false, reason: "codeTaken" });
  });

  it("a follow-up moves the status and progress; a stale form is refused with the newer entry", () => {
    const id = approvedMeasure({ code: "9.40" });
    const opened = version(id);
    expect(
      addFollowUp(
        viewerById(expertId),
        id,
        opened,
        { status: "in_progress", progress: 30, done: "Ensimmäinen", next: "", obstacles: "", publicText: "Julkinen" },
        NOW,
      ).ok,
    ).toBe(true);
    const late = addFollowUp(
      viewerById(coordinatorId),
      id,
      opened,
      { status: "delayed", progress: 10, done: "Toinen", next: "", obstacles: "", publicText: "" },
      NOW,
    );
    expect(late).toMatchObject({ ok: false, reason: "conflict", latest: { done: "Ensimmäinen", progress: 30 } });
    const m = getMeasure(id, { publicOnly: false })!;
    expect(m.measure).toMatchObject({ status: "in_progress", progress: 30 });
    expect(m.followUps).toHaveLength(1);
    // Completed always means 100 %, but below 100 % only once the reporter confirms; proposals cannot be followed up.
    const completing = { status: "completed" as const, progress: 80, done: "Valmis", next: "", obstacles: "", publicText: "" };
    expect(addFollowUp(viewerById(expertId), id, version(id), completing, NOW)).toEqual({
      ok: false,
      reason: "confirmCompletion",
      progress: 80,
      openTasks: [],
    });
    expect(addFollowUp(viewerById(expertId), id, version(id), { ...completing, confirmCompletion: true }, NOW).ok).toBe(true);
    expect(getMeasure(id, { publicOnly: false })!.measure.progress).toBe(100);
    const proposal = proposeMeasure(viewerById(expertId), planId, input({ code: "9.41" }));
    expect(
      proposal.ok &&
        addFollowUp(viewerById(expertId), proposal.id, 1, {
          status: "in_progress",
          progress: 5,
          done: "x",
          next: "",
          obstacles: "",
          publicText: "",
        }),
    ).toEqual({ ok: false, reason: "transition" });
  });

  it("correcting an entry keeps the earlier wording as a revision", () => {
    const id = approvedMeasure({ code: "9.50" });
    const added = addFollowUp(
      viewerById(expertId),
      id,
      version(id),
      { status: "in_progress", progress: 40, done: "Alkuperäinen teksti", next: "", obstacles: "", publicText: "" },
      NOW,
    );
    if (!added.ok) throw new Error("follow-up failed");
    expect(
      editFollowUp(viewerById(expertId), added.followUpId, 1, { done: "Korjattu teksti", next: "", obstacles: "", publicText: "" }),
    ).toEqual({
      ok: true,
    });
    expect(
      editFollowUp(viewerById(coordinatorId), added.followUpId, 1, {
        done: "Vanhaan versioon perustuva",
        next: "",
        obstacles: "",
        publicText: "",
      }),
    ).toEqual({ ok: false, reason: "conflict" });
    expect(db().select().from(followUps).where(eq(followUps.id, added.followUpId)).get()).toMatchObject({
      done: "Korjattu teksti",
      revision: 2,
    });
    expect(listFollowUpRevisions(id)).toMatchObject([{ revision: 1, done: "Alkuperäinen teksti" }]);
  });
});

describe("completing a measure with work still open", () => {
  const today = () => helsinkiDate(NOW);
  const report = (overrides: Partial<Parameters<typeof addFollowUp>[3]> = {}) => ({
    status: "completed" as const,
    progress: 100,
    done: "Kaikki tehty.",
    next: "",
    obstacles: "",
    publicText: "",
    ...overrides,
  });
  const tasksOf = (id: number) => getMeasure(id, { publicOnly: false, now: NOW })!.tasks;

  it("is refused without a confirmation and names the open tasks, overdue ones marked; nothing is saved", () => {
    const id = approvedMeasure({
      code: "9.80",
      tasks: [
        { title: "Loppuraportti", dueDate: addDaysIso(today(), -13), state: "open" },
        { title: "Kysely", dueDate: addDaysIso(today(), 20), state: "open" },
        { title: "Koulutus", dueDate: null, state: "done" },
      ],
    });
    const before = version(id);
    const [late, soon] = tasksOf(id);
    const refused = addFollowUp(viewerById(expertId), id, before, report(), NOW);
    expect(refused).toEqual({
      ok: false,
      reason: "confirmCompletion",
      progress: 100,
      openTasks: [
        { id: late!.id, title: "Loppuraportti", dueDate: addDaysIso(today(), -13), overdue: true },
        { id: soon!.id, title: "Kysely", dueDate: addDaysIso(today(), 20), overdue: false },
      ],
    });
    const m = getMeasure(id, { publicOnly: false, now: NOW })!;
    expect(m.measure).toMatchObject({ status: "approved", version: before });
    expect(m.followUps).toHaveLength(0);
    expect(m.late).toBe(true);
  });

  it("asks about the tasks left open by this very report, and not when the report closes them", () => {
    const id = approvedMeasure({
      code: "9.81",
      tasks: [
        { title: "Loppuraportti", dueDate: addDaysIso(today(), -13), state: "open" },
        { title: "Kysely", dueDate: null, state: "open" },
      ],
    });
    const [first, second] = tasksOf(id);
    const oneLeft = addFollowUp(viewerById(expertId), id, version(id), report({ taskStates: [{ id: first!.id, state: "done" }] }), NOW);
    expect(oneLeft).toMatchObject({ ok: false, reason: "confirmCompletion", openTasks: [{ title: "Kysely" }] });
    const closed = addFollowUp(
      viewerById(expertId),
      id,
      version(id),
      report({
        taskStates: [
          { id: first!.id, state: "done" },
          { id: second!.id, state: "cancelled" },
        ],
      }),
      NOW,
    );
    expect(closed.ok).toBe(true);
    expect(getMeasure(id, { publicOnly: false, now: NOW })!.measure).toMatchObject({ status: "completed", progress: 100 });
  });

  it("saves once confirmed: completed at 100 %, the tasks left open as they were, no longer late", () => {
    const id = approvedMeasure({ code: "9.82", tasks: [{ title: "Loppuraportti", dueDate: addDaysIso(today(), -13), state: "open" }] });
    const saved = addFollowUp(viewerById(expertId), id, version(id), report({ progress: 90, confirmCompletion: true }), NOW);
    expect(saved.ok).toBe(true);
    const m = getMeasure(id, { publicOnly: false, now: NOW })!;
    expect(m.measure).toMatchObject({ status: "completed", progress: 100 });
    expect(m.tasks.map((t) => t.state)).toEqual(["open"]);
    expect(m.followUps[0]).toMatchObject({ status: "completed", progress: 100 });
    expect(m.late).toBe(false);
  });

  it("does not ask again when a completed measure is reported completed, nor for other statuses", () => {
    const id = approvedMeasure({ code: "9.83", tasks: [{ title: "Loppuraportti", dueDate: addDaysIso(today(), -13), state: "open" }] });
    expect(addFollowUp(viewerById(expertId), id, version(id), report({ status: "in_progress", progress: 40 }), NOW).ok).toBe(true);
    expect(addFollowUp(viewerById(expertId), id, version(id), report({ confirmCompletion: true }), NOW).ok).toBe(true);
    expect(addFollowUp(viewerById(expertId), id, version(id), report({ done: "Jälkikirjaus." }), NOW).ok).toBe(true);
  });
});

describe("a measure page's follow-up history", () => {
  it("shows ten entries a page, newest first, with only those entries' earlier wordings", async () => {
    const id = approvedMeasure({ code: "9.55" });
    const added: number[] = [];
    for (let i = 1; i <= 23; i++) {
      const r = addFollowUp(
        viewerById(expertId),
        id,
        version(id),
        { status: "in_progress", progress: i, done: `Raportti ${i}`, next: "", obstacles: "", publicText: "" },
        new Date(NOW.getTime() - (23 - i) * DAY),
      );
      if (!r.ok) throw new Error("follow-up failed");
      added.push(r.followUpId);
    }
    // Entry 12 lands on page 2 (entries 13..4 newest first); entry 2 on page 3.
    expect(
      editFollowUp(viewerById(expertId), added[11], 1, { done: "Raportti 12 korjattu", next: "", obstacles: "", publicText: "" }),
    ).toEqual({
      ok: true,
    });
    expect(
      editFollowUp(viewerById(expertId), added[1], 1, { done: "Raportti 2 korjattu", next: "", obstacles: "", publicText: "" }),
    ).toEqual({
      ok: true,
    });

    const { loader } = await import("~/routes/measures.$measureId._index");
    const cookie = (await startSession(coordinatorId, "vitest")).split(";")[0]!;
    const load = async (query: string) => {
      const res = (await loader({
        request: new Request(`http://localhost/measures/${id}${query}`, { headers: { Cookie: cookie } }),
        context: { nonce: "n", clientIp: "10.0.0.1", memo: {}, setCookies: [] },
        params: { measureId: String(id) },
      })) as Response;
      return (await res.json()) as {
        measure: { followUps: { done: string }[] };
        history: { page: number; pageCount: number; total: number };
        revisions: { done: string }[];
      };
    };
    const first = await load("");
    expect(first.history).toEqual({ page: 1, pageCount: 3, total: 23 });
    expect(first.measure.followUps.map((f) => f.done)).toEqual(Array.from({ length: 10 }, (_, i) => `Raportti ${23 - i}`));
    expect(first.revisions).toEqual([]);
    const second = await load("?historyPage=2");
    expect(second.measure.followUps.map((f) => f.done)).toEqual(
      Array.from({ length: 10 }, (_, i) => (13 - i === 12 ? "Raportti 12 korjattu" : `Raportti ${13 - i}`)),
    );
    expect(second.revisions.map((r) => r.done)).toEqual(["Raportti 12"]);
    // Past the end is the last page; nonsense is the first.
    const last = await load("?historyPage=99");
    expect(last.history.page).toBe(3);
    expect(last.measure.followUps.map((f) => f.done)).toEqual(["Raportti 3", "Raportti 2 korjattu", "Raportti 1"]);
    expect((await load("?historyPage=abc")).history.page).toBe(1);
  });
});

describe("finding measures", () => {
  it("full-text search ignores case and diacritics, and matches word prefixes", () => {
    approvedMeasure({ code: "9.60", title: "Ääniä kuuluu: melun seuranta Kalliossa", description: "Turvallisuuskävelyt iltaisin" });
    const codes = (q: string) => listMeasures({ planId, q, pageSize: 100 }, { publicOnly: false, now: NOW }).rows.map((r) => r.code);
    expect(codes("aania")).toContain("9.60");
    expect(codes("ÄÄNIÄ")).toContain("9.60");
    expect(codes("turvallisuus")).toContain("9.60");
    expect(codes("Turvallisuuskävelyt")).toContain("9.60");
    expect(codes("kallio")).toContain("9.60");
    expect(codes("olematonsana")).toEqual([]);
  });

  it("filters by owner, area (with its sub-areas) and status, sorts 2.10 after 2.9, and pages", () => {
    const kallio = db().select().from(areas).where(eq(areas.nameFi, "Kallio")).get()!;
    const subArea = db().select().from(areas).where(eq(areas.parentId, kallio.id)).get()!;
    approvedMeasure({ code: "9.9", ownerOrganisationId: orgB, cityWide: false, areaIds: [subArea.id] });
    approvedMeasure({ code: "9.100", ownerOrganisationId: orgB });
    const byOwner = listMeasures({ planId, ownerId: orgB, pageSize: 100 }, { publicOnly: false, now: NOW }).rows.map((r) => r.code);
    expect(byOwner).toEqual(["9.9", "9.100"]);
    expect(listMeasures({ planId, areaId: kallio.id, pageSize: 100 }, { publicOnly: false, now: NOW }).rows.map((r) => r.code)).toEqual([
      "9.9",
    ]);
    const page1 = listMeasures({ planId, pageSize: 3, page: 1 }, { publicOnly: false, now: NOW });
    const page2 = listMeasures({ planId, pageSize: 3, page: 2 }, { publicOnly: false, now: NOW });
    expect(page1.rows).toHaveLength(3);
    expect(page1.total).toBe(page2.total);
    expect(page1.rows.map((r) => r.id)).not.toEqual(expect.arrayContaining(page2.rows.map((r) => r.id)));
    const inProgress = listMeasures({ planId, status: ["completed"], pageSize: 100 }, { publicOnly: false, now: NOW }).rows;
    expect(inProgress.every((r) => r.status === "completed")).toBe(true);
  });

  it("filters by several areas at once (a network's areas), pages through them, and checks one measure without listing", () => {
    // The demo city's plan with the most measures aimed at areas.
    const cityPlanId = (
      db()
        .$client.prepare(
          "select m.plan_id as id from measures m join measure_areas ma on ma.measure_id = m.id group by m.plan_id order by count(distinct ma.area_id) desc limit 1",
        )
        .get() as { id: number }
    ).id;
    const targeted = db()
      .selectDistinct({ id: measureAreas.areaId })
      .from(measureAreas)
      .innerJoin(measures, eq(measures.id, measureAreas.measureId))
      .where(eq(measures.planId, cityPlanId))
      .all();
    const districts = targeted.slice(0, 3);
    expect(districts.length).toBeGreaterThan(1);
    const one = (areaId: number) =>
      listMeasures({ planId: cityPlanId, areaId, pageSize: 1000 }, { publicOnly: false, now: NOW }).rows.map((r) => r.id);
    const union = [...new Set(districts.flatMap((a) => one(a.id)))].sort((a, b) => a - b);
    expect(union.length).toBeGreaterThan(0);
    const areaIds = districts.map((a) => a.id);
    const all = listMeasures({ planId: cityPlanId, areaIds, pageSize: 1000 }, { publicOnly: false, now: NOW });
    expect([...all.rows.map((r) => r.id)].sort((a, b) => a - b)).toEqual(union);
    // Pages of 3 walk through the same measures in the same order as one long page.
    const paged: number[] = [];
    const first = listMeasures({ planId: cityPlanId, areaIds, page: 1, pageSize: 3 }, { publicOnly: false, now: NOW });
    for (let page = 1; page <= first.pageCount; page++)
      paged.push(
        ...listMeasures({ planId: cityPlanId, areaIds, page, pageSize: 3 }, { publicOnly: false, now: NOW }).rows.map((r) => r.id),
      );
    expect(paged).toEqual(all.rows.map((r) => r.id));
    expect(first.total).toBe(union.length);
    expect(listMeasures({ planId: cityPlanId, areaIds: [], pageSize: 1000 }, { publicOnly: false, now: NOW }).total).toBe(0);
    expect(measureMatchesFilter(union[0], { planId: cityPlanId, areaIds }, { publicOnly: false, now: NOW })).toBe(true);
    const outside = db()
      .select({ id: measures.id })
      .from(measures)
      .where(eq(measures.planId, cityPlanId))
      .all()
      .find((m) => !union.includes(m.id));
    expect(outside).toBeDefined();
    expect(measureMatchesFilter(outside!.id, { planId: cityPlanId, areaIds }, { publicOnly: false, now: NOW })).toBe(false);
    expect(measureMatchesFilter(union[0], { planId: cityPlanId, areaIds: [] }, { publicOnly: false, now: NOW })).toBe(false);
  });

  it("the public sees neither proposals nor unpublished measures", () => {
    const hidden = approvedMeasure({ code: "9.70", published: false });
    const proposal = proposeMeasure(viewerById(expertId), planId, input({ code: "9.71" }));
    const publicCodes = listMeasures({ planId, pageSize: 500 }, { publicOnly: true, now: NOW }).rows.map((r) => r.code);
    expect(publicCodes).not.toContain("9.70");
    expect(publicCodes).not.toContain("9.71");
    expect(getMeasure(hidden, { publicOnly: true })).toBeNull();
    expect(proposal.ok && getMeasure(proposal.id, { publicOnly: true })).toBeNull();
    expect(getMeasure(hidden, { publicOnly: false })).not.toBeNull();
  });

  it("My measures puts late, then stale, then due soon first", () => {
    const rows = listMyMeasures(expertId, [orgA], NOW).filter((r) => r.code.startsWith("9."));
    const rank = (r: (typeof rows)[number]) => (r.late ? 0 : r.stale ? 1 : r.dueSoon ? 2 : 3);
    const ranks = rows.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows.some((r) => r.late)).toBe(true);
  });
});
