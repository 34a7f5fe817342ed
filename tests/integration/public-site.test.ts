// The public side on the demo city (issue 15, part B): the front page's loader carries only public
// data (the published plan in force, public measures only, published residents' plans) and its
// figures equal the public measure list they link to; the public list of residents' safety plans
// finds by words and by area and never shows a draft; the plan editor's measure picker offers the
// measures aimed at the plan's area first.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, measureAreas, measures, neighbourhoodPlans, organisations, priorityAreas } from "../../db/schema";
import { areaAncestors, areaDescendantIds } from "~/server/city/areas.server";
import { listMeasures } from "~/server/city/measures.server";
import { currentPlan } from "~/server/city/plans.server";
import { createNeighbourhoodPlan, linkableMeasures, listPublishedPlans } from "~/server/neighbourhood/neighbourhood.server";
import { startSession } from "~/server/people/auth.server";
import { db } from "~/server/platform/db.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const context = () => ({ nonce: "n", clientIp: "10.0.0.1", memo: {}, setCookies: [] as string[] });
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let planId: number;

beforeAll(async () => {
  await seedOnce();
  planId = currentPlan({ publicOnly: true })!.id;
});

async function load(path: string, email?: string) {
  const mod = path.startsWith("/neighbourhood-plans")
    ? await import("~/routes/neighbourhood-plans._index")
    : await import("~/routes/_index");
  const list = await import("~/routes/measures._index");
  const cookie = email ? (await startSession(userIdOf(email), "vitest")).split(";")[0]! : undefined;
  const headers = cookie ? { Cookie: cookie } : undefined;
  const page = (await mod.loader({
    request: new Request(`http://localhost${path}`, { headers }),
    context: context(),
    params: {},
  })) as Response;
  return {
    text: await page.clone().text(),
    data: await page.json(),
    /** The public measure list behind a link, as the same reader opens it. */
    list: async (href: string) =>
      (
        (await list.loader({ request: new Request(`http://localhost${href}`, { headers }), context: context(), params: {} })) as Response
      ).json(),
  };
}

describe("the front page's loader", () => {
  it("shows the published plan in force with figures that equal the public measure list they link to", async () => {
    const { data, list } = await load("/");
    const { plan, figures, newestPlans, majorDistricts } = data.picture;
    expect(plan.id).toBe(planId);
    const all = await list(`/measures?plan=${planId}`);
    expect(all.publicOnly).toBe(true);
    expect(figures.total).toBe(all.result.total);
    expect(figures.total).toBeGreaterThan(0);
    expect(figures.late).toBe((await list(`/measures?plan=${planId}&late=1`)).result.total);
    expect(figures.completed).toBe((await list(`/measures?plan=${planId}&status=completed`)).result.total);
    // Every priority area of the plan, each with the count its link opens.
    const planAreas = db().select().from(priorityAreas).where(eq(priorityAreas.planId, planId)).all();
    expect(figures.areas.map((a: { id: number }) => a.id).sort()).toEqual(planAreas.map((a) => a.id).sort());
    for (const a of figures.areas) {
      expect((await list(`/measures?plan=${planId}&priority=${a.id}`)).result.total, a.code).toBe(a.total);
    }
    // Overall progress: the committed public measures' average, as the steering summary counts it.
    const committed = listMeasures({ planId, pageSize: 1000 }, { publicOnly: true }).rows.filter((m) => m.status !== "discontinued");
    expect(figures.progress).toBe(Math.round(committed.reduce((n, m) => n + m.progress, 0) / committed.length));
    expect(newestPlans.length).toBeGreaterThan(0);
    expect(newestPlans.every((p: { status: string }) => p.status === "published")).toBe(true);
    expect(majorDistricts.length).toBe(8);
  });

  it("counts no proposal and no unpublished measure, and names no draft plan", async () => {
    const before = (await load("/")).data.picture;
    const pa = db().select().from(priorityAreas).where(eq(priorityAreas.planId, planId)).get()!;
    const owner = db().select().from(organisations).get()!;
    db()
      .insert(measures)
      .values([
        {
          planId,
          priorityAreaId: pa.id,
          code: "99.1",
          title: "Salainen ehdotus",
          ownerOrganisationId: owner.id,
          status: "proposed",
          progress: 0,
        },
        {
          planId,
          priorityAreaId: pa.id,
          code: "99.2",
          title: "Julkaisematon toimenpide",
          ownerOrganisationId: owner.id,
          status: "in_progress",
          progress: 100,
          published: false,
        },
      ])
      .run();
    const area = db().select().from(areas).where(eq(areas.level, "sub_area")).get()!;
    createNeighbourhoodPlan(viewerById(userIdOf(DEMO.resident)), area.id, "Luonnos, jota kukaan muu ei näe");
    const after = await load("/");
    expect(after.data.picture).toEqual(before);
    expect(after.text).not.toContain("Salainen ehdotus");
    expect(after.text).not.toContain("Julkaisematon");
    expect(after.text).not.toContain("Luonnos, jota");
    expect(after.text).not.toMatch(EMAIL);
    expect(after.text).not.toMatch(UUID);
  });

  it("gives a signed-in person the same picture, plus their way to their workspace", async () => {
    const anonymous = (await load("/")).data;
    const mayor = (await load("/", DEMO.mayor)).data;
    expect(mayor.picture).toEqual(anonymous.picture);
    expect([anonymous.signedIn, anonymous.home]).toEqual([false, null]);
    expect([mayor.signedIn, mayor.home]).toEqual([true, "/steering"]);
  });
});

