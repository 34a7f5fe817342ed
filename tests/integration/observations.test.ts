// Map observations on a real database: placing points in real-shaped boundaries (holes,
// multipolygons, points on an edge), the ~50 m coarsening of everything public, the moderation
// and handling rules with the reporter told of each step, a photo's GPS EXIF stripped, the
// automatic indicator against a direct count, and what account deletion keeps.
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import {
  areas,
  measures,
  notifications,
  observationCategories,
  observationPhotos,
  observations,
  organisations,
  safetyPlans,
  statusReviews,
} from "../../db/schema";
import { getReview, startReview } from "~/server/steering/reviews.server";
import { clock } from "~/server/platform/clock";
import { applyBoundaryImport, parseAreaFile, parseBoundaryFile } from "~/server/city/area-boundaries.server";
import { areaDescendantIds } from "~/server/city/areas.server";
import { publicMeasureCondition } from "~/server/city/measures.server";
import { coarsen, distanceMetres, placePoint, type Boundary } from "~/server/observations/geo";
import {
  addCategory,
  listCategories,
  updateCategory,
  getObservation,
  handleObservation,
  moderateObservation,
  myObservations,
  observationCounts,
  observationsForMeasure,
  placeObservation,
  publicObservations,
  reportObservation,
  staffObservations,
} from "~/server/observations/observations.server";
import { personalData } from "~/server/people/personal-data.server";
import { removeResidentAccount } from "~/server/people/accounts.server";
import { db } from "~/server/platform/db.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

const KARI = "kari.vainio@demo.lahiturva.fi"; // Malmi network chair: not Kallio's network
const SOFIA = "sofia.koivisto@demo.lahiturva.fi";

beforeAll(async () => {
  await seedOnce();
});

const categoryId = (code: string) => db().select().from(observationCategories).where(eq(observationCategories.code, code)).get()!.id;
const areaId = (level: "district" | "sub_area" | "small_area", code: string) =>
  db()
    .select()
    .from(areas)
    .where(and(eq(areas.level, level), eq(areas.code, code)))
    .get()!.id;
const linjatCentre = () => {
  const b = JSON.parse(
    db()
      .select()
      .from(areas)
      .where(eq(areas.id, areaId("sub_area", "30102")))
      .get()!.boundary!,
  ) as Boundary;
  const ring = (b as { coordinates: number[][][] }).coordinates[0]!;
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  // Between Linjat's small areas, well inside the sub-area.
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: Math.min(...lngs) + (Math.max(...lngs) - Math.min(...lngs)) * 0.2 };
};
const base = { categoryId: 0, timeOfDay: "evening" as const, dayType: "any" as const, description: "Pimeä polku", photo: null };

