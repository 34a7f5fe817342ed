// Numbers that agree (issue 12): the steering summary, the status review and the measure list
// count the same measures the same way on the demo city, every number on the summary opens a list
// of exactly that many measures (the "no priority area" row too), review titles are unique in a
// plan, and search finds Finnish compound words by their parts, whole words first.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  MEASURE_STATUSES,
  measures,
  measureTasks,
  organisations,
  priorityAreas,
  safetyPlans,
  statusReviews,
  type MeasureStatus,
} from "../../db/schema";
import { startSession } from "~/server/people/auth.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { ACTIVE_STATUSES, columnCount, helsinkiDate, STATUS_COLUMN_KEYS } from "~/server/city/measure-rules";
import {
  listMeasures,
  proposeMeasure,
  updateMeasure,
  snapshotOf,
  type MeasureFilters,
  type MeasureInput,
} from "~/server/city/measures.server";
import { currentPlan } from "~/server/city/plans.server";
import {
  compileReview,
  createReview,
  getReviewRecord,
  reviewTitleTaken,
  sendReview,
  startReview,
  uniqueReviewTitle,
  updateReviewTitles,
} from "~/server/steering/reviews.server";
import { attachmentHeader } from "~/server/platform/downloads.server";
import { reviewFileName, reviewTitleIn } from "~/server/steering/review-titles";
import { steeringSummary, type SummaryFilters } from "~/server/steering/summary.server";
import { summaryNumberLinks } from "~/ui/summary-links";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";
import { BLANK_MEASURE } from "~/server/city/measure-input";

const context = () => ({ nonce: "n", clientIp: "10.0.0.1", memo: {}, setCookies: [] as string[] });
let planId: number;
let coordinator: string;
let expert: string;

/** Counted straight from the rows, in JavaScript: the yardstick for every page's numbers. */
function directCount(f: { priority?: number | "none"; owner?: number }) {
  const today = helsinkiDate(clock.now());
  const rows = db()
    .select()
    .from(measures)
    .where(eq(measures.planId, planId))
    .all()
    .filter((m) => (f.priority === "none" ? m.priorityAreaId === null : !f.priority || m.priorityAreaId === f.priority))
    .filter((m) => !f.owner || m.ownerOrganisationId === f.owner);
  const openTaskLate = new Set(
    db()
      .select({ id: measureTasks.measureId })
      .from(measureTasks)
      .where(and(eq(measureTasks.state, "open"), sql`${measureTasks.dueDate} < ${today}`))
      .all()
      .map((r) => r.id),
  );
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, rows.filter((m) => m.status === s).length])) as Record<
    MeasureStatus,
    number
  >;
  const late = rows.filter(
    (m) => ACTIVE_STATUSES.includes(m.status) && ((m.endDate && m.endDate < today) || openTaskLate.has(m.id)),
  ).length;
  return { total: rows.length, proposed: byStatus.proposed, byStatus, late };
}

function baseInput(overrides: Partial<MeasureInput>): MeasureInput {
  const org = db().select({ id: organisations.id }).from(organisations).get()!.id;
  return {
    ...BLANK_MEASURE,
    code: "99.1",
    title: "Testi",
    ownerOrganisationId: org,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    ...overrides,
  };
}

beforeAll(async () => {
  await seedOnce();
  planId = currentPlan({ publicOnly: false })!.id;
  coordinator = userIdOf(DEMO.coordinator);
  expert = userIdOf(DEMO.expert);
  // The situation of the issue: measures without a priority area, one of them late and one a proposal.
  const lateOne = proposeMeasure(
    viewerById(expert),
    planId,
    baseInput({ code: "99.1", title: "Ilman painopistettä, myöhässä", endDate: "2026-01-31" }),
  );
  if (!lateOne.ok) throw new Error("seed");
  db().update(measures).set({ status: "in_progress", approvedAt: clock.now() }).where(eq(measures.id, lateOne.id)).run();
  proposeMeasure(viewerById(expert), planId, baseInput({ code: "99.2", title: "Ilman painopistettä, ehdotus" }));
});

