// Invalidation by what a page read (table-versions.server.ts), against the real database and the
// real page cache: a page is served from memory until a table (or column) its loaders read is
// written, and then it is fresh on the very next request; writes to anything else leave it cached.
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { areas, measures, neighbourhoodPlans, notifications, observationCategories, planAuthors, safetyPlans } from "../../db/schema";
import { moderateObservation, observationsForArea, reportObservation } from "~/server/observations/observations.server";
import { addFollowUp } from "~/server/city/measures.server";
import { addComment, getPlanView } from "~/server/neighbourhood/neighbourhood.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { lookUpPage } from "~/server/platform/page-cache.server";
import { cachedRead } from "~/server/platform/read-cache.server";
import { NONCE_PLACEHOLDER, rememberAnswer, rememberPage, renderKey } from "~/server/platform/render-cache.server";
import { inScope, newScope, snapshot, stillFresh, tableCounters } from "~/server/platform/table-versions.server";
import { unreadCount } from "~/server/mail/notifications.server";
import { cachedSteeringSummary } from "~/server/steering/summary.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

/** One page view the way the HTTP server and entry.server.tsx make it, with `loader` as the page's loaders. */
async function view(url: string, loader: () => unknown): Promise<{ cached: boolean; html: string }> {
  const found = await lookUpPage({
    url,
    host: "localhost",
    cookie: "",
    acceptLanguage: "fi",
    nonce: "n",
    buildVersion: "t",
    encoding: "identity",
  });
  if (found.html) return { cached: true, html: Buffer.concat(found.html).toString("utf8") };
  const data = found.run!(loader);
  const html = `<main data-nonce="${NONCE_PLACEHOLDER}">${JSON.stringify(data)}</main>`;
  const pageKey = renderKey({ url, language: "fi", buildVersion: "t", minute: 0, loaderData: data });
  rememberPage(pageKey, html);
  const scope = found.pageRequest!.scope;
  if (!scope.wrote) rememberAnswer(found.pageRequest!.key, pageKey, snapshot(scope));
  found.finished?.();
  return { cached: false, html };
}

let planId: number;
let publishedPlanId: number;
let measureId: number;
const summary = () => view("/steering", () => cachedSteeringSummary(planId, {}));
const publishedPlan = () =>
  view(`/neighbourhood-plans/${publishedPlanId}`, () => getPlanView(publishedPlanId, { publicMeasuresOnly: true, moderator: false }));

beforeAll(async () => {
  await seedOnce();
  publishedPlanId = db()
    .select({ id: neighbourhoodPlans.id })
    .from(neighbourhoodPlans)
    .where(eq(neighbourhoodPlans.status, "published"))
    .get()!.id;
  const measure = db().select({ id: measures.id, planId: measures.planId }).from(measures).where(eq(measures.status, "in_progress")).get()!;
  measureId = measure.id;
  planId = measure.planId;
});

describe("page cache keyed on the tables a page read", () => {
  it("serves a page from memory while nothing it read changes", async () => {
    expect((await summary()).cached).toBe(false);
    expect((await summary()).cached).toBe(true);
    expect((await publishedPlan()).cached).toBe(false);
    expect((await publishedPlan()).cached).toBe(true);
  });

  it("a plan comment leaves the steering summary cached, and the published plan shows it on the next request", async () => {
    addComment(viewerOf(DEMO.resident), publishedPlanId, "Välimuistikommentti");
    expect((await summary()).cached).toBe(true);
    const plan = await publishedPlan();
    expect(plan.cached).toBe(false);
    expect(plan.html).toContain("Välimuistikommentti");
    expect((await publishedPlan()).cached).toBe(true);
    // A comment on another plan: this plan's page reads only its own plan's comments.
    const other = db()
      .select({ id: neighbourhoodPlans.id })
      .from(neighbourhoodPlans)
      .where(and(eq(neighbourhoodPlans.status, "published"), ne(neighbourhoodPlans.id, publishedPlanId)))
      .get();
    expect(other).toBeDefined();
    addComment(viewerOf(DEMO.resident), other!.id, "Toisen suunnitelman kommentti");
    expect((await publishedPlan()).cached).toBe(true);
  });

  it("a follow-up leaves the published plan cached, and the summary shows it on the next request", async () => {
    const version = db().select({ v: measures.version }).from(measures).where(eq(measures.id, measureId)).get()!.v;
    const saved = addFollowUp(
      viewerOf(DEMO.coordinator),
      measureId,
      version,
      { status: "in_progress", progress: 61, done: "Taulukkokohtainen välimuisti", next: "", obstacles: "", publicText: "" },
      clock.now(),
    );
    expect(saved.ok).toBe(true);
    expect((await publishedPlan()).cached).toBe(true);
    const fresh = await summary();
    expect(fresh.cached).toBe(false);
    expect(fresh.html).toContain("Taulukkokohtainen välimuisti");
  });

  it("a follow-up that changes a measure's status turns over the pages that read statuses", async () => {
    const version = db().select({ v: measures.version }).from(measures).where(eq(measures.id, measureId)).get()!.v;
    expect((await publishedPlan()).cached).toBe(true);
    const saved = addFollowUp(
      viewerOf(DEMO.coordinator),
      measureId,
      version,
      { status: "delayed", progress: 61, done: "Viivästyi", next: "", obstacles: "", publicText: "" },
      clock.now(),
    );
    expect(saved.ok).toBe(true);
    // The plan page reads whether a measure is public, which depends on its status.
    expect((await publishedPlan()).cached).toBe(false);
    expect((await summary()).cached).toBe(false);
  });
});