describe("the public list of residents' safety plans", () => {
  it("lists published and archived plans only, published first", () => {
    const { rows, total } = listPublishedPlans({ pageSize: 100 });
    const publicCount = db()
      .select()
      .from(neighbourhoodPlans)
      .where(inArray(neighbourhoodPlans.status, ["published", "archived"]))
      .all().length;
    expect(total).toBe(publicCount);
    expect(rows.map((r) => r.status)).toEqual([...rows.map((r) => r.status)].sort((a, b) => (a === b ? 0 : a === "published" ? -1 : 1)));
    expect(rows.every((r) => r.status === "published" || r.status === "archived")).toBe(true);
  });

  it("finds by words in the title or the situation, and never a draft", () => {
    expect(listPublishedPlans({ q: "karhupuisto" }).rows.map((r) => r.title)).toContain("Turvallisempi Karhupuisto ja Vaasanaukio");
    // The demo's draft exists, but the public search does not find it.
    expect(
      db().select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.title, "Meri-Rastilan rantareitin turvallisuus")).get(),
    ).toBeTruthy();
    expect(listPublishedPlans({ q: "Meri-Rastilan rantareitin" }).total).toBe(0);
    // % and _ are words, not wildcards.
    expect(listPublishedPlans({ q: "%_%" }).total).toBe(0);
  });

  it("filters by an area, the areas within it included", () => {
    const plan = db()
      .select()
      .from(neighbourhoodPlans)
      .where(eq(neighbourhoodPlans.title, "Turvallisempi Karhupuisto ja Vaasanaukio"))
      .get()!;
    const top = areaAncestors(plan.areaId).at(-1) ?? { id: plan.areaId };
    const inTop = listPublishedPlans({ areaId: top.id, pageSize: 100 }).rows;
    expect(inTop.map((r) => r.id)).toContain(plan.id);
    const within = new Set(areaDescendantIds([top.id]));
    expect(inTop.every((r) => within.has(r.area.id))).toBe(true);
    const elsewhere = db()
      .select()
      .from(areas)
      .where(and(eq(areas.level, "major_district")))
      .all()
      .find((a) => a.id !== top.id)!;
    expect(listPublishedPlans({ areaId: elsewhere.id, pageSize: 100 }).rows.map((r) => r.id)).not.toContain(plan.id);
  });

  it("the page's loader reads its search from the URL and ignores what is malformed", async () => {
    const found = (await load("/neighbourhood-plans?q=Karhupuisto")).data;
    expect(found.query.q).toBe("Karhupuisto");
    expect(found.result.rows.map((r: { title: string }) => r.title)).toContain("Turvallisempi Karhupuisto ja Vaasanaukio");
    const odd = (await load("/neighbourhood-plans?area=abc&page=-3")).data;
    expect(odd.query).toEqual({});
    expect(odd.result.total).toBe(listPublishedPlans({}).total);
  });
});

describe("the plan editor's linked-measure picker", () => {
  it("offers the measures aimed at the plan's area (or above or within it) first, then the rest, each once", () => {
    const plan = db()
      .select()
      .from(neighbourhoodPlans)
      .where(eq(neighbourhoodPlans.title, "Turvallisempi Karhupuisto ja Vaasanaukio"))
      .get()!;
    const { nearby, others } = linkableMeasures(planId, plan.areaId, { publicOnly: true });
    const all = listMeasures({ planId, pageSize: 1000 }, { publicOnly: true }).rows;
    // Together exactly the public measures of the plan, none twice.
    expect([...nearby, ...others].map((m) => m.id).sort((a, b) => a - b)).toEqual(all.map((m) => m.id).sort((a, b) => a - b));
    expect(nearby.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    // "Aimed at the area" as the targets are recorded: the area, an area above it or one within it.
    const lineage = new Set([plan.areaId, ...areaAncestors(plan.areaId).map((a) => a.id), ...areaDescendantIds([plan.areaId])]);
    const targets = (id: number) =>
      db()
        .select({ areaId: measureAreas.areaId })
        .from(measureAreas)
        .where(eq(measureAreas.measureId, id))
        .all()
        .map((r) => r.areaId);
    for (const m of nearby)
      expect(
        targets(m.id).some((a) => lineage.has(a)),
        m.code,
      ).toBe(true);
    for (const m of others)
      expect(
        targets(m.id).some((a) => lineage.has(a)),
        m.code,
      ).toBe(false);
  });
});