describe("the summary, the review and the measure list count the same measures", () => {
  it("on the demo city, unfiltered: totals, proposals, each status column, late, per priority area", () => {
    const direct = directCount({});
    expect(direct.proposed).toBeGreaterThan(0);
    const summary = steeringSummary(planId, {});
    const review = compileReview(planId);
    const list = listMeasures({ planId }, { publicOnly: false });
    for (const counted of [summary.totals, review.totals]) {
      expect(counted.total).toBe(direct.total);
      expect(counted.counts).toEqual(direct.byStatus);
      expect(counted.late).toBe(direct.late);
    }
    expect(list.total).toBe(direct.total);
    expect(list.proposed).toBe(direct.proposed);
    // The review lists what it counts, proposals included.
    expect(review.measures).toHaveLength(direct.total);
    // The review's status columns add up to the total, and "in progress" is in progress only.
    expect(STATUS_COLUMN_KEYS.reduce((n, c) => n + columnCount(review.totals.counts, c), 0)).toBe(direct.total);
    expect(columnCount(review.totals.counts, "ongoing")).toBe(direct.byStatus.in_progress);
    expect(columnCount(review.totals.counts, "approved")).toBe(direct.byStatus.approved);
    expect(columnCount(review.totals.counts, "proposed")).toBe(direct.proposed);
    // Per priority area, the "no priority area" row included.
    const areaIds = [
      ...db()
        .select({ id: priorityAreas.id })
        .from(priorityAreas)
        .where(eq(priorityAreas.planId, planId))
        .all()
        .map((a) => a.id),
      "none" as const,
    ];
    for (const id of areaIds) {
      const d = directCount({ priority: id });
      const key = id === "none" ? null : id;
      const s = summary.areas.find((a) => a.id === key)!;
      const r = review.priorityAreas.find((a) => a.id === key)!;
      const l = listMeasures({ planId, priorityAreaId: id }, { publicOnly: false });
      expect([s.total, r.total, l.total], `area ${id}`).toEqual([d.total, d.total, d.total]);
      expect([s.counts.proposed, r.counts.proposed, l.proposed], `area ${id} proposals`).toEqual([d.proposed, d.proposed, d.proposed]);
      expect(
        [s.late, r.late, listMeasures({ planId, priorityAreaId: id, late: true }, { publicOnly: false }).total],
        `area ${id} late`,
      ).toEqual([d.late, d.late, d.late]);
      expect(review.measures.filter((m) => m.priorityAreaId === key)).toHaveLength(d.total);
    }
    const none = summary.areas.find((a) => a.id === null)!;
    expect(none.total).toBeGreaterThan(0);
    expect(none.late).toBeGreaterThan(0);
    expect(none.counts.proposed).toBeGreaterThan(0);
  });

  it("with filters (owner, priority area, no priority area), the summary and the list agree with a direct count", () => {
    const owners = db()
      .selectDistinct({ id: measures.ownerOrganisationId })
      .from(measures)
      .where(eq(measures.planId, planId))
      .all()
      .map((o) => o.id);
    const firstArea = db().select({ id: priorityAreas.id }).from(priorityAreas).where(eq(priorityAreas.planId, planId)).get()!.id;
    const cases: { summary: SummaryFilters; list: MeasureFilters; direct: { priority?: number | "none"; owner?: number } }[] = [
      ...owners.slice(0, 3).map((owner) => ({ summary: { ownerId: owner }, list: { planId, ownerId: owner }, direct: { owner } })),
      { summary: { priorityAreaId: firstArea }, list: { planId, priorityAreaId: firstArea }, direct: { priority: firstArea } },
      { summary: { priorityAreaId: "none" }, list: { planId, priorityAreaId: "none" }, direct: { priority: "none" } },
    ];
    for (const c of cases) {
      const d = directCount(c.direct);
      const summary = steeringSummary(planId, c.summary);
      const list = listMeasures(c.list, { publicOnly: false });
      const label = JSON.stringify(c.direct);
      expect([summary.totals.total, list.total], label).toEqual([d.total, d.total]);
      expect([summary.totals.counts.proposed, list.proposed], label).toEqual([d.proposed, d.proposed]);
      expect([summary.totals.late, listMeasures({ ...c.list, late: true }, { publicOnly: false }).total], label).toEqual([d.late, d.late]);
    }
  });
});