describe("new map observations", () => {
  it("a new (unpublished) report leaves the lists of published ones cached; publishing it turns them over", async () => {
    const linjat = db()
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.level, "sub_area"), eq(areas.code, "30102")))
      .get()!.id;
    const areaPage = () => view(`/areas/${linjat}`, () => observationsForArea(linjat));
    expect((await areaPage()).cached).toBe(false);
    expect((await areaPage()).cached).toBe(true);
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#335577" } })
      .jpeg()
      .toBuffer();
    const reported = await reportObservation(viewerOf(DEMO.resident), {
      place: { kind: "address", areaId: linjat, address: "Välimuistinkatu 1" },
      categoryId: db().select({ id: observationCategories.id }).from(observationCategories).get()!.id,
      timeOfDay: "evening",
      dayType: "any",
      description: "Välimuistin havainto",
      photo: { bytes: new Uint8Array(photo), name: "kuva.jpg" },
    });
    expect(reported.ok).toBe(true);
    // Unpublished: no list of published observations can have changed.
    expect((await areaPage()).cached).toBe(true);
    const id = (reported as { id: number }).id;
    expect(moderateObservation(viewerOf(DEMO.network), id, { decision: "approve" }).ok).toBe(true);
    const fresh = await areaPage();
    expect(fresh.cached).toBe(false);
    expect(fresh.html).toContain("Välimuistin havainto");
  });
});

describe("one person's notifications", () => {
  it("a comment that notifies a plan's authors leaves everyone else's unread count cached", () => {
    const authorId = db().select({ id: planAuthors.userId }).from(planAuthors).where(eq(planAuthors.planId, publishedPlanId)).get()!.id;
    const mayorId = userIdOf(DEMO.mayor);
    const count = (userId: string) => {
      const scope = newScope(undefined);
      inScope(scope, () => unreadCount(userId));
      return snapshot(scope);
    };
    const mayor = count(mayorId);
    const author = count(authorId);
    addComment(viewerOf(DEMO.network), publishedPlanId, "Ilmoituskommentti");
    expect(stillFresh(mayor)).toBe(true);
    expect(stillFresh(author)).toBe(false);
    // A write that does not say whose rows it adds turns every person's count over.
    db().delete(notifications).where(eq(notifications.id, -1)).run();
    expect(stillFresh(count(mayorId))).toBe(true);
    const before = count(mayorId);
    db().delete(notifications).where(eq(notifications.userId, authorId)).run();
    expect(stillFresh(before)).toBe(false);
  });
});

describe("change counters", () => {
  it("count inserts per table and updates per column, and what triggers change with them", () => {
    const before = tableCounters();
    const moved = () => {
      const now = tableCounters();
      return Object.keys(now).filter((k) => now[k] !== before[k]);
    };
    db().update(measures).set({ progress: 62 }).where(eq(measures.id, measureId)).run();
    expect(moved().sort()).toEqual(["measures.*", "measures.progress"]);
    // The full-text index follows title changes by trigger: it is counted as written too.
    db().update(measures).set({ title: "Uusi nimi" }).where(eq(measures.id, measureId)).run();
    expect(moved()).toContain("measures_fts");
    expect(moved()).toContain("measures.title");
  });

  it("a cached read is used while what it read is unchanged, and its tables count as read by the request around it", () => {
    let computed = 0;
    const read = () =>
      cachedRead("table-versions-test", () => (computed++, db().select({ name: safetyPlans.nameFi }).from(safetyPlans).all()));
    read();
    const scope = newScope(undefined);
    inScope(scope, read);
    expect(computed).toBe(1);
    expect([...scope.tables.keys()]).toContain("safety_plans");
    // Another table, and a column of this one the read never named: still the cached value.
    db().update(measures).set({ progress: 63 }).where(eq(measures.id, measureId)).run();
    db().update(safetyPlans).set({ nameEn: "Safety plan" }).where(eq(safetyPlans.id, planId)).run();
    read();
    expect(computed).toBe(1);
    db().update(safetyPlans).set({ nameFi: "Turvallisuussuunnitelma" }).where(eq(safetyPlans.id, planId)).run();
    read();
    expect(computed).toBe(2);
  });
});