describe("placing a point in real-shaped boundaries", () => {
  // A district with a bay cut in its shore and a park enclave (a hole) that belongs to another
  // area; a neighbour made of a mainland part and an island; they share one irregular edge.
  const shore: Boundary = {
    type: "Polygon",
    coordinates: [
      [
        [24.93, 60.16],
        [24.951, 60.158],
        [24.962, 60.163],
        [24.958, 60.171],
        [24.947, 60.169], // the bay
        [24.944, 60.175],
        [24.93, 60.176],
        [24.93, 60.16],
      ],
      [
        [24.936, 60.164],
        [24.942, 60.164],
        [24.942, 60.168],
        [24.936, 60.168],
        [24.936, 60.164],
      ],
    ],
  };
  const park: Boundary = {
    type: "Polygon",
    coordinates: [
      [
        [24.936, 60.164],
        [24.942, 60.164],
        [24.942, 60.168],
        [24.936, 60.168],
        [24.936, 60.164],
      ],
    ],
  };
  const islands: Boundary = {
    type: "MultiPolygon",
    coordinates: [
      [
        [
          [24.951, 60.158],
          [24.975, 60.155],
          [24.98, 60.166],
          [24.962, 60.163],
          [24.951, 60.158],
        ],
      ],
      [
        [
          [24.99, 60.14],
          [25.0, 60.14],
          [25.004, 60.148],
          [24.99, 60.146],
          [24.99, 60.14],
        ],
      ],
    ],
  };
  const all = [
    { id: 1, level: "district", code: "101", boundary: shore },
    { id: 2, level: "district", code: "102", boundary: islands },
    { id: 3, level: "sub_area", code: "10103", boundary: park },
  ];
  const districtOf = (lat: number, lng: number, areasInOrder = all) => placePoint(areasInOrder, { lat, lng }).get("district")?.code ?? null;

  it("puts a point in the hole outside the district that has the hole, and in the enclave", () => {
    expect(districtOf(60.166, 24.939)).toBeNull();
    expect(placePoint(all, { lat: 60.166, lng: 24.939 }).get("sub_area")?.code).toBe("10103");
    expect(districtOf(60.162, 24.935)).toBe("101");
  });

  it("finds a point on the island part of a multipolygon, and none in the bay or at sea", () => {
    expect(districtOf(60.144, 24.995)).toBe("102");
    expect(districtOf(60.16, 24.97)).toBe("102");
    expect(districtOf(60.172, 24.953)).toBeNull(); // in the bay
    expect(districtOf(60.15, 24.94)).toBeNull(); // at sea
  });

  it("gives a point on a shared edge to one area only, the same whatever the order", () => {
    // The midpoint of the shared edge (24.951, 60.158) → (24.962, 60.163).
    const onEdge = { lat: 60.1605, lng: 24.9565 };
    expect(districtOf(onEdge.lat, onEdge.lng)).toBe("101");
    expect(districtOf(onEdge.lat, onEdge.lng, [...all].reverse())).toBe("101");
    // A corner of the hole is on the district's inner edge and on the park's edge: both levels find it.
    const corner = placePoint(all, { lat: 60.164, lng: 24.936 });
    expect(corner.get("sub_area")?.code).toBe("10103");
  });

  it("imports GeoJSON boundaries by level and code, all or nothing, and places points with them", () => {
    const file = (features: unknown[]) => {
      const parsed = parseBoundaryFile(new TextEncoder().encode(JSON.stringify({ type: "FeatureCollection", features })));
      if (!parsed.ok) throw new Error(parsed.errors.join());
      return parsed.file;
    };
    const coordinator = viewerOf(DEMO.coordinator);
    const broken = applyBoundaryImport(
      coordinator,
      file([
        { type: "Feature", properties: { level: "peruspiiri", code: "105" }, geometry: islands },
        { type: "Feature", properties: { level: "peruspiiri", code: "999" }, geometry: shore },
        { type: "Feature", properties: { taso: "peruspiiri", koodi: "104" }, geometry: { type: "Polygon", coordinates: [[[1, 2]]] } },
      ]),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.validation.counts.errors).toBe(2);
    const lauttasaari = areaId("district", "105");
    const before = db().select().from(areas).where(eq(areas.id, lauttasaari)).get()!;
    expect(before.boundaryApproximate).toBe(true);

    const done = applyBoundaryImport(
      coordinator,
      file([{ type: "Feature", properties: { level: "district", code: "105" }, geometry: islands }]),
    );
    expect(done).toMatchObject({ ok: true, updated: 1 });
    const after = db().select().from(areas).where(eq(areas.id, lauttasaari)).get()!;
    expect(after.boundaryApproximate).toBe(false);
    expect(placeObservation({ lat: 60.144, lng: 24.995 })?.byLevel.district?.id).toBe(lauttasaari);
  });

  it("the area import takes a GeoJSON file as boundaries and a CSV file as the hierarchy", () => {
    const geojson = new TextEncoder().encode(JSON.stringify({ type: "FeatureCollection", features: [] }));
    expect(parseAreaFile(geojson, "rajat.geojson")).toEqual({ ok: false, errors: ["observations.boundaries.errors.empty"] });
    const csv = parseAreaFile(new TextEncoder().encode("level;code;name_fi\nperuspiiri;101;Vironniemi\n"), "alueet.csv");
    expect(csv.ok && !("kind" in csv.file)).toBe(true);
  });

  it("places a point on all four levels of the demo city", () => {
    const placed = placeObservation(linjatCentre())!;
    expect(placed.byLevel.sub_area?.id).toBe(areaId("sub_area", "30102"));
    expect(placed.byLevel.district?.id).toBe(areaId("district", "301"));
    expect(placed.byLevel.major_district).toBeTruthy();
    expect(placed.byLevel.small_area).toBeTruthy();
    expect(placed.areaId).toBe(placed.byLevel.small_area!.id);
  });
});

