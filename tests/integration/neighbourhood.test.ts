// Neighbourhood plans on a real database: the workflow rules (only authors edit drafts, only the
// area's network reviews, published plans are public, withdraw and archive), per-item conflicts
// and the version history, comments and moderation (hidden stays hidden, and stays in the
// database), the area import (a code on two levels, broken files write nothing, re-import
// updates), and the two-way links between plan actions and city measures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, commentReports, measures, neighbourhoodPlans, planComments, planVersions, safetyPlans } from "../../db/schema";
import { applyAreaImport, networksCoveringArea, parseAreaCsv, validateAreaImport, type AreaCsv } from "~/server/city/areas.server";
import { db } from "~/server/platform/db.server";
import {
  actionsForMeasure,
  addCoauthor,
  addComment,
  addNetworkNote,
  archivePlan,
  createNeighbourhoodPlan,
  getPlanView,
  hideComment,
  listNetworkNotes,
  listPlansInAreas,
  loadPlanAccess,
  networkPlans,
  planHistory,
  PUBLIC_STATUSES,
  removeItem,
  reportComment,
  reviewPlan,
  saveBasics,
  savePlanGoal,
  saveObservation,
  savePlanAction,
  submitPlan,
  withdrawPlan,
  type ActionInput,
} from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import type { Viewer } from "~/server/people/viewer.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";
import { clock } from "~/server/platform/clock";
import { viewerById } from "~/server/people/viewer.server";

const SOFIA = "sofia.koivisto@demo.lahiturva.fi"; // resident of Harju (Alppiharju), Kallio network's area
const MARJA = "marja-liisa.pulkkinen@demo.lahiturva.fi"; // resident of Ylä-Malmi
const KARI = "kari.vainio@demo.lahiturva.fi"; // Malmi network chair
// The suite's one "now" (tests/setup/test-now.ts), the same moment the demo seed is dated from.
const T0 = clock.now();
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let linjat: number;
let malmi: number;
let kallioNetwork: number;
let measure22: number;
let resident: Viewer;
let sofia: Viewer;
let network: Viewer;
let malmiNetwork: Viewer;
let coordinator: Viewer;

const areaId = (level: "major_district" | "district" | "sub_area" | "small_area", code: string) =>
  db()
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.level, level), eq(areas.code, code)))
    .get()!.id;
const access = (planId: number) => loadPlanAccess(planId)!.access;
const status = (planId: number) =>
  db().select({ s: neighbourhoodPlans.status }).from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get()!.s;
const version = (planId: number) =>
  db().select({ v: neighbourhoodPlans.version }).from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get()!.v;
/** What the route guard does: public plans for everyone, the rest by the permission module. */
const visible = (viewer: Viewer | null, planId: number) =>
  PUBLIC_STATUSES.includes(status(planId)) || can(viewer, { kind: "neighbourhoodPlan.view", plan: access(planId) });

const action = (overrides: Partial<ActionInput> = {}): ActionInput => ({
  text: "Siivoustalkoot kerran kuussa",
  carriedBy: "residents",
  organisationId: null,
  timeline: "Kevät 2027",
  dueDate: null,
  measureId: null,
  goalId: null,
  ...overrides,
});

/** A draft by the demo resident in Linjat with one item in every section. */
function completeDraft(title = "Testisuunnitelma") {
  const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, title, T0);
  expect(
    saveObservation(viewerById(resident.id), id, {}, { text: "Pimeä oikopolku", placeName: "Karhupuisto", lat: 60.1841, lng: 24.9512 }, T0)
      .ok,
  ).toBe(true);
  expect(savePlanGoal(viewerById(resident.id), id, {}, { text: "Valoisat reitit" }, T0).ok).toBe(true);
  expect(savePlanAction(viewerById(resident.id), id, {}, action({ measureId: measure22 }), T0).ok).toBe(true);
  return id;
}