describe("every number on the summary opens a list of exactly that many measures", () => {
  async function loaders(email: string) {
    const cookie = (await startSession(userIdOf(email), "vitest")).split(";")[0]!;
    const steering = await import("~/routes/steering._index");
    const list = await import("~/routes/measures._index");
    return {
      summary: async (query: string) => {
        const res = (await steering.loader({
          request: new Request(`http://localhost/steering${query}`, { headers: { Cookie: cookie } }),
          context: context(),
          params: {},
        })) as Response;
        return res.json();
      },
      list: async (href: string) => {
        const res = (await list.loader({
          request: new Request(`http://localhost${href}`, { headers: { Cookie: cookie } }),
          context: context(),
          params: {},
        })) as Response;
        return res.json();
      },
    };
  }

  it("through the loaders, unfiltered and filtered, the no-priority-area row included", async () => {
    const load = await loaders(DEMO.mayor);
    const owner = db().select({ id: measures.ownerOrganisationId }).from(measures).where(eq(measures.planId, planId)).get()!.id;
    for (const query of ["", `?owner=${owner}`, "?priority=none"]) {
      const page = await load.summary(query);
      const links = summaryNumberLinks(page.plan.id, page.filters, page.summary);
      if (!query) {
        // The row of the issue: its total, its late and its proposed numbers.
        expect(links.map((l) => l.what)).toEqual(expect.arrayContaining(["none:total", "none:late", "none:proposed"]));
      }
      for (const link of links) {
        const shown = await load.list(link.href);
        expect(shown.publicOnly).toBe(false);
        expect(shown.result.total, `${query} ${link.what} ${link.href}`).toBe(link.value);
      }
    }
  });
});