describe("coarsening", () => {
  it("moves a point to the middle of its ~50 m cell: never far, the same for its neighbours, stable", () => {
    const p = { lat: 60.18437, lng: 24.95012 };
    const c = coarsen(p);
    expect(distanceMetres(p, c)).toBeLessThanOrEqual(36);
    expect(coarsen(c)).toEqual(c);
    // Everything within a cell lands on the same point: a few metres inside the same cell.
    const near = { lat: c.lat + 0.00005, lng: c.lng - 0.00005 };
    expect(coarsen(near)).toEqual(c);
    expect(coarsen({ lat: p.lat + 0.002, lng: p.lng })).not.toEqual(c);
  });

  it("the public map and list show approved observations only, every point coarsened", () => {
    const { items, clusters } = publicObservations();
    expect(items.length).toBeGreaterThan(10);
    const exact = new Map(
      db()
        .select()
        .from(observations)
        .all()
        .map((o) => [o.id, o]),
    );
    for (const item of items) {
      const row = exact.get(item.id)!;
      expect(row.review).toBe("approved");
      expect(item).not.toHaveProperty("lat");
      expect(item).not.toHaveProperty("address");
      if (row.lat != null) {
        expect(item.point).toEqual(coarsen({ lat: row.lat, lng: row.lng! }));
        expect(item.point).not.toEqual({ lat: row.lat, lng: row.lng });
      }
    }
    expect(clusters.reduce((n, c) => n + c.open + c.handled, 0)).toBe(items.filter((i) => i.point).length);
  });
});

describe("moderation and handling", () => {
  it("a new observation waits for the covering network; another network, the public and residents cannot approve", async () => {
    const resident = viewerOf(DEMO.resident);
    const r = await reportObservation(resident, {
      ...base,
      categoryId: categoryId("lighting"),
      place: { kind: "point", ...linjatCentre() },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(publicObservations().items.some((o) => o.id === r.id)).toBe(false);
    expect(getObservation(null, r.id)).toBeNull();
    expect(getObservation(viewerOf(SOFIA), r.id)).toBeNull();
    expect(getObservation(resident, r.id)?.view).toBe("own");
    // The Kallio network hears of it; Malmi's does not.
    const told = db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, "observation.submitted"))
      .all()
      .filter((n) => n.userId === userIdOf(DEMO.network) || n.userId === userIdOf(KARI));
    expect(told.map((n) => n.userId)).toContain(userIdOf(DEMO.network));
    expect(told.map((n) => n.userId)).not.toContain(userIdOf(KARI));

    expect(moderateObservation(viewerOf(KARI), r.id, { decision: "approve" })).toEqual({ ok: false, reason: "forbidden" });
    expect(moderateObservation(resident, r.id, { decision: "approve" })).toEqual({ ok: false, reason: "forbidden" });
    expect(staffObservations(viewerOf(KARI)).some((o) => o.id === r.id)).toBe(false);
    expect(staffObservations(viewerOf(DEMO.network)).some((o) => o.id === r.id)).toBe(true);

    expect(moderateObservation(viewerOf(DEMO.network), r.id, { decision: "approve" })).toEqual({ ok: true });
    expect(moderateObservation(viewerOf(DEMO.network), r.id, { decision: "refuse", reason: "x" })).toEqual({
      ok: false,
      reason: "notPending",
    });
    expect(publicObservations().items.some((o) => o.id === r.id)).toBe(true);
    expect(getObservation(null, r.id)?.view).toBe("public");
    const approved = db().select().from(notifications).where(eq(notifications.messageKey, "observations.notify.approved")).all();
    expect(approved.some((n) => n.userId === resident.id && JSON.parse(n.params).observationId === r.id)).toBe(true);
  });

  it("a refusal keeps the observation private, tells the reporter why, and closes it", async () => {
    const sofia = viewerOf(SOFIA);
    const r = await reportObservation(sofia, {
      ...base,
      categoryId: categoryId("other"),
      place: { kind: "address", areaId: areaId("sub_area", "30201"), address: "Harjutori 1" },
    });
    if (!r.ok) throw new Error(r.reason);
    const coordinator = viewerOf(DEMO.coordinator);
    expect(moderateObservation(coordinator, r.id, { decision: "refuse", reason: "Names a private person" })).toEqual({ ok: true });
    expect(getObservation(null, r.id)).toBeNull();
    const own = getObservation(sofia, r.id);
    expect(own).toMatchObject({ view: "own", review: "refused", refusalReason: "Names a private person", address: "Harjutori 1" });
    expect(myObservations(sofia.id).find((o) => o.id === r.id)?.refusalReason).toBe("Names a private person");
    expect(handleObservation(coordinator, r.id, { handling: "received", organisationId: null, measureId: null, publicReply: "" })).toEqual({
      ok: false,
      reason: "refused",
    });
  });

  it("the expert links an observation to a published measure with a public reply; the measure lists it and the reporter is told", async () => {
    const resident = viewerOf(DEMO.resident);
    const r = await reportObservation(resident, {
      ...base,
      categoryId: categoryId("traffic"),
      place: { kind: "point", ...linjatCentre() },
    });
    if (!r.ok) throw new Error(r.reason);
    moderateObservation(viewerOf(DEMO.network), r.id, { decision: "approve" });
    const expert = viewerOf(DEMO.expert);
    const measure = db().select({ id: measures.id }).from(measures).where(publicMeasureCondition()).get()!;
    expect(handleObservation(expert, r.id, { handling: "linked", organisationId: null, measureId: null, publicReply: "" })).toEqual({
      ok: false,
      reason: "measure",
    });
    expect(handleObservation(resident, r.id, { handling: "resolved", organisationId: null, measureId: null, publicReply: "" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(
      handleObservation(expert, r.id, {
        handling: "linked",
        organisationId: null,
        measureId: measure.id,
        publicReply: "Korjataan osana toimenpidettä.",
      }),
    ).toEqual({ ok: true });
    const police = db().select().from(organisations).get()!;
    expect(
      handleObservation(viewerOf(DEMO.network), r.id, {
        handling: "forwarded",
        organisationId: police.id,
        measureId: null,
        publicReply: "Välitetty.",
      }),
    ).toEqual({
      ok: true,
    });
    expect(observationsForMeasure(measure.id).map((o) => o.id)).toContain(r.id);
    const seen = getObservation(null, r.id)!;
    expect(seen).toMatchObject({ handling: "forwarded", handled: true, publicReply: "Välitetty." });
    expect(seen.measure?.id).toBe(measure.id);
    const told = db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, resident.id), eq(notifications.kind, "observation.handled")))
      .all()
      .filter((n) => JSON.parse(n.params).observationId === r.id)
      .map((n) => n.messageKey);
    expect(told.sort()).toEqual(["observations.notify.forwarded", "observations.notify.linked"]);
  });

  it("refuses a point outside every boundary and a retired category", async () => {
    const resident = viewerOf(DEMO.resident);
    expect(
      await reportObservation(resident, { ...base, categoryId: categoryId("lighting"), place: { kind: "point", lat: 59.5, lng: 24.9 } }),
    ).toEqual({
      ok: false,
      reason: "outside",
    });
    expect(await reportObservation(resident, { ...base, categoryId: 9999, place: { kind: "point", ...linjatCentre() } })).toEqual({
      ok: false,
      reason: "category",
    });
  });
});