beforeAll(async () => {
  await seedOnce();
  linjat = areaId("sub_area", "30102");
  malmi = areaId("sub_area", "50302");
  kallioNetwork = networksCoveringArea(linjat)[0]!.id;
  measure22 = db()
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
    .where(and(eq(measures.code, "2.2"), eq(safetyPlans.status, "in_force")))
    .get()!.id;
  resident = viewerOf(DEMO.resident);
  sofia = viewerOf(SOFIA);
  network = viewerOf(DEMO.network);
  malmiNetwork = viewerOf(KARI);
  coordinator = viewerOf(DEMO.coordinator);
});

describe("areas and networks", () => {
  it("a sub-area and a small area are covered by the network of their district", () => {
    expect(networksCoveringArea(linjat).map((n) => n.nameFi)).toEqual(["Kallion turvallisuus- ja hyvinvointiverkosto"]);
    expect(networksCoveringArea(areaId("small_area", "3010201")).map((n) => n.id)).toEqual([kallioNetwork]);
    expect(networksCoveringArea(areaId("major_district", "3"))).toEqual([]);
  });
});

describe("workflow rules", () => {
  it("residents start plans only for their own home area", () => {
    expect(can(resident, { kind: "neighbourhoodPlan.create", areaId: linjat })).toBe(true);
    expect(can(resident, { kind: "neighbourhoodPlan.create", areaId: malmi })).toBe(false);
    expect(can(network, { kind: "neighbourhoodPlan.create", areaId: linjat })).toBe(false);
    expect(can(null, { kind: "neighbourhoodPlan.create", areaId: linjat })).toBe(false);
  });

  it("only authors edit a draft, and nobody else even sees it (coordinators aside)", () => {
    const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Vain laatijoille", T0);
    expect(can(resident, { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(true);
    for (const other of [sofia, network, coordinator]) expect(can(other, { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(false);
    expect(visible(null, id)).toBe(false);
    expect(visible(sofia, id)).toBe(false);
    expect(visible(network, id)).toBe(false);
    expect(visible(coordinator, id)).toBe(true);
    // The domain refuses too, whatever a route might do.
    expect(savePlanGoal(viewerById(sofia.id), id, {}, { text: "Ei minun suunnitelmani" }, T0)).toEqual({
      ok: false,
      reason: "notEditable",
    });
    expect(savePlanGoal(viewerById(network.id), id, {}, { text: "Verkoston lisäys" }, T0)).toEqual({ ok: false, reason: "notEditable" });
    // A co-author must be a registered resident; then they write too.
    expect(addCoauthor(viewerById(resident.id), id, DEMO.network, T0)).toEqual({ ok: false, reason: "noSuchResident" });
    expect(addCoauthor(viewerById(resident.id), id, "ei.ole@example.fi", T0)).toEqual({ ok: false, reason: "noSuchResident" });
    expect(addCoauthor(viewerById(resident.id), id, SOFIA.toUpperCase(), T0)).toEqual({ ok: true, name: "Sofia Koivisto" });
    expect(addCoauthor(viewerById(resident.id), id, SOFIA, T0)).toEqual({ ok: false, reason: "alreadyAuthor" });
    expect(can(viewerOf(SOFIA), { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(true);
    expect(savePlanGoal(viewerById(sofia.id), id, {}, { text: "Yhteinen tavoite" }, T0).ok).toBe(true);
  });

  it("a plan goes to its area's network, which alone reviews it; changes are asked for, made, and the plan is published", () => {
    const empty = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Keskeneräinen", T0);
    expect(submitPlan(viewerById(resident.id), empty, T0)).toEqual({
      ok: false,
      reason: "incomplete",
      missing: ["observations", "goals", "actions"],
    });

    const id = completeDraft("Verkoston arvioitava");
    expect(submitPlan(viewerById(sofia.id), id, T0)).toEqual({ ok: false, reason: "transition" }); // not an author
    expect(submitPlan(viewerById(resident.id), id, T0)).toEqual({ ok: true });
    const plan = loadPlanAccess(id)!.plan;
    expect(plan.status).toBe("submitted");
    expect(plan.reviewingGroupId).toBe(kallioNetwork);
    // Submitted: nobody edits; the Kallio network and coordinators review, the Malmi network does not.
    expect(can(resident, { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(false);
    expect(savePlanGoal(viewerById(resident.id), id, {}, { text: "Myöhästynyt lisäys" }, T0)).toEqual({ ok: false, reason: "notEditable" });
    expect(can(network, { kind: "neighbourhoodPlan.review", plan: access(id) })).toBe(true);
    expect(can(coordinator, { kind: "neighbourhoodPlan.review", plan: access(id) })).toBe(true);
    expect(can(malmiNetwork, { kind: "neighbourhoodPlan.review", plan: access(id) })).toBe(false);
    expect(can(resident, { kind: "neighbourhoodPlan.review", plan: access(id) })).toBe(false);
    expect(visible(network, id)).toBe(true);
    expect(visible(malmiNetwork, id)).toBe(false);
    expect(visible(null, id)).toBe(false);
    expect(networkPlans(kallioNetwork).waiting.map((p) => p.id)).toContain(id);

    expect(reviewPlan(viewerById(network.id), id, "changes", "Lisätkää aikataulu.", T0)).toEqual({ ok: true });
    expect(status(id)).toBe("changes_requested");
    // No longer waiting: among the plans the network has seen, which come a page at a time.
    expect(networkPlans(kallioNetwork).waiting.map((p) => p.id)).not.toContain(id);
    const seen = networkPlans(kallioNetwork, { pageSize: 1000 }).others;
    expect(seen.rows.map((p) => p.id)).toContain(id);
    const pages = Array.from({ length: seen.total }, (_, i) => networkPlans(kallioNetwork, { page: i + 1, pageSize: 1 }).others.rows[0].id);
    expect(pages).toEqual(seen.rows.map((p) => p.id));
    expect(getPlanView(id, { publicMeasuresOnly: true, moderator: false })!.comments.at(-1)).toMatchObject({
      kind: "feedback",
      body: "Lisätkää aikataulu.",
    });
    expect(can(network, { kind: "neighbourhoodPlan.review", plan: access(id) })).toBe(false);
    expect(can(resident, { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(true);
    expect(
      saveBasics(
        viewerById(resident.id),
        id,
        getPlanView(id, { publicMeasuresOnly: true, moderator: false })!.plan.basicsRev,
        { title: "Verkoston arvioitava", situation: "Aikataulu lisätty." },
        T0,
      ).ok,
    ).toBe(true);

    expect(submitPlan(viewerById(resident.id), id, T0)).toEqual({ ok: true });
    expect(reviewPlan(viewerById(network.id), id, "accept", "", T0)).toEqual({ ok: true });
    const published = loadPlanAccess(id)!.plan;
    expect(published.status).toBe("published");
    expect(published.publishedAt).toEqual(T0);
    expect(published.acceptedAt).toEqual(T0);
    // Twice is refused: the plan is no longer waiting.
    expect(reviewPlan(viewerById(network.id), id, "accept", "", T0)).toEqual({ ok: false, reason: "transition" });
  });

  it("published plans are public: anyone reads them, and they are listed for their area", () => {
    const id = completeDraft("Julkinen suunnitelma");
    submitPlan(viewerById(resident.id), id, T0);
    expect(listPlansInAreas([areaId("district", "301")], null).rows.map((p) => p.id)).not.toContain(id);
    reviewPlan(viewerById(network.id), id, "accept", "Hyvä!", T0);
    expect(visible(null, id)).toBe(true);
    expect(visible(malmiNetwork, id)).toBe(true);
    expect(listPlansInAreas([areaId("district", "301")], null).rows.map((p) => p.id)).toContain(id);
    expect(listPlansInAreas([areaId("major_district", "3")], null).rows.map((p) => p.id)).toContain(id);
    // The list is paged: pages of one plan walk through the same plans as one long page, in order.
    const whole = listPlansInAreas([areaId("major_district", "3")], null, { pageSize: 100 });
    expect(whole.total).toBe(whole.rows.length);
    expect(whole.total).toBeGreaterThan(1);
    const paged = Array.from({ length: whole.total }, (_, i) =>
      listPlansInAreas([areaId("major_district", "3")], null, { page: i + 1, pageSize: 1 }),
    );
    expect(paged.every((p) => p.pageCount === whole.total && p.rows.length === 1)).toBe(true);
    expect(paged.map((p) => p.rows[0].id)).toEqual(whole.rows.map((p) => p.id));
    // Drafts show in lists only to their own authors.
    const draft = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Oma luonnos", T0);
    expect(listPlansInAreas([linjat], null).rows.map((p) => p.id)).not.toContain(draft);
    expect(listPlansInAreas([linjat], resident.id).rows.map((p) => p.id)).toContain(draft);
    // Published plans are followed up and finally archived; still public.
    expect(can(network, { kind: "neighbourhoodPlan.followUp", plan: access(id) })).toBe(true);
    expect(can(malmiNetwork, { kind: "neighbourhoodPlan.followUp", plan: access(id) })).toBe(false);
    expect(archivePlan(viewerById(network.id), id, T0)).toEqual({ ok: true });
    expect(visible(null, id)).toBe(true);
    expect(archivePlan(viewerById(network.id), id, T0)).toEqual({ ok: false, reason: "transition" });
  });

  it("authors withdraw a plan before it is published; the network then no longer sees it", () => {
    const id = completeDraft("Peruttava");
    submitPlan(viewerById(resident.id), id, T0);
    expect(can(network, { kind: "neighbourhoodPlan.withdraw", plan: access(id) })).toBe(false);
    expect(can(resident, { kind: "neighbourhoodPlan.withdraw", plan: access(id) })).toBe(true);
    expect(withdrawPlan(viewerById(resident.id), id, T0)).toEqual({ ok: true });
    expect(status(id)).toBe("withdrawn");
    expect(visible(network, id)).toBe(false);
    expect(visible(resident, id)).toBe(true);
    expect(can(resident, { kind: "neighbourhoodPlan.edit", plan: access(id) })).toBe(false);

    const published = completeDraft("Julkaistu, ei peruttavissa");
    submitPlan(viewerById(resident.id), published, T0);
    reviewPlan(viewerById(network.id), published, "accept", "", T0);
    expect(can(resident, { kind: "neighbourhoodPlan.withdraw", plan: access(published) })).toBe(false);
    expect(withdrawPlan(viewerById(resident.id), published, T0)).toEqual({ ok: false, reason: "transition" });
  });
});

describe("versions and conflicts", () => {
  it("two co-authors editing the same item: the second save is refused with the first one's text, then may overwrite knowingly", () => {
    const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Yhteinen luonnos", T0);
    addCoauthor(viewerById(resident.id), id, SOFIA, T0);
    const created = savePlanGoal(viewerById(resident.id), id, {}, { text: "Alkuperäinen tavoite" }, T0);
    if (!created.ok) throw new Error("not saved");
    const before = version(id);
    const theirs = savePlanGoal(
      viewerById(sofia.id),
      id,
      { id: created.id, baseRev: created.rev },
      { text: "Sofian muotoilu" },
      minutes(1),
    );
    expect(theirs.ok).toBe(true);
    expect(version(id)).toBe(before + 1);
    // Eveliina still types on the old revision.
    const mine = savePlanGoal(
      viewerById(resident.id),
      id,
      { id: created.id, baseRev: created.rev },
      { text: "Eveliinan muotoilu" },
      minutes(2),
    );
    expect(mine).toMatchObject({ ok: false, reason: "conflict", by: "Sofia Koivisto", current: { text: "Sofian muotoilu" }, gone: false });
    expect(version(id)).toBe(before + 1);
    expect(getPlanView(id, { publicMeasuresOnly: true, moderator: false })!.goals[0]!.text).toBe("Sofian muotoilu");
    // Knowingly replacing their text with the current revision works.
    if (mine.ok || mine.reason !== "conflict") throw new Error("expected a conflict");
    expect(
      savePlanGoal(viewerById(resident.id), id, { id: created.id, baseRev: mine.rev }, { text: "Eveliinan muotoilu" }, minutes(3)).ok,
    ).toBe(true);
    const view = getPlanView(id, { publicMeasuresOnly: true, moderator: false })!;
    expect(view.goals[0]).toMatchObject({ text: "Eveliinan muotoilu", authorName: "Eveliina Mattila" });
  });

  it("co-authors writing different items do not conflict, an unchanged save writes nothing, and one's own earlier save is no conflict", () => {
    const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Rinnakkain", T0);
    addCoauthor(viewerById(resident.id), id, SOFIA, T0);
    const a = saveObservation(viewerById(resident.id), id, {}, { text: "Eveliinan havainto", placeName: null, lat: null, lng: null }, T0);
    const b = saveObservation(viewerById(sofia.id), id, {}, { text: "Sofian havainto", placeName: null, lat: null, lng: null }, T0);
    if (!a.ok || !b.ok) throw new Error("not saved");
    expect(
      saveObservation(
        viewerById(resident.id),
        id,
        { id: a.id, baseRev: a.rev },
        { text: "Eveliinan havainto, tarkennettu", placeName: null, lat: null, lng: null },
        T0,
      ).ok,
    ).toBe(true);
    expect(
      saveObservation(
        viewerById(sofia.id),
        id,
        { id: b.id, baseRev: b.rev },
        { text: "Sofian havainto, tarkennettu", placeName: null, lat: null, lng: null },
        T0,
      ).ok,
    ).toBe(true);
    const v = version(id);
    expect(
      saveObservation(
        viewerById(sofia.id),
        id,
        { id: b.id, baseRev: "whatever" },
        { text: "Sofian havainto, tarkennettu", placeName: null, lat: null, lng: null },
        T0,
      ).ok,
    ).toBe(true);
    expect(version(id)).toBe(v);
    // A reply lost on a bad connection: the next save names the old revision, but the text is her own.
    expect(
      saveObservation(
        viewerById(sofia.id),
        id,
        { id: b.id, baseRev: b.rev },
        { text: "Sofian havainto, kolmas versio", placeName: null, lat: null, lng: null },
        T0,
      ).ok,
    ).toBe(true);
  });

  it("the basics have a revision too, and an item removed meanwhile can be added back as new", () => {
    const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Perustiedot", T0);
    addCoauthor(viewerById(resident.id), id, SOFIA, T0);
    const rev = getPlanView(id, { publicMeasuresOnly: true, moderator: false })!.plan.basicsRev;
    expect(saveBasics(viewerById(sofia.id), id, rev, { title: "Perustiedot", situation: "Sofian kuvaus" }, T0).ok).toBe(true);
    expect(saveBasics(viewerById(resident.id), id, rev, { title: "Perustiedot", situation: "Eveliinan kuvaus" }, T0)).toMatchObject({
      ok: false,
      reason: "conflict",
      by: "Sofia Koivisto",
      current: { situation: "Sofian kuvaus" },
    });

    const goal = savePlanGoal(viewerById(sofia.id), id, {}, { text: "Poistettava" }, T0);
    if (!goal.ok) throw new Error("not saved");
    expect(removeItem(viewerById(resident.id), id, "goal", goal.id, T0)).toEqual({ ok: true });
    expect(savePlanGoal(viewerById(sofia.id), id, { id: goal.id, baseRev: goal.rev }, { text: "Muokattu poistettua" }, T0)).toMatchObject({
      ok: false,
      reason: "conflict",
      gone: true,
      current: null,
    });
    expect(
      savePlanGoal(viewerById(sofia.id), id, { id: goal.id, baseRev: goal.rev, recreate: true }, { text: "Muokattu poistettua" }, T0).ok,
    ).toBe(true);
  });

  it("every save bumps the version; the history keeps a row per author and a few minutes, and one per milestone, with who wrote what", () => {
    const id = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Historia", T0);
    addCoauthor(viewerById(resident.id), id, SOFIA, minutes(0));
    const rows = () => db().select().from(planVersions).where(eq(planVersions.planId, id)).all();
    expect(rows()).toHaveLength(2); // "created" is a milestone, so adding the co-author opened a row of its own
    saveObservation(viewerById(resident.id), id, {}, { text: "Ensimmäinen", placeName: null, lat: null, lng: null }, minutes(1));
    saveObservation(viewerById(resident.id), id, {}, { text: "Toinen", placeName: null, lat: null, lng: null }, minutes(2));
    const afterEveliina = rows().length;
    savePlanGoal(viewerById(sofia.id), id, {}, { text: "Sofian tavoite" }, minutes(3));
    expect(rows().length).toBe(afterEveliina + 1);
    savePlanGoal(viewerById(sofia.id), id, {}, { text: "Sofian toinen tavoite" }, minutes(4));
    expect(rows().length).toBe(afterEveliina + 1);
    savePlanGoal(viewerById(sofia.id), id, {}, { text: "Myöhemmin" }, minutes(20));
    expect(rows().length).toBe(afterEveliina + 2);
    savePlanAction(viewerById(resident.id), id, {}, action(), minutes(21));
    submitPlan(viewerById(resident.id), id, minutes(22));
    const all = rows();
    expect(all.at(-1)!.note).toBe("submitted");
    expect(all.at(-1)!.version).toBe(version(id));

    const history = planHistory(id);
    expect(history.versions[0]!.note).toBe("submitted");
    const sofiaVersion = history.versions.find(
      (v) => v.savedByName === "Sofia Koivisto" && v.changes.some((c) => c.text === "Sofian toinen tavoite"),
    )!;
    expect(sofiaVersion.changes.filter((c) => c.kind === "added").map((c) => c.text)).toEqual(["Sofian tavoite", "Sofian toinen tavoite"]);
    expect(history.contributions).toEqual(
      expect.arrayContaining([
        { name: "Eveliina Mattila", basics: true, observations: 2, goals: 0, actions: 1 },
        { name: "Sofia Koivisto", basics: false, observations: 0, goals: 3, actions: 0 },
      ]),
    );
  });
});

describe("comments and moderation", () => {
  it("a hidden comment stays in the database with its reason, and its text reaches only moderators", () => {
    const id = completeDraft("Kommentoitava");
    submitPlan(viewerById(resident.id), id, T0);
    reviewPlan(viewerById(network.id), id, "accept", "", T0);
    const marja = viewerOf(MARJA);
    expect(can(marja, { kind: "comment.create", plan: access(id) })).toBe(true);
    expect(can(null, { kind: "comment.create", plan: access(id) })).toBe(false);
    const commentId = addComment(viewerById(marja.id), id, "Naapurin nimi ja puhelinnumero 040 000 0000", T0);
    expect(reportComment(viewerById(resident.id), commentId, "Henkilötietoja", T0)).toBe(true);

    expect(can(resident, { kind: "comment.hide", plan: access(id) })).toBe(false);
    expect(can(malmiNetwork, { kind: "comment.hide", plan: access(id) })).toBe(false);
    expect(can(network, { kind: "comment.hide", plan: access(id) })).toBe(true);
    expect(can(coordinator, { kind: "comment.hide", plan: access(id) })).toBe(true);
    const reported = getPlanView(id, { publicMeasuresOnly: true, moderator: true })!.comments.find((c) => c.id === commentId)!;
    expect(reported.openReports).toBe(1);

    expect(hideComment(viewerById(network.id), commentId, "Yksityishenkilön yhteystiedot", T0)).toBe(true);
    expect(hideComment(viewerById(network.id), commentId, "Toistamiseen", T0)).toBe(false);

    const publicView = getPlanView(id, { publicMeasuresOnly: true, moderator: false })!;
    expect(publicView.comments.map((c) => c.id)).not.toContain(commentId);
    expect(JSON.stringify(publicView)).not.toContain("040 000 0000");

    const moderatorView = getPlanView(id, { publicMeasuresOnly: false, moderator: true })!;
    expect(moderatorView.comments.find((c) => c.id === commentId)).toMatchObject({
      hidden: true,
      hiddenReason: "Yksityishenkilön yhteystiedot",
      hiddenByName: "Tiina Salonen",
      body: "Naapurin nimi ja puhelinnumero 040 000 0000",
    });

    const row = db().select().from(planComments).where(eq(planComments.id, commentId)).get()!;
    expect(row.body).toBe("Naapurin nimi ja puhelinnumero 040 000 0000");
    expect(row.hiddenAt).toEqual(T0);
    expect(db().select().from(commentReports).where(eq(commentReports.commentId, commentId)).get()!.resolvedAt).toEqual(T0);
  });

  it("drafts take no comments, and the seeded hidden comment is not shown to the public", () => {
    const draft = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Luonnos ilman kommentteja", T0);
    expect(can(resident, { kind: "comment.create", plan: access(draft) })).toBe(false);
    const seeded = db()
      .select()
      .from(neighbourhoodPlans)
      .where(eq(neighbourhoodPlans.title, "Turvallisempi Karhupuisto ja Vaasanaukio"))
      .get()!;
    const json = JSON.stringify(getPlanView(seeded.id, { publicMeasuresOnly: true, moderator: false }));
    expect(json).not.toContain("040 123 4567");
    expect(JSON.stringify(getPlanView(seeded.id, { publicMeasuresOnly: true, moderator: true }))).toContain("040 123 4567");
  });
});

describe("city measures and the network's notes", () => {
  it("links work both ways: the plan names the measure, the measure lists the actions of plans the viewer may see", () => {
    const seeded = db()
      .select()
      .from(neighbourhoodPlans)
      .where(eq(neighbourhoodPlans.title, "Turvallisempi Karhupuisto ja Vaasanaukio"))
      .get()!;
    const view = getPlanView(seeded.id, { publicMeasuresOnly: true, moderator: false })!;
    expect(view.actions.find((a) => a.measureId === measure22)?.measure).toMatchObject({ id: measure22, code: "2.2" });
    expect(actionsForMeasure(measure22, null).map((a) => a.plan.id)).toContain(seeded.id);

    const draft = createNeighbourhoodPlan(viewerById(resident.id), linjat, "Luonnos, jossa linkki", T0);
    savePlanAction(viewerById(resident.id), draft, {}, action({ measureId: measure22 }), T0);
    expect(actionsForMeasure(measure22, null).map((a) => a.plan.id)).not.toContain(draft);
    expect(actionsForMeasure(measure22, network).map((a) => a.plan.id)).not.toContain(draft);
    expect(actionsForMeasure(measure22, resident).map((a) => a.plan.id)).toContain(draft);
    expect(savePlanAction(viewerById(resident.id), draft, {}, action({ measureId: 999999 }), T0)).toEqual({
      ok: false,
      reason: "invalidReference",
    });
  });

  it("a network keeps local notes on the measures aimed at its areas", () => {
    const before = listNetworkNotes(kallioNetwork).length;
    expect(can(network, { kind: "network.note", groupId: kallioNetwork })).toBe(true);
    expect(can(malmiNetwork, { kind: "network.note", groupId: kallioNetwork })).toBe(false);
    expect(addNetworkNote(viewerById(network.id), kallioNetwork, measure22, "Iltakävely pidetty.", T0)).toBe(true);
    expect(addNetworkNote(viewerById(network.id), kallioNetwork, 999999, "Ei ole", T0)).toBe(false);
    const notes = listNetworkNotes(kallioNetwork);
    expect(notes).toHaveLength(before + 1);
    expect(notes[0]).toMatchObject({ measureId: measure22, body: "Iltakävely pidetty.", authorName: "Tiina Salonen" });
  });
});

describe("area import", () => {
  const csv = (text: string) => {
    const parsed = parseAreaCsv(new TextEncoder().encode(text), "aluejako.csv");
    if (!parsed.ok) throw new Error(parsed.errors.join());
    return parsed.file;
  };
  const find = (level: "major_district" | "district" | "sub_area" | "small_area", code: string) =>
    db()
      .select()
      .from(areas)
      .where(and(eq(areas.level, level), eq(areas.code, code)))
      .get();
  const coordinatorId = () => userIdOf(DEMO.coordinator);

  it("imports a hierarchy in which one code appears on two levels, with Finnish and English level names", () => {
    const file: AreaCsv = csv(
      [
        "taso;koodi;nimi_fi;nimi_sv;ylempi_koodi",
        "suurpiiri;91;Testisuurpiiri;Teststordistrikt;",
        "peruspiiri;9101;Testipiiri;Testdistrikt;91",
        "osa-alue;9101;Testiosa;Testdel;9101",
        "small_area;910101;Testipienalue;;9101",
      ].join("\n"),
    );
    const preview = validateAreaImport(file);
    expect(preview.counts).toEqual({ create: 4, update: 0, unchanged: 0, errors: 0 });
    expect(applyAreaImport(viewerById(coordinatorId()), file)).toEqual({ ok: true, created: 4, updated: 0, unchanged: 0 });
    const district = find("district", "9101")!;
    const sub = find("sub_area", "9101")!;
    expect(district.id).not.toBe(sub.id);
    expect(district.parentId).toBe(find("major_district", "91")!.id);
    expect(sub.parentId).toBe(district.id);
    expect(find("small_area", "910101")!.parentId).toBe(sub.id);
    expect(find("small_area", "910101")!.nameSv).toBeNull();
  });

  it("re-importing changes nothing, and a changed name updates the area in place", () => {
    const base = ["level,code,name_fi,name_sv,parent_code", "major_district,92,Uusi suurpiiri,Nytt,", "district,9201,Uusi piiri,Ny,92"];
    expect(applyAreaImport(viewerById(coordinatorId()), csv(base.join("\n")))).toMatchObject({ ok: true, created: 2 });
    const id = find("district", "9201")!.id;
    expect(applyAreaImport(viewerById(coordinatorId()), csv(base.join("\n")))).toEqual({ ok: true, created: 0, updated: 0, unchanged: 2 });
    const renamed = [...base.slice(0, 2), "district,9201,Uudistettu piiri,Förnyad,92"];
    expect(validateAreaImport(csv(renamed.join("\n"))).counts).toEqual({ create: 0, update: 1, unchanged: 1, errors: 0 });
    expect(applyAreaImport(viewerById(coordinatorId()), csv(renamed.join("\n")))).toEqual({
      ok: true,
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(find("district", "9201")).toMatchObject({ id, nameFi: "Uudistettu piiri", nameSv: "Förnyad" });
    // The demo city's own Kallio is updated the same way, by level and code.
    expect(validateAreaImport(csv("level;code;name_fi;name_sv;parent_code\nperuspiiri;301;Kallio;Berghäll;3")).counts.unchanged).toBe(1);
  });

  it("writes nothing when any row is broken, and says what is wrong with each", () => {
    const broken = csv(
      [
        "level;code;name_fi;name_sv;parent_code",
        "suurpiiri;93;Hyvä uusi;;",
        "kaupunginosa;9301;Tuntematon taso;;93",
        "peruspiiri;9302;;;93",
        "peruspiiri;9303;Ilman vanhempaa;;99",
        "suurpiiri;94;Vanhemmallinen;;1",
        "suurpiiri;93;Kahdesti;;",
      ].join("\n"),
    );
    const preview = validateAreaImport(broken);
    expect(preview.ok).toBe(false);
    const errors = Object.fromEntries(preview.rows.map((r) => [r.rowNumber, r.errors.map((e) => e.split("|")[0]!.split(".").pop())]));
    expect(errors).toEqual({
      2: [],
      3: ["levelUnknown"],
      4: ["nameMissing"],
      5: ["parentMissing"],
      6: ["majorHasParent"],
      7: ["duplicate"],
    });
    const result = applyAreaImport(viewerById(coordinatorId()), broken);
    expect(result.ok).toBe(false);
    expect(find("major_district", "93")).toBeUndefined();
  });

  it("the example file (the demo city's own hierarchy) imports cleanly and changes nothing", () => {
    const bytes = new Uint8Array(readFileSync(join(process.cwd(), "public/templates/aluejako-malli.csv")));
    const parsed = parseAreaCsv(bytes, "aluejako-malli.csv");
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const preview = validateAreaImport(parsed.file);
    expect(preview.counts).toMatchObject({ create: 0, update: 0, errors: 0 });
    expect(preview.counts.unchanged).toBe(parsed.file.rows.length);
  });

  it("refuses files it cannot read as an area list", () => {
    expect(parseAreaCsv(new TextEncoder().encode("nimi;koodi\nKallio;301"), "a.csv")).toMatchObject({ ok: false });
    expect(parseAreaCsv(new TextEncoder().encode("level;code;name_fi\n"), "a.csv")).toMatchObject({ ok: false });
    expect(parseAreaCsv(new Uint8Array([0x50, 0x4b, 3, 4]), "a.xlsx")).toMatchObject({ ok: false });
  });
});
