// Steering summary and status reviews on a real database: numbers equal direct counts on a
// generated plan of several hundred measures, sent reviews are frozen, diffs are right.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  MEASURE_STATUSES,
  followUps,
  measureTasks,
  measures,
  organisations,
  priorityAreaYears,
  priorityAreas,
  safetyPlans,
  type MeasureStatus,
} from "../../db/schema";
import { i18nFor } from "~/i18n/i18n.server";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { addDaysIso, helsinkiDate } from "~/server/city/measure-rules";
import { addFollowUp, listMeasures, measureIdsMatching, updateMeasure, snapshotOf } from "~/server/city/measures.server";
import { cachedRead } from "~/server/platform/read-cache.server";
import { reviewPdf, reviewXlsx } from "~/server/steering/review-export.server";
import {
  changesSinceReview,
  closeReview,
  createReview,
  getReview,
  recordDecision,
  saveAssessment,
  sendReview,
} from "~/server/steering/reviews.server";
import { DEADLINE_LIST_LIMIT, steeringSummary, SUMMARY_LIST_LIMIT } from "~/server/steering/summary.server";
import { narrowChanges } from "~/server/steering/changes";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { pdfText } from "../support/pdf-streams";
import { viewerById } from "~/server/people/viewer.server";

const NOW = new Date("2026-11-23T10:00:00Z");
const DAY = 86400000;
let planId: number;
let areaIds: number[];
let orgIds: number[];
let coordinator: string;
let expert: string;