describe("categories", () => {
  it("coordinators add and retire categories in three languages; a retired one cannot be chosen, but old reports keep it", async () => {
    const coordinator = viewerOf(DEMO.coordinator);
    expect(addCategory(viewerOf(DEMO.expert), { nameFi: "Roskat", nameSv: "Skräp", nameEn: "Litter" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const added = addCategory(coordinator, { nameFi: "Roskat", nameSv: "Skräp", nameEn: "Litter" });
    if (!added.ok) throw new Error("not added");
    expect(listCategories().find((c) => c.id === added.id)).toMatchObject({
      code: "roskat",
      nameSv: "Skräp",
      nameEn: "Litter",
      retired: false,
    });
    const r = await reportObservation(viewerOf(DEMO.resident), {
      ...base,
      categoryId: added.id,
      place: { kind: "point", ...linjatCentre() },
    });
    expect(r.ok).toBe(true);
    expect(
      updateCategory(coordinator, added.id, { nameFi: "Roskaaminen", nameSv: "Nedskräpning", nameEn: "Littering", retired: true }),
    ).toEqual({ ok: true });
    expect(listCategories().some((c) => c.id === added.id)).toBe(false);
    expect(listCategories({ includeRetired: true }).find((c) => c.id === added.id)).toMatchObject({ nameFi: "Roskaaminen", retired: true });
    expect(
      await reportObservation(viewerOf(DEMO.resident), { ...base, categoryId: added.id, place: { kind: "point", ...linjatCentre() } }),
    ).toEqual({
      ok: false,
      reason: "category",
    });
    if (r.ok) expect(db().select().from(observations).where(eq(observations.id, r.id)).get()?.categoryId).toBe(added.id);
  });
});

describe("the photo", () => {
  it("comes back re-encoded without EXIF: the camera's GPS position is gone", async () => {
    const withGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } })
      .jpeg()
      .withExif({
        IFD0: { Make: "TestCam", Model: "Spy 1" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "60/1 11/1 4/1", GPSLongitudeRef: "E", GPSLongitude: "24/1 57/1 1/1" },
      })
      .toBuffer();
    const original = await sharp(withGps).metadata();
    expect(original.exif?.toString("latin1")).toContain("TestCam");

    const r = await reportObservation(viewerOf(DEMO.resident), {
      ...base,
      categoryId: categoryId("vandalism"),
      place: { kind: "point", ...linjatCentre() },
      photo: { name: "kuva.jpg", bytes: new Uint8Array(withGps) },
    });
    if (!r.ok) throw new Error(r.reason);
    const stored = db().select().from(observationPhotos).where(eq(observationPhotos.observationId, r.id)).get()!;
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from("TestCam"))).toBe(false);
    expect([stored.width, stored.height]).toEqual([64, 48]);
  });

  it("refuses what is not a photo, whatever its name", async () => {
    const page = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect(
      await reportObservation(viewerOf(DEMO.resident), {
        ...base,
        categoryId: categoryId("other"),
        place: { kind: "point", ...linjatCentre() },
        photo: { name: "kuva.jpg", bytes: page },
      }),
    ).toEqual({ ok: false, reason: "photoType" });
  });
});