describe("status review titles", () => {
  it("a title another review of the plan has is refused; another plan may use it", () => {
    expect(
      startReview(viewerById(coordinator), { planId, title: "Katsaus X", periodStart: "2026-01-01", periodEnd: "2026-06-30" }).ok,
    ).toBe(true);
    expect(
      startReview(viewerById(coordinator), { planId, title: "Katsaus X", periodStart: "2026-07-01", periodEnd: "2026-12-31" }),
    ).toEqual({
      ok: false,
      reason: "titleTaken",
      field: "title",
    });
    const other = Number(
      db()
        .insert(safetyPlans)
        .values({ nameFi: "Toinen suunnitelma", periodStart: "2025-01-01", periodEnd: "2028-12-31", status: "draft" })
        .run().lastInsertRowid,
    );
    expect(
      startReview(viewerById(coordinator), { planId: other, title: "Katsaus X", periodStart: "2026-01-01", periodEnd: "2026-06-30" }).ok,
    ).toBe(true);
    // The database refuses it too, whatever the code does.
    expect(() =>
      db().insert(statusReviews).values({ planId, title: "Katsaus X", periodStart: "2026-01-01", periodEnd: "2026-06-30" }).run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      createReview(viewerById(coordinator), { planId, title: "Katsaus X", periodStart: "2026-01-01", periodEnd: "2026-06-30" }),
    ).toThrow();
    // A title the app makes up is numbered when taken.
    expect(uniqueReviewTitle(planId, "Katsaus X")).toBe("Katsaus X (2)");
    expect(uniqueReviewTitle(planId, "Katsaus Y")).toBe("Katsaus Y");
    expect(reviewTitleTaken(planId, "Katsaus X")).toBe(true);
  });

  it("titles in Swedish and English follow the same rule per language; a draft can be renamed, a sent review cannot", () => {
    const period = { periodStart: "2027-01-01", periodEnd: "2027-06-30" };
    const first = startReview(viewerById(coordinator), {
      planId,
      title: "Katsaus K1",
      titleSv: "Översikt K1",
      titleEn: "Review K1",
      ...period,
    });
    if (!first.ok) throw new Error("expected the first review");
    // Without translations: any number of reviews may leave them empty.
    expect(startReview(viewerById(coordinator), { planId, title: "Katsaus K2", ...period }).ok).toBe(true);
    expect(startReview(viewerById(coordinator), { planId, title: "Katsaus K3", titleSv: "", titleEn: null, ...period }).ok).toBe(true);
    expect(startReview(viewerById(coordinator), { planId, title: "Katsaus K4", titleSv: "Översikt K1", ...period })).toEqual({
      ok: false,
      reason: "titleTaken",
      field: "titleSv",
    });
    expect(startReview(viewerById(coordinator), { planId, title: "Katsaus K4", titleEn: "Review K1", ...period })).toEqual({
      ok: false,
      reason: "titleTaken",
      field: "titleEn",
    });
    // Per language: a Finnish title may read like another review's English one.
    expect(startReview(viewerById(coordinator), { planId, title: "Review K1", ...period }).ok).toBe(true);
    expect(() =>
      db()
        .insert(statusReviews)
        .values({ planId, title: "Katsaus K5", titleSv: "Översikt K1", ...period })
        .run(),
    ).toThrow(/UNIQUE/);

    const second = startReview(viewerById(coordinator), { planId, title: "Katsaus K6", ...period });
    if (!second.ok) throw new Error("expected the second review");
    const version = () => getReviewRecord(second.id)!.version;
    expect(updateReviewTitles(viewerById(coordinator), second.id, version(), { title: "Katsaus K6", titleSv: "Översikt K1" })).toEqual({
      ok: false,
      reason: "titleTaken",
      field: "titleSv",
    });
    // Its own titles are not a clash.
    expect(
      updateReviewTitles(viewerById(coordinator), first.id, getReviewRecord(first.id)!.version, {
        title: "Katsaus K1",
        titleSv: "Översikt K1",
      }),
    ).toEqual({
      ok: true,
    });
    expect(getReviewRecord(first.id)).toMatchObject({ titleSv: "Översikt K1", titleEn: null });
    expect(
      updateReviewTitles(viewerById(coordinator), second.id, version(), {
        title: "Katsaus K6",
        titleSv: "Översikt K6",
        titleEn: "Review K6",
      }),
    ).toEqual({
      ok: true,
    });
    expect(updateReviewTitles(viewerById(coordinator), second.id, 1, { title: "Katsaus K7" })).toEqual({ ok: false, reason: "conflict" });
    expect(sendReview(viewerById(coordinator), second.id, version()).ok).toBe(true);
    expect(updateReviewTitles(viewerById(coordinator), second.id, version(), { title: "Katsaus K7" })).toEqual({
      ok: false,
      reason: "notDraft",
    });
    expect(getReviewRecord(second.id)).toMatchObject({ title: "Katsaus K6", titleSv: "Översikt K6", titleEn: "Review K6" });
  });

  it("a title is read in the reader's language with a Finnish fallback; file names follow the reader", () => {
    const review = { title: "Tilannekatsaus 2/2026", titleSv: "Lägesöversikt 2/2026", titleEn: null };
    expect(reviewTitleIn(review, "sv")).toEqual({ text: "Lägesöversikt 2/2026", lang: "sv" });
    expect(reviewTitleIn(review, "en")).toEqual({ text: "Tilannekatsaus 2/2026", lang: "fi" });
    expect(reviewTitleIn(review, "fi")).toEqual({ text: "Tilannekatsaus 2/2026", lang: "fi" });
    expect(reviewFileName(["status-review", 2, "draft"], "pdf")).toBe("status-review-2-draft.pdf");
    expect(attachmentHeader("lägesöversikt-2-utkast.pdf")).toBe(
      `attachment; filename="lagesoversikt-2-utkast.pdf"; filename*=UTF-8''l%C3%A4ges%C3%B6versikt-2-utkast.pdf`,
    );
  });

  it("the demo seed has no two reviews of a plan with one title", () => {
    const dupes = db().all(sql`select plan_id, title, count(*) n from status_reviews group by plan_id, title having n > 1`);
    expect(dupes).toEqual([]);
  });

  it("the form refuses a duplicate with a field error and keeps what was typed", async () => {
    const { action } = await import("~/routes/reviews._index");
    const cookie = (await startSession(coordinator, "vitest")).split(";")[0]!;
    const existing = db().select({ title: statusReviews.title }).from(statusReviews).where(eq(statusReviews.planId, planId)).get()!.title;
    const body = new URLSearchParams({ title: `  ${existing.replace(" ", "  ")} `, periodStart: "2026-09-01", periodEnd: "2026-12-31" });
    const res = (await action({
      request: new Request("http://localhost/reviews", {
        method: "POST",
        body,
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      }),
      context: context(),
      params: {},
    })) as Response;
    expect(res.status).toBe(409);
    const reply = await res.json();
    expect(reply.error.title).toEqual(["reviews.validation.titleTaken"]);
    expect(reply.initialValue).toMatchObject({ periodStart: "2026-09-01", periodEnd: "2026-12-31" });
    expect(String(reply.initialValue.title).trim()).not.toBe("");
    const count = db()
      .select({ n: sql<number>`count(*)` })
      .from(statusReviews)
      .where(and(eq(statusReviews.planId, planId), eq(statusReviews.title, existing)))
      .get()!.n;
    expect(count).toBe(1);
  });
});

