// Issue 15 E: measures, tasks, public follow-up texts and decisions in Swedish and English beside
// the Finnish. The reader's language with a marked Finnish fallback, the forms' values reaching the
// database, the measure import's new columns (and their aliases) and export → import round trips
// that carry the translations and change nothing.
import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { measures, measureTasks, organisations, priorityAreas, safetyPlans } from "../../db/schema";
import { MeasureFormSchema } from "~/forms/measures";
import { i18nFor } from "~/i18n/i18n.server";
import { localField, localName, localText } from "~/i18n/names";
import {
  applyImport,
  exportMeasures,
  parseMeasureFile,
  toCsv,
  toXlsx,
  validateImport,
  type ParsedFile,
} from "~/server/city/measure-io.server";
import { measureInputFromForm } from "~/server/city/measure-input";
import { addFollowUp, editFollowUp, getMeasure, listMeasures, proposeMeasure, updateMeasure } from "~/server/city/measures.server";
import { db } from "~/server/platform/db.server";
import { createReview, getReview, recordDecision, sendReview } from "~/server/steering/reviews.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const enc = (text: string) => new TextEncoder().encode(text);
let coordinatorId: string;

async function parseOk(bytes: Uint8Array, name: string): Promise<ParsedFile> {
  const parsed = await parseMeasureFile(bytes, name);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.errors.join(", ")}`);
  return parsed.file;
}

function createPlan(name: string) {
  const plan = db()
    .insert(safetyPlans)
    .values({ nameFi: name, periodStart: "2025-01-01", periodEnd: "2028-12-31", status: "in_force", published: true })
    .returning()
    .get();
  db().insert(priorityAreas).values({ planId: plan.id, code: "1", nameFi: "Painopiste 1" }).run();
  return plan.id;
}

const byCode = (planId: number, code: string) =>
  db()
    .select()
    .from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.code, code)))
    .get()!;
const tasksOf = (measureId: number) =>
  db()
    .select({ title: measureTasks.title, titleSv: measureTasks.titleSv, titleEn: measureTasks.titleEn })
    .from(measureTasks)
    .where(eq(measureTasks.measureId, measureId))
    .orderBy(asc(measureTasks.position))
    .all();
const kymp = () => db().select({ id: organisations.id }).from(organisations).where(eq(organisations.shortName, "Kymp")).get()!.id;

/** A measure saved through the form's own schema, as the measure form sends it. */
function proposeFromForm(planId: number, fields: Record<string, unknown>) {
  const parsed = MeasureFormSchema.parse({
    code: "B1",
    title: "Turvallisuuskävelyt",
    ownerOrganisationId: String(kymp()),
    continuous: "on",
    cityWide: "on",
    published: "on",
    ...fields,
  });
  const result = proposeMeasure(viewerById(coordinatorId), planId, measureInputFromForm(parsed));
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

beforeAll(async () => {
  await seedOnce();
  coordinatorId = userIdOf(DEMO.coordinator);
});

describe("a text in the reader's language", () => {
  it("falls back to Finnish when the version is missing or blank, and says which language it is", () => {
    const measure = { title: "Turvallisuuskävelyt", titleSv: "Trygghetsvandringar", titleEn: "  " };
    expect(localField(measure, "title", "sv")).toEqual({ text: "Trygghetsvandringar", lang: "sv" });
    expect(localField(measure, "title", "en")).toEqual({ text: "Turvallisuuskävelyt", lang: "fi" });
    expect(localField(measure, "title", "fi")).toEqual({ text: "Turvallisuuskävelyt", lang: "fi" });
    expect(localText({ fi: "Päätös", sv: null, en: "Decision" }, "sv")).toEqual({ text: "Päätös", lang: "fi" });
    expect(localName({ nameFi: "Kallio", nameSv: "Berghäll", nameEn: null }, "sv")).toBe("Berghäll");
  });
});

describe("the measure form and follow-up", () => {
  it("stores the Swedish and English title, description and task titles; empty versions are null", () => {
    const planId = createPlan("Kaksikielinen lomake");
    const id = proposeFromForm(planId, {
      titleSv: "Trygghetsvandringar",
      description: "Asukkaat kiertävät alueen.",
      descriptionEn: "Residents walk the area.",
      tasks: [
        { title: "Reitin suunnittelu", titleSv: "Planering av rutten", state: "open" },
        { title: "Raportti", titleSv: "", state: "open" },
      ],
    });
    expect(byCode(planId, "B1")).toMatchObject({
      title: "Turvallisuuskävelyt",
      titleSv: "Trygghetsvandringar",
      titleEn: null,
      descriptionSv: null,
      descriptionEn: "Residents walk the area.",
    });
    expect(tasksOf(id)).toEqual([
      { title: "Reitin suunnittelu", titleSv: "Planering av rutten", titleEn: null },
      { title: "Raportti", titleSv: null, titleEn: null },
    ]);
    // The list and the page get the versions beside the Finnish.
    const row = listMeasures({ planId }, { publicOnly: false }).rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ title: "Turvallisuuskävelyt", titleSv: "Trygghetsvandringar", titleEn: null });
    expect(getMeasure(id, { publicOnly: false })!.tasks[0]).toMatchObject({ titleSv: "Planering av rutten" });
  });

  it("an edit that leaves the versions out clears them; a conflicting edit names the changed version", () => {
    const planId = createPlan("Kaksikielinen muokkaus");
    const id = proposeFromForm(planId, { titleSv: "Trygghetsvandringar", titleEn: "Safety walks" });
    const input = measureInputFromForm(
      MeasureFormSchema.parse({
        code: "B1",
        title: "Turvallisuuskävelyt",
        titleSv: "Trygghetsvandringar i Malm",
        ownerOrganisationId: String(kymp()),
        continuous: "on",
        cityWide: "on",
        published: "on",
      }),
    );
    expect(updateMeasure(viewerById(coordinatorId), id, 1, input)).toMatchObject({ ok: true, version: 2 });
    expect(byCode(planId, "B1")).toMatchObject({ titleSv: "Trygghetsvandringar i Malm", titleEn: null });
    const stale = updateMeasure(viewerById(coordinatorId), id, 1, { ...input, titleSv: "Något annat" });
    expect(stale).toMatchObject({ ok: false, reason: "conflict" });
    if (!stale.ok && stale.reason === "conflict") expect(stale.changed).toEqual(["titleSv"]);
  });

  it("the public sees the public summary's versions; a correction keeps the old versions as a revision", () => {
    const planId = createPlan("Kaksikielinen seuranta");
    const id = proposeFromForm(planId, {});
    db().update(measures).set({ status: "approved", version: 2 }).where(eq(measures.id, id)).run();
    const added = addFollowUp(viewerById(coordinatorId), id, 2, {
      status: "in_progress",
      progress: 10,
      done: "Ensimmäinen kävely pidettiin.",
      next: "",
      obstacles: "",
      publicText: "Ensimmäinen kävely pidettiin.",
      publicTextSv: "Den första vandringen hölls.",
    });
    if (!added.ok) throw new Error(added.reason);
    const publicEntry = getMeasure(id, { publicOnly: true })!.followUps[0];
    expect(publicEntry).toMatchObject({
      publicText: "Ensimmäinen kävely pidettiin.",
      publicTextSv: "Den första vandringen hölls.",
      publicTextEn: null,
    });
    expect(localField(publicEntry, "publicText", "sv").text).toBe("Den första vandringen hölls.");
    expect(localField(publicEntry, "publicText", "en")).toEqual({ text: "Ensimmäinen kävely pidettiin.", lang: "fi" });
    expect(
      editFollowUp(viewerById(coordinatorId), added.followUpId, 1, {
        done: "Ensimmäinen kävely pidettiin.",
        next: "",
        obstacles: "",
        publicText: "Ensimmäinen kävely pidettiin Malmilla.",
        publicTextEn: "The first walk was held in Malmi.",
      }),
    ).toEqual({ ok: true });
    const entry = getMeasure(id, { publicOnly: true })!.followUps[0];
    expect(entry).toMatchObject({ publicTextSv: null, publicTextEn: "The first walk was held in Malmi." });
  });
});

describe("the measure import's Swedish and English columns", () => {
  it("reads title_sv … description_en and their Finnish and Swedish names; empty keeps, the clear marker clears", async () => {
    const planId = createPlan("Kaksikielinen tuonti");
    const technical =
      "code;title;owner;continuous;title_sv;title_en;description_sv;description_en\n" +
      "T1;Turvallisuuskävelyt;Kymp;kyllä;Trygghetsvandringar;Safety walks;Invånarna går runt.;Residents walk around.\n";
    expect(applyImport(viewerById(coordinatorId), planId, await parseOk(enc(technical), "t.csv"))).toMatchObject({ ok: true, created: 1 });
    expect(byCode(planId, "T1")).toMatchObject({
      titleSv: "Trygghetsvandringar",
      titleEn: "Safety walks",
      descriptionSv: "Invånarna går runt.",
      descriptionEn: "Residents walk around.",
    });

    // A Swedish office's own headers: "Åtgärd" for the title, "Rubrik på svenska" for its Swedish version.
    const swedish = "Kod;Åtgärd;Ansvarig;Kontinuerlig;Rubrik på svenska;Otsikko englanniksi\nT1;;;;Trygghetsvandringar i Malm;\n";
    const file = await parseOk(enc(swedish), "s.csv");
    expect(file.columns).toMatchObject({ titleSv: "Rubrik på svenska", titleEn: "Otsikko englanniksi" });
    const preview = validateImport(planId, file);
    expect(preview.rows[0]).toMatchObject({ action: "update", errors: [] });
    expect(preview.rows[0].changes).toEqual([
      { field: "measureIo.columns.titleSv", from: "Trygghetsvandringar", to: "Trygghetsvandringar i Malm" },
    ]);
    applyImport(viewerById(coordinatorId), planId, file);
    // The empty English cell kept the English title.
    expect(byCode(planId, "T1")).toMatchObject({ titleSv: "Trygghetsvandringar i Malm", titleEn: "Safety walks" });

    const cleared = await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;otsikko_en;kuvaus_sv\nT1;;;#TYHJÄ;#tom\n"), "c.csv");
    expect(applyImport(viewerById(coordinatorId), planId, cleared)).toMatchObject({ ok: true, updated: 1 });
    expect(byCode(planId, "T1")).toMatchObject({ titleSv: "Trygghetsvandringar i Malm", titleEn: null, descriptionSv: null });

    const tooLong = await parseOk(enc(`tunnus;otsikko;vastuuorganisaatio;title_sv\nT1;;;${"x".repeat(301)}\n`), "l.csv");
    expect(validateImport(planId, tooLong).rows[0].errors).toHaveLength(1);
  });

  it("an export imported back as it is changes nothing, and keeps the tasks' translations", async () => {
    const planId = createPlan("Kaksikielinen edestakaisin");
    const id = proposeFromForm(planId, {
      code: "R1",
      titleSv: "Trygghetsvandringar",
      titleEn: "Safety walks",
      description: "Rivi 1\nRivi 2",
      descriptionSv: "Rad 1\nRad 2",
      tasks: [{ title: "Reitin suunnittelu", titleSv: "Planering av rutten", titleEn: "Planning the route", state: "open" }],
    });
    proposeFromForm(planId, { code: "R2", title: "Vain suomeksi" });
    const state = () => ({
      measures: db().select().from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.id)).all(),
      tasks: db()
        .select()
        .from(measureTasks)
        .where(inArray(measureTasks.measureId, [id]))
        .all(),
    });
    const before = state();
    for (const lang of ["fi", "sv", "en"] as const) {
      const t = i18nFor(lang).t;
      const rows = exportMeasures({ planId }, { publicOnly: false, lang });
      expect(rows.find((r) => r.code === "R1")).toMatchObject({
        title: "Turvallisuuskävelyt",
        titleSv: "Trygghetsvandringar",
        descriptionEn: "",
      });
      for (const [name, bytes] of [
        ["vienti.csv", enc(toCsv(rows, t, { lang }))],
        ["vienti.xlsx", new Uint8Array(await toXlsx(rows, t, { lang }))],
      ] as const) {
        const file = await parseOk(bytes, name);
        expect(Object.keys(file.columns)).toEqual(expect.arrayContaining(["titleSv", "titleEn", "descriptionSv", "descriptionEn"]));
        const validation = validateImport(planId, file);
        expect(validation.rows.map((r) => [r.code, r.action, r.errors, r.changes])).toEqual([
          ["R1", "unchanged", [], []],
          ["R2", "unchanged", [], []],
        ]);
        expect(applyImport(viewerById(coordinatorId), planId, file)).toEqual({ ok: true, created: 0, updated: 0, unchanged: 2 });
        expect(state()).toEqual(before);
      }
    }
    // A change to another column rewrites the tasks: their translations survive it.
    const changed = await parseOk(enc("tunnus;otsikko;vastuuorganisaatio;kuvaus\nR1;;;Uusi kuvaus\n"), "k.csv");
    expect(applyImport(viewerById(coordinatorId), planId, changed)).toMatchObject({ ok: true, updated: 1 });
    expect(tasksOf(id)).toEqual([{ title: "Reitin suunnittelu", titleSv: "Planering av rutten", titleEn: "Planning the route" }]);
  });
});

describe("a status review", () => {
  it("keeps the measure titles it was sent with in every language, and decisions carry their versions", () => {
    const planId = createPlan("Kaksikielinen katsaus");
    const id = proposeFromForm(planId, { titleSv: "Trygghetsvandringar" });
    db().update(measures).set({ status: "approved" }).where(eq(measures.id, id)).run();
    const reviewId = createReview(viewerById(coordinatorId), {
      planId,
      title: "Katsaus SV",
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
    });
    expect(sendReview(viewerById(coordinatorId), reviewId, 1)).toEqual({ ok: true });
    // A later edit does not reach the sent review.
    db().update(measures).set({ titleSv: "Något annat" }).where(eq(measures.id, id)).run();
    const sent = getReview(reviewId)!;
    expect(sent.content.measures.find((m) => m.id === id)).toMatchObject({ title: "Turvallisuuskävelyt", titleSv: "Trygghetsvandringar" });

    expect(
      recordDecision(viewerById(coordinatorId), reviewId, {
        decidedOn: "2026-07-01",
        kind: "other",
        text: "Kävelyt jatkuvat.",
        textSv: "Vandringarna fortsätter.",
        textEn: "",
      }),
    ).toEqual({ ok: true });
    const [decision] = getReview(reviewId)!.decisions;
    expect(decision).toMatchObject({ text: "Kävelyt jatkuvat.", textSv: "Vandringarna fortsätter.", textEn: null });
    expect(localField(decision, "text", "en")).toEqual({ text: "Kävelyt jatkuvat.", lang: "fi" });
  });
});

describe("the demo city", () => {
  it("has Swedish titles for priority area 1's measures and a few tasks, and Finnish only elsewhere", () => {
    const rows = db()
      .select({ code: measures.code, titleSv: measures.titleSv, area: priorityAreas.code })
      .from(measures)
      .innerJoin(priorityAreas, eq(priorityAreas.id, measures.priorityAreaId))
      .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
      .where(eq(safetyPlans.status, "in_force"))
      .all();
    const first = rows.filter((r) => r.area === "1");
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => r.titleSv)).toBe(true);
    expect(rows.filter((r) => r.area === "2").every((r) => r.titleSv === null)).toBe(true);
    const tasks = db().select({ titleSv: measureTasks.titleSv }).from(measureTasks).all();
    expect(tasks.filter((t) => t.titleSv).length).toBeGreaterThanOrEqual(3);
  });
});