describe("numbers", () => {
  it("the indicator's counts per district, category and month equal a direct count", () => {
    const counts = observationCounts();
    const total = db().select({ n: sql<number>`count(*)` }).from(observations).where(eq(observations.review, "approved")).get()!.n;
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(total);
    const kallio = areaId("district", "301");
    const direct = db()
      .select({ categoryId: observations.categoryId, n: sql<number>`count(*)` })
      .from(observations)
      .where(and(eq(observations.review, "approved"), sql`${observations.areaId} in ${areaDescendantIds([kallio])}`))
      .groupBy(observations.categoryId)
      .all();
    for (const row of direct) {
      const counted = counts.filter((c) => c.areaId === kallio && c.categoryId === row.categoryId).reduce((n, c) => n + c.count, 0);
      expect(counted).toBe(row.n);
    }
    expect(direct.length).toBeGreaterThan(2);
  });
});

describe("the status review", () => {
  it("counts the published observations of its period, as a direct count does", () => {
    const plan = db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!;
    const day = (daysAgo: number) => new Date(clock.ms() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const started = startReview(viewerOf(DEMO.coordinator), {
      planId: plan.id,
      title: "Havaintokatsaus",
      periodStart: day(120),
      periodEnd: day(10),
    });
    if (!started.ok) throw new Error("no review");
    const draft = db().select().from(statusReviews).where(eq(statusReviews.id, started.id)).get()!;
    const content = getReview(draft.id)!.content;
    const from = Date.parse(`${draft.periodStart}T00:00:00Z`);
    const to = Date.parse(`${draft.periodEnd}T00:00:00Z`) + 86_400_000;
    const direct = db()
      .select({ n: sql<number>`count(*)` })
      .from(observations)
      .where(and(eq(observations.review, "approved"), sql`${observations.createdAt} >= ${from}`, sql`${observations.createdAt} < ${to}`))
      .get()!.n;
    expect(direct).toBeGreaterThan(0);
    expect(content.observations?.total).toBe(direct);
    expect(content.observations?.byCategory.reduce((n, c) => n + c.count, 0)).toBe(direct);
  });
});

describe("the reporter's data", () => {
  it("the data download has their observations; deleting the account keeps published ones without the name", async () => {
    const sofia = viewerOf(SOFIA);
    const pending = await reportObservation(sofia, {
      ...base,
      categoryId: categoryId("other"),
      place: { kind: "point", ...linjatCentre() },
    });
    if (!pending.ok) throw new Error(pending.reason);
    const mine = db().select().from(observations).where(eq(observations.reporterId, sofia.id)).all();
    const published = mine.filter((o) => o.review === "approved").map((o) => o.id);
    expect(published.length).toBeGreaterThan(0);
    expect(
      personalData(sofia.id)!
        .mapObservations.map((o) => o.id)
        .sort(),
    ).toEqual(mine.map((o) => o.id).sort());

    db().transaction((tx) => removeResidentAccount(tx, sofia.id, "account.deleted"));
    const left = db()
      .select()
      .from(observations)
      .where(sql`${observations.id} in ${mine.map((o) => o.id)}`)
      .all();
    expect(left.map((o) => o.id).sort()).toEqual(published.sort());
    expect(left.every((o) => o.reporterId === null)).toBe(true);
    expect(getObservation(null, published[0]!)?.view).toBe("public");
  });
});