describe("search finds Finnish compound words by their parts, whole words first", () => {
  const codes = (q: string, opts: { publicOnly?: boolean; sort?: MeasureFilters["sort"] } = {}) =>
    listMeasures({ planId, q, sort: opts.sort, pageSize: 500 }, { publicOnly: opts.publicOnly ?? false }).rows.map((r) => r.code);
  let ids: Record<string, number>;

  beforeAll(() => {
    const add = (code: string, title: string, description = "", published = true) => {
      const r = proposeMeasure(viewerById(expert), planId, baseInput({ code, title, description, published }));
      if (!r.ok) throw new Error(code);
      db().update(measures).set({ status: "approved", approvedAt: clock.now() }).where(eq(measures.id, r.id)).run();
      return r.id;
    };
    ids = {
      compound: add("98.1", "Turvallisuuskävelyt lähiöissä"),
      prefix: add("98.2", "Kävelyreittien valaistus"),
      whole: add("98.3", "Kävely koulureiteillä"),
      inDescription: add("98.4", "Iltapartiot", "Järjestetään yökävelyt yhdessä seurakuntien kanssa."),
      hidden: add("98.5", "Luottamuksellinen kävelykartoitus", "", false),
    };
    const proposal = proposeMeasure(viewerById(expert), planId, baseInput({ code: "98.6", title: "Ehdotus: kävelykatu" }));
    if (!proposal.ok) throw new Error("proposal");
  });

  it("'kävely' finds Turvallisuuskävelyt, with or without diacritics, in titles and descriptions", () => {
    for (const q of ["kävely", "KAVELY", "kavely"]) {
      expect(codes(q), q).toEqual(expect.arrayContaining(["98.1", "98.2", "98.3", "98.4", "98.5", "98.6"]));
    }
    expect(codes("turvallisuuskävely")).toContain("98.1");
    expect(codes("lähiö")).toContain("98.1");
    // Every word must match (here a part and a whole word).
    expect(codes("kävely lähiöissä")).toEqual(["98.1"]);
  });

  it("ranks whole words first, then the starts of words, then parts of compounds", () => {
    const found = codes("kävely").filter((c) => c.startsWith("98."));
    expect(found.slice(0, 1)).toEqual(["98.3"]);
    // Starts of words ("Kävelyreittien", "kävelykartoitus", "kävelykatu") before the compounds.
    expect(found.indexOf("98.2")).toBeLessThan(found.indexOf("98.1"));
    expect(found.indexOf("98.2")).toBeLessThan(found.indexOf("98.4"));
    expect(found.slice(-2).sort()).toEqual(["98.1", "98.4"]);
    // Another order asked for wins over relevance.
    const byCode = codes("kävely", { sort: "code" }).filter((c) => c.startsWith("98."));
    expect(byCode).toEqual(["98.1", "98.2", "98.3", "98.4", "98.5", "98.6"]);
  });

  it("words shorter than three characters match the starts of words only", () => {
    expect(codes("kä")).toEqual(expect.arrayContaining(["98.2", "98.3"]));
    expect(codes("kä")).not.toContain("98.1");
  });

  it("stays in step with edits (triggers), and never shows readers what they may not see", () => {
    const snap = snapshotOf(ids.compound)!;
    const version = db().select({ v: measures.version }).from(measures).where(eq(measures.id, ids.compound)).get()!.v;
    expect(
      updateMeasure(viewerById(coordinator), ids.compound, version, {
        ...snap,
        title: "Turvallisuuspyöräilyt lähiöissä",
        tasks: snap.tasks,
      }).ok,
    ).toBe(true);
    expect(codes("kävely")).not.toContain("98.1");
    expect(codes("pyöräily")).toContain("98.1");
    // Unpublished measures and proposals stay out of the public list, search or not.
    const publicCodes = codes("kävely", { publicOnly: true });
    const plan = db().select({ published: safetyPlans.published }).from(safetyPlans).where(eq(safetyPlans.id, planId)).get()!;
    if (plan.published) expect(publicCodes).toEqual(expect.arrayContaining(["98.2", "98.3", "98.4"]));
    expect(publicCodes).not.toContain("98.5");
    expect(publicCodes).not.toContain("98.6");
    db().delete(measures).where(eq(measures.id, ids.whole)).run();
    expect(codes("koulureiteillä")).toEqual([]);
  });
});