/** Deterministic pseudo-random numbers so a failure can be reproduced. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

beforeAll(async () => {
  await seedOnce();
  const d = db();
  coordinator = userIdOf(DEMO.coordinator);
  expert = userIdOf(DEMO.expert);
  planId = Number(
    d
      .insert(safetyPlans)
      .values({
        nameFi: "Generoitu suunnitelma",
        periodStart: "2025-01-01",
        periodEnd: "2028-12-31",
        status: "approved",
        updateIntervalDays: 90,
      })
      .run().lastInsertRowid,
  );
  areaIds = [1, 2, 3, 4, 5].map((n) =>
    Number(
      d
        .insert(priorityAreas)
        .values({ planId, code: String(n), nameFi: `Alue ${n}` })
        .run().lastInsertRowid,
    ),
  );
  orgIds = d
    .select({ id: organisations.id })
    .from(organisations)
    .all()
    .map((o) => o.id)
    .slice(0, 6);
  const random = rng(42);
  const today = helsinkiDate(NOW);
  d.transaction((tx) => {
    for (let i = 0; i < 400; i++) {
      const status = MEASURE_STATUSES[Math.floor(random() * MEASURE_STATUSES.length)] as MeasureStatus;
      const endOffset = Math.floor(random() * 400) - 150;
      const lastFollowUp = random() < 0.8 ? new Date(NOW.getTime() - Math.floor(random() * 200) * DAY) : null;
      const id = Number(
        tx
          .insert(measures)
          .values({
            planId,
            priorityAreaId: random() < 0.95 ? areaIds[Math.floor(random() * areaIds.length)] : null,
            code: `${1 + (i % 5)}.${i}`,
            title: `Generoitu toimenpide ${i}`,
            ownerOrganisationId: orgIds[Math.floor(random() * orgIds.length)],
            status,
            progress: status === "completed" ? 100 : Math.floor(random() * 100),
            endDate: random() < 0.2 ? null : addDaysIso(today, endOffset),
            continuous: false,
            approvedAt: status === "proposed" ? null : new Date(NOW.getTime() - 300 * DAY),
            lastFollowUpAt: lastFollowUp,
            createdAt: new Date(NOW.getTime() - 320 * DAY),
          })
          .run().lastInsertRowid,
      );
      if (random() < 0.3)
        tx.insert(measureTasks)
          .values({
            measureId: id,
            title: "Välitavoite",
            dueDate: addDaysIso(today, Math.floor(random() * 120) - 60),
            state: random() < 0.5 ? "open" : "done",
          })
          .run();
      if (lastFollowUp)
        tx.insert(followUps)
          .values({ measureId: id, reportedById: expert, reportedAt: lastFollowUp, status, progress: 10, done: "Tehty" })
          .run();
    }
  });
});

describe("live status summary", () => {
  it("the numbers per priority area and status equal a direct count of the records", () => {
    const summary = steeringSummary(planId, {}, NOW);
    const direct = db()
      .select({ area: measures.priorityAreaId, status: measures.status, n: sql<number>`count(*)` })
      .from(measures)
      .where(eq(measures.planId, planId))
      .groupBy(measures.priorityAreaId, measures.status)
      .all();
    for (const row of direct) {
      const area = summary.areas.find((a) => a.id === row.area)!;
      expect(area.counts[row.status], `${row.area}/${row.status}`).toBe(row.n);
    }
    expect(summary.totals.total).toBe(400);
    // Late and stale equal what the measure list (with the same filter in its URL) shows.
    expect(summary.totals.late).toBe(listMeasures({ planId, late: true }, { publicOnly: false, now: NOW }).total);
    expect(summary.totals.stale).toBe(listMeasures({ planId, stale: true }, { publicOnly: false, now: NOW }).total);
    // The summary names the most overdue ones first; the list behind the number has them all.
    expect(summary.totals.late).toBeGreaterThan(SUMMARY_LIST_LIMIT);
    expect(summary.late).toHaveLength(SUMMARY_LIST_LIMIT);
    const lateByEnd = listMeasures(
      { planId, late: true, sort: "end", dir: "asc", pageSize: SUMMARY_LIST_LIMIT },
      { publicOnly: false, now: NOW },
    ).rows;
    expect(summary.late.map((m) => m.endDate)).toEqual(lateByEnd.map((m) => m.endDate));
    for (const area of summary.areas.filter((a) => a.id)) {
      expect(area.late).toBe(listMeasures({ planId, priorityAreaId: area.id!, late: true }, { publicOnly: false, now: NOW }).total);
      expect(area.total).toBe(listMeasures({ planId, priorityAreaId: area.id! }, { publicOnly: false, now: NOW }).total);
    }
  });

  it("filters by owner and keeps totals consistent with the list", () => {
    const owner = orgIds[0];
    const summary = steeringSummary(planId, { ownerId: owner }, NOW);
    const direct = db()
      .select({ n: sql<number>`count(*)` })
      .from(measures)
      .where(and(eq(measures.planId, planId), eq(measures.ownerOrganisationId, owner)))
      .get()!.n;
    expect(summary.totals.total).toBe(direct);
    expect(summary.totals.late).toBe(listMeasures({ planId, ownerId: owner, late: true }, { publicOnly: false, now: NOW }).total);
    // The same filter narrows the summary's changes: the ids it covers are exactly the owner's.
    const ids = db()
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.planId, planId), eq(measures.ownerOrganisationId, owner)))
      .all()
      .map((r) => r.id);
    expect([...measureIdsMatching({ planId, ownerId: owner }, { publicOnly: false, now: NOW })].sort((a, b) => a - b)).toEqual(
      ids.sort((a, b) => a - b),
    );
  });

  it("deadlines are the end dates and open tasks of active measures within 90 days, in date order", () => {
    const { deadlines, deadlineCount } = steeringSummary(planId, {}, NOW);
    const today = helsinkiDate(NOW);
    const horizon = addDaysIso(today, 90);
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => d.date >= today && d.date <= horizon)).toBe(true);
    expect(deadlines.map((d) => d.date)).toEqual([...deadlines.map((d) => d.date)].sort());
    // The count covers every deadline in the horizon; the list shows the nearest ones.
    const active = sql`${measures.status} in ('approved','in_progress','delayed','on_hold') and ${measures.planId} = ${planId}`;
    const ends = db()
      .select({ date: measures.endDate })
      .from(measures)
      .where(and(active, sql`${measures.endDate} between ${today} and ${horizon}`))
      .all();
    const tasks = db()
      .select({ date: measureTasks.dueDate })
      .from(measureTasks)
      .innerJoin(measures, eq(measures.id, measureTasks.measureId))
      .where(and(active, eq(measureTasks.state, "open"), sql`${measureTasks.dueDate} between ${today} and ${horizon}`))
      .all();
    expect(deadlineCount).toBe(ends.length + tasks.length);
    const nearest = [...ends, ...tasks]
      .map((d) => d.date!)
      .sort()
      .slice(0, DEADLINE_LIST_LIMIT);
    expect(deadlines.map((d) => d.date)).toEqual(nearest);
  });
});

describe("read cache", () => {
  it("serves the summary from cache until anything is written, then shows the new follow-up at once", () => {
    const read = () => cachedRead(`summary-test:${planId}`, () => steeringSummary(planId, {}, NOW));
    const first = read();
    expect(read()).toBe(first);
    const target = first.late[0] ?? first.stale[0];
    const v = db().select({ v: measures.version }).from(measures).where(eq(measures.id, target.id)).get()!.v;
    expect(
      addFollowUp(
        viewerById(expert),
        target.id,
        v,
        { status: "in_progress", progress: 55, done: "Välimuistin testi", next: "", obstacles: "", publicText: "" },
        clock.now(),
      ).ok,
    ).toBe(true);
    const after = read();
    expect(after).not.toBe(first);
    expect(after.newestFollowUps[0].done).toBe("Välimuistin testi");
  });
});

describe("status reviews", () => {
  let reviewA: number;

  it("a sent review does not change when measures change later", () => {
    reviewA = createReview(viewerById(coordinator), { planId, title: "Katsaus A", periodStart: "2026-01-01", periodEnd: "2026-06-30" });
    expect(saveAssessment(viewerById(expert), reviewA, areaIds[0], { assessment: "Etenee.", proposals: "" }, null)).toEqual({ ok: true });
    expect(sendReview(viewerById(coordinator), reviewA, 1, NOW)).toEqual({ ok: true });
    const before = getReview(reviewA)!;
    expect(before.content.assessments).toHaveLength(1);
    // Change a measure that the review contains.
    const target = before.content.measures.find((m) => m.status === "in_progress")!;
    const version = db().select({ v: measures.version }).from(measures).where(eq(measures.id, target.id)).get()!.v;
    expect(
      addFollowUp(
        viewerById(expert),
        target.id,
        version,
        { status: "completed", progress: 100, done: "Valmis", next: "", obstacles: "", publicText: "" },
        NOW,
      ).ok,
    ).toBe(true);
    const after = getReview(reviewA)!;
    expect(after.content).toEqual(before.content);
    expect(after.content.measures.find((m) => m.id === target.id)!.status).toBe("in_progress");
    // And it can no longer be edited.
    expect(saveAssessment(viewerById(expert), reviewA, areaIds[0], { assessment: "Muutettu", proposals: "" }, 1)).toEqual({
      ok: false,
      reason: "notDraft",
    });
    expect(sendReview(viewerById(coordinator), reviewA, 2)).toEqual({ ok: false, reason: "notDraft" });
  });

  it("the next review lists exactly what changed since the previous one", () => {
    const a = getReview(reviewA)!.content;
    const completedNow = a.measures.filter((m) => m.status === "in_progress").slice(1, 3);
    for (const m of completedNow) {
      const v = db().select({ v: measures.version }).from(measures).where(eq(measures.id, m.id)).get()!.v;
      addFollowUp(
        viewerById(expert),
        m.id,
        v,
        { status: "completed", progress: 100, done: "Valmis", next: "", obstacles: "", publicText: "" },
        NOW,
      );
    }
    const toDelay = a.measures.find((m) => m.status === "approved" && !m.late)!;
    const v = db().select({ v: measures.version }).from(measures).where(eq(measures.id, toDelay.id)).get()!.v;
    addFollowUp(
      viewerById(expert),
      toDelay.id,
      v,
      { status: "delayed", progress: 5, done: "Viivästyy", next: "", obstacles: "", publicText: "" },
      NOW,
    );
    // Make one measure newly late by moving its end date into the past.
    const toLate = a.measures.find((m) => m.status === "in_progress" && !m.late && m.endDate && !completedNow.some((c) => c.id === m.id))!;
    const snap = snapshotOf(toLate.id)!;
    const lv = db().select({ v: measures.version }).from(measures).where(eq(measures.id, toLate.id)).get()!.v;
    expect(
      updateMeasure(viewerById(coordinator), toLate.id, lv, { ...snap, endDate: addDaysIso(helsinkiDate(NOW), -2), tasks: snap.tasks }).ok,
    ).toBe(true);
    // A new committed measure.
    const newId = Number(
      db()
        .insert(measures)
        .values({ planId, code: "9.999", title: "Uusi toimenpide", ownerOrganisationId: orgIds[0], status: "approved", approvedAt: NOW })
        .run().lastInsertRowid,
    );

    const reviewB = createReview(viewerById(coordinator), {
      planId,
      title: "Katsaus B",
      periodStart: "2026-07-01",
      periodEnd: "2026-11-30",
    });
    expect(sendReview(viewerById(coordinator), reviewB, 1, NOW)).toEqual({ ok: true });
    const changes = getReview(reviewB)!.content.changes!;
    expect(changes.previousReviewId).toBe(reviewA);
    expect(changes.newMeasures.map((m) => m.id)).toEqual([newId]);
    // The first test's completion happened after A was sent, so it is a change too.
    const firstCompleted = a.measures.find((m) => m.status === "in_progress")!;
    expect(changes.completed.map((m) => m.id).sort()).toEqual([firstCompleted.id, ...completedNow.map((m) => m.id)].sort());
    expect(changes.newlyLate.map((m) => m.id)).toContain(toLate.id);
    expect(changes.statusChanged.find((m) => m.id === toDelay.id)).toMatchObject({ from: "approved", to: "delayed" });
    expect(changes.statusChanged.map((m) => m.id)).not.toContain(toLate.id);
    // The steering summary's lean computation gives the very same answer as the full review.
    expect(changesSinceReview(planId, reviewA, NOW)).toEqual(changes);
    expect(changesSinceReview(planId, reviewB, NOW)).toMatchObject({
      previousReviewId: reviewB,
      newMeasures: [],
      completed: [],
      statusChanged: [],
    });
    // Filtered by the new measure's owner, the changes keep it and lose every other owner's.
    const ownerIds = new Set(measureIdsMatching({ planId, ownerId: orgIds[0] }, { publicOnly: false, now: NOW }));
    const narrowed = narrowChanges(changes, ownerIds);
    expect(narrowed.newMeasures.map((m) => m.id)).toEqual([newId]);
    const all = [...changes.newMeasures, ...changes.completed, ...changes.newlyLate, ...changes.statusChanged];
    const kept = [...narrowed.newMeasures, ...narrowed.completed, ...narrowed.newlyLate, ...narrowed.statusChanged];
    expect(kept.length).toBeLessThan(all.length);
    expect(kept.every((m) => ownerIds.has(m.id))).toBe(true);
  });

  it("a decision on next year's priority areas updates the plan's yearly record", () => {
    const id = createReview(viewerById(coordinator), { planId, title: "Katsaus C", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
    expect(recordDecision(viewerById(coordinator), id, { decidedOn: "2026-12-01", kind: "other", text: "x" })).toEqual({
      ok: false,
      reason: "wrongStatus",
    });
    sendReview(viewerById(coordinator), id, 1, NOW);
    expect(
      recordDecision(viewerById(coordinator), id, {
        decidedOn: "2026-12-01",
        kind: "priority_areas",
        text: "Painopisteet 2027",
        year: 2027,
        priorityAreaIds: [999999],
      }),
    ).toEqual({ ok: false, reason: "invalidAreas" });
    expect(
      recordDecision(viewerById(coordinator), id, {
        decidedOn: "2026-12-01",
        kind: "priority_areas",
        text: "Painopisteet 2027",
        year: 2027,
        priorityAreaIds: [areaIds[0], areaIds[2]],
      }),
    ).toEqual({ ok: true });
    const years = db()
      .select()
      .from(priorityAreaYears)
      .where(eq(priorityAreaYears.year, 2027))
      .all()
      .filter((y) => areaIds.includes(y.priorityAreaId));
    expect(years.map((y) => y.priorityAreaId).sort()).toEqual([areaIds[0], areaIds[2]].sort());
    expect(closeReview(viewerById(coordinator), id, 2)).toEqual({ ok: true });
    expect(getReview(id)!.review.status).toBe("closed");
    expect(getReview(id)!.decisions).toHaveLength(1);
  });

  it("assessments refuse a save based on an older version", () => {
    const id = createReview(viewerById(coordinator), { planId, title: "Katsaus D", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
    expect(saveAssessment(viewerById(expert), id, null, { assessment: "Ensimmäinen", proposals: "" }, null)).toEqual({ ok: true });
    expect(saveAssessment(viewerById(coordinator), id, null, { assessment: "Toinen", proposals: "" }, null)).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(saveAssessment(viewerById(coordinator), id, null, { assessment: "Toinen", proposals: "" }, 1)).toEqual({ ok: true });
  });

  it("exports a PDF (rendered in a worker thread) and an XLSX of the measure table", async () => {
    const view = getReview(reviewA)!;
    const t = i18nFor("fi").t;
    const pdf = await reviewPdf(view, t, "fi");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);
    // Frozen reviews are rendered once and then served from the cache.
    expect((await reviewPdf(view, t, "fi")).equals(pdf)).toBe(true);
    // Tagged and accessible: a structure tree with headings and tables, the language, the title
    // shown as the window title, and an embedded font (the built-in Helvetica cannot be embedded).
    const text = pdfText(pdf);
    for (const marker of ["/StructTreeRoot", "/MarkInfo", "/Marked true", "/Lang (fi-FI)", "/DisplayDocTitle true", "/FontFile2"])
      expect(text).toContain(marker);
    for (const tag of ["/S /Document", "/S /H1", "/S /H2", "/S /Table", "/S /TH", "/S /TD", "/S /P"]) expect(text).toContain(tag);
    expect(text).not.toContain("/BaseFont /Helvetica");
    const xlsx = await reviewXlsx(view, t, "fi");
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });
});
