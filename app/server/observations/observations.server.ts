// Safety observations on a map: a resident reports (a point on the map, or an area and an address
// without one), the covering network or a coordinator approves or refuses before anything is
// public, and the expert group and the networks handle it (received, forwarded to an organisation,
// linked to a city measure, resolved) with a public reply. The reporter hears of every step. The
// public reads approved observations only, each point coarsened to a ~50 m grid; staff see the
// exact points. Counts per area, category and month feed the indicators and the status review.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import {
  areas,
  measures,
  observationCategories,
  observationPhotos,
  observations,
  organisations,
  planObservationCitations,
  users,
  type ObservationDay,
  type ObservationHandling,
  type ObservationReview,
  type ObservationTime,
} from "../../../db/schema";
import { areaDescendantIds, areaLineageIds, currentAreaCondition, networksCoveringArea, areaNameColumns } from "../city/areas.server";
import { publicMeasureCondition } from "../city/measures.server";
import { currentPlan } from "../city/plans.server";
import { notifyMany, writeWithMail } from "../mail/notifications.server";
import { can } from "../people/permissions.server";
import { isCoordinator, isExpertMember, memberGroupIds, type Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { config } from "../platform/config.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { readPartition, writePartition } from "../platform/table-versions.server";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "../workspaces/workspace-members.server";
import { boundaryCentre, clusterPoints, coarsen, isPlausiblePoint, parseBoundary, placePoint, type Boundary, type LatLng } from "./geo";
import { cleanPhoto } from "./photo.server";
import { namesOf, columnsOf } from "../platform/select-names";

type Reader = Pick<Db, "select" | "all">;

export const observationLink = (id: number) => `/observations/${id}`;

// The change-counter partitions of new (unpublished) and published observations (table-versions.server.ts).
const OBSERVATIONS = "observations";
const PHOTOS = "observation_photos";
const PENDING = "pending";
const PUBLISHED = "approved";

// ---------------------------------------------------------------------------------------------
// Categories

export type ObservationCategory = { id: number; code: string; nameFi: string; nameSv: string; nameEn: string; retired: boolean };

export function listCategories(opts: { includeRetired?: boolean } = {}, r: Reader = db()): ObservationCategory[] {
  return r
    .select({ ...categoryColumns, retiredAt: observationCategories.retiredAt })
    .from(observationCategories)
    .where(opts.includeRetired ? undefined : isNull(observationCategories.retiredAt))
    .orderBy(asc(observationCategories.position), asc(observationCategories.id))
    .all()
    .map(({ retiredAt, ...c }) => ({ ...c, retired: retiredAt != null }));
}
const categoryColumns = {
  ...columnsOf(observationCategories, "id", "code"),
  ...namesOf(observationCategories),
};

export type CategoryInput = { nameFi: string; nameSv: string; nameEn: string };

/** A new category (coordinators), last in the list; its code is made from the Finnish name. */
export function addCategory(actor: Viewer, input: CategoryInput): { ok: true; id: number } | { ok: false; reason: "forbidden" } {
  if (!can(actor, { kind: "observation.categories" })) return { ok: false, reason: "forbidden" };
  return db().transaction((tx) => {
    const position =
      (tx
        .select({ n: sql<number>`coalesce(max(${observationCategories.position}), 0)` })
        .from(observationCategories)
        .get()?.n ?? 0) + 1;
    const base =
      input.nameFi
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 30) || "category";
    const taken = new Set(
      tx
        .select({ code: observationCategories.code })
        .from(observationCategories)
        .all()
        .map((c) => c.code),
    );
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
    const id = Number(
      tx
        .insert(observationCategories)
        .values({ code, ...trimmed(input), position })
        .run().lastInsertRowid,
    );
    audit({ actorId: actor.id, action: "observationCategory.added", targetType: "observationCategory", targetId: id }, tx);
    return { ok: true as const, id };
  });
}
const trimmed = (i: CategoryInput) => ({ nameFi: i.nameFi.trim(), nameSv: i.nameSv.trim(), nameEn: i.nameEn.trim() });

/** Renames a category, or retires it (kept on its observations) or brings it back. */
export function updateCategory(
  actor: Viewer,
  id: number,
  input: CategoryInput & { retired: boolean },
  now = clock.now(),
): { ok: true } | { ok: false; reason: "forbidden" | "notFound" } {
  if (!can(actor, { kind: "observation.categories" })) return { ok: false, reason: "forbidden" };
  return db().transaction((tx) => {
    const current = tx.select().from(observationCategories).where(eq(observationCategories.id, id)).get();
    if (!current) return { ok: false as const, reason: "notFound" as const };
    tx.update(observationCategories)
      .set({ ...trimmed(input), retiredAt: input.retired ? (current.retiredAt ?? now) : null })
      .where(eq(observationCategories.id, id))
      .run();
    audit({ actorId: actor.id, action: "observationCategory.updated", targetType: "observationCategory", targetId: id }, tx);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Areas and places

export type MapArea = {
  id: number;
  level: string;
  code: string;
  nameFi: string;
  nameSv: string | null;
  boundary: Boundary;
  approximate: boolean;
};

/** Every current area with a boundary: what the map draws (without tiles, these are the map). */
export function mapAreas(r: Reader = db()): MapArea[] {
  return r
    .select({
      ...columnsOf(areas, "id", "level", "code", "nameFi", "nameSv", "boundary"),
      approximate: areas.boundaryApproximate,
    })
    .from(areas)
    .where(and(isNotNull(areas.boundary), currentAreaCondition()))
    .all()
    .flatMap((a) => {
      const boundary = parseBoundary(a.boundary);
      return boundary ? [{ ...a, boundary }] : [];
    });
}

export type Placement = { areaId: number; byLevel: Partial<Record<string, { id: number; code: string }>> };

/** The smallest area holding the point, and the area of every level that holds it; null outside every boundary. */
export function placeObservation(p: LatLng, r: Reader = db()): Placement | null {
  const found = placePoint(mapAreas(r), p);
  const deepest = ["small_area", "sub_area", "district", "major_district"].map((l) => found.get(l)).find(Boolean);
  if (!deepest) return null;
  return {
    areaId: deepest.id,
    byLevel: Object.fromEntries([...found].map(([level, a]) => [level, { id: a.id, code: a.code }])),
  };
}

/** Areas a reporter may choose without the map: every current area, by level and code. */
export function reportableAreas(r: Reader = db()) {
  return r
    .select({ id: areas.id, level: areas.level, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv, parentId: areas.parentId })
    .from(areas)
    .where(currentAreaCondition())
    .orderBy(asc(areas.code))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Reporting

export type ReportInput = {
  place: { kind: "point"; lat: number; lng: number } | { kind: "address"; areaId: number; address: string };
  categoryId: number;
  timeOfDay: ObservationTime;
  dayType: ObservationDay;
  description: string;
  photo: { name: string; bytes: Uint8Array } | null;
};
export type ReportRefusal = { ok: false; reason: "outside" | "area" | "category" | "photoType" | "photoTooLarge" | "photoUnreadable" };

/** Who approves an observation: the networks covering its area (nearest first), or the coordinators. */
function moderatorIds(tx: Tx, areaId: number): string[] {
  const networks = networksCoveringArea(areaId, tx);
  if (networks.length) return networks.flatMap((g) => listCurrentMemberIds(g.id, tx));
  return listCurrentMemberIdsOfKind("coordinators", tx);
}

/**
 * A new observation, pending until it is approved. The photo is cleaned before the transaction
 * (sharp is asynchronous); the write and the moderators' notifications are one transaction.
 */
export async function reportObservation(
  reporter: Viewer,
  input: ReportInput,
  now = clock.now(),
): Promise<{ ok: true; id: number } | ReportRefusal> {
  let photo = null;
  if (input.photo) {
    const cleaned = await cleanPhoto(input.photo.bytes, input.photo.name);
    if (!cleaned.ok)
      return {
        ok: false,
        reason: cleaned.reason === "type" ? "photoType" : cleaned.reason === "tooLarge" ? "photoTooLarge" : "photoUnreadable",
      };
    photo = cleaned.photo;
  }
  return writeWithMail((tx): { ok: true; id: number } | ReportRefusal => {
    const category = tx
      .select({ id: observationCategories.id })
      .from(observationCategories)
      .where(and(eq(observationCategories.id, input.categoryId), isNull(observationCategories.retiredAt)))
      .get();
    if (!category) return { ok: false, reason: "category" };
    let place: { areaId: number; lat: number | null; lng: number | null; address: string | null };
    if (input.place.kind === "point") {
      const point = { lat: input.place.lat, lng: input.place.lng };
      const placed = isPlausiblePoint(point) ? placeObservation(point, tx) : null;
      if (!placed) return { ok: false, reason: "outside" };
      place = { areaId: placed.areaId, ...point, address: null };
    } else {
      const area = tx
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.id, input.place.areaId), currentAreaCondition()))
        .get();
      if (!area) return { ok: false, reason: "area" };
      place = { areaId: area.id, lat: null, lng: null, address: input.place.address.trim() || null };
    }
    // A new report is unpublished: its rows go to the "pending" partition, which no page of
    // published observations reads (publishedWhere).
    const id = writePartition(OBSERVATIONS, PENDING, () =>
      Number(
        tx
          .insert(observations)
          .values({
            reporterId: reporter.id,
            ...place,
            categoryId: category.id,
            timeOfDay: input.timeOfDay,
            dayType: input.dayType,
            description: input.description.trim(),
            createdAt: now,
            updatedAt: now,
          })
          .run().lastInsertRowid,
      ),
    );
    if (photo)
      writePartition(PHOTOS, PENDING, () =>
        tx
          .insert(observationPhotos)
          .values({ observationId: id, ...photo })
          .run(),
      );
    notifyMany(
      tx,
      moderatorIds(tx, place.areaId),
      {
        kind: "observation.submitted",
        messageKey: "observations.notify.submitted",
        params: { observationId: id },
        link: observationLink(id),
        key: (userId) => `observation:${id}:submitted:${userId}`,
      },
      { except: reporter.id, now },
    );
    audit({ actorId: reporter.id, action: "observation.reported", targetType: "observation", targetId: id }, tx);
    return { ok: true, id };
  });
}

// ---------------------------------------------------------------------------------------------
// Who may do what with one observation

/** What the permission rules need of an observation: the networks covering its area. */
export function observationAccess(areaId: number, r: Reader = db()) {
  return { networkGroupIds: networksCoveringArea(areaId, r as Db).map((g) => g.id) };
}

/** The areas whose observations a staff member follows: all for the expert group and coordinators, the covered ones for a network. */
function followedAreaIds(viewer: Viewer, r: Reader): number[] | "all" {
  if (isCoordinator(viewer) || isExpertMember(viewer)) return "all";
  const groupIds = memberGroupIds(viewer);
  if (!groupIds.length) return [];
  const covered = r
    .all<{ id: number }>(sql`select ga.area_id as id from group_areas ga join groups g on g.id = ga.group_id
      where g.kind = 'network' and ga.group_id in (${sql.join(
        groupIds.map((id) => sql`${id}`),
        sql`, `,
      )})`)
    .map((row) => row.id);
  return areaDescendantIds(covered, r as Db);
}

// ---------------------------------------------------------------------------------------------
// Moderation

export type ModerationInput = { decision: "approve" } | { decision: "refuse"; reason: string };
export type ChangeRefusal = { ok: false; reason: "notFound" | "forbidden" | "notPending" | "refused" | "measure" | "organisation" };

/** The observation a staff member is about to change, if it exists and they may: its row, or the refusal. */
function observationToChange(tx: Tx, actor: Viewer, id: number, kind: "observation.moderate" | "observation.handle") {
  const row = tx
    .select({ id: observations.id, areaId: observations.areaId, review: observations.review, reporterId: observations.reporterId })
    .from(observations)
    .where(eq(observations.id, id))
    .get();
  if (!row) return { ok: false as const, reason: "notFound" as const };
  if (!can(actor, { kind, observation: observationAccess(row.areaId, tx) })) return { ok: false as const, reason: "forbidden" as const };
  return row;
}

/** The reporter (while they have an account) hears of each step in the app and by mail. */
function tellReporter(
  tx: Tx,
  row: { id: number; reporterId: string | null },
  kind: "observation.reviewed" | "observation.handled",
  messageKey: string,
  actor: Viewer,
  now: Date,
) {
  if (!row.reporterId) return;
  notifyMany(
    tx,
    [row.reporterId],
    { kind, messageKey, params: { observationId: row.id }, link: observationLink(row.id) },
    { except: actor.id, now },
  );
}

/** The covering network or a coordinator approves (public from now on) or refuses with a reason the reporter reads. */
export function moderateObservation(actor: Viewer, id: number, input: ModerationInput, now = clock.now()): { ok: true } | ChangeRefusal {
  return writeWithMail((tx): { ok: true } | ChangeRefusal => {
    const row = observationToChange(tx, actor, id, "observation.moderate");
    if ("ok" in row) return row;
    if (row.review !== "pending") return { ok: false, reason: "notPending" };
    const review: ObservationReview = input.decision === "approve" ? "approved" : "refused";
    tx.update(observations)
      .set({
        review,
        reviewedById: actor.id,
        reviewedAt: now,
        refusalReason: input.decision === "refuse" ? input.reason.trim() : null,
        updatedAt: now,
      })
      .where(eq(observations.id, id))
      .run();
    tellReporter(
      tx,
      row,
      "observation.reviewed",
      review === "approved" ? "observations.notify.approved" : "observations.notify.refused",
      actor,
      now,
    );
    audit({ actorId: actor.id, action: `observation.${review}`, targetType: "observation", targetId: id }, tx);
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Handling

export type HandlingInput = {
  handling: Exclude<ObservationHandling, "open">;
  organisationId: number | null;
  measureId: number | null;
  publicReply: string;
};

/**
 * The expert group, the covering network or a coordinator marks the observation received,
 * forwarded (to an organisation), linked (to a published city measure) or resolved, with a public
 * reply. A refused observation is closed; the reporter hears of each change.
 */
export function handleObservation(actor: Viewer, id: number, input: HandlingInput, now = clock.now()): { ok: true } | ChangeRefusal {
  return writeWithMail((tx): { ok: true } | ChangeRefusal => {
    const row = observationToChange(tx, actor, id, "observation.handle");
    if ("ok" in row) return row;
    if (row.review === "refused") return { ok: false, reason: "refused" };
    if (
      input.handling === "forwarded" &&
      (!input.organisationId ||
        !tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get())
    )
      return { ok: false, reason: "organisation" };
    if (
      input.handling === "linked" &&
      (!input.measureId ||
        !tx
          .select({ id: measures.id })
          .from(measures)
          .where(and(eq(measures.id, input.measureId), publicMeasureCondition()))
          .get())
    )
      return { ok: false, reason: "measure" };
    tx.update(observations)
      .set({
        handling: input.handling,
        // A later step keeps the organisation and the measure it was given before.
        ...(input.handling === "forwarded" ? { forwardedToId: input.organisationId } : {}),
        ...(input.handling === "linked" ? { measureId: input.measureId } : {}),
        publicReply: input.publicReply.trim() || null,
        handledById: actor.id,
        handledAt: now,
        updatedAt: now,
      })
      .where(eq(observations.id, id))
      .run();
    tellReporter(tx, row, "observation.handled", `observations.notify.${input.handling}`, actor, now);
    audit({ actorId: actor.id, action: `observation.${input.handling}`, targetType: "observation", targetId: id, detail: input }, tx);
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ObservationFilter = {
  categoryId?: number | null;
  timeOfDay?: ObservationTime | null;
  /** "open" or "handled" for the public; any review or handling state for staff. */
  status?: "pending" | "refused" | ObservationHandling | "handled" | null;
  areaId?: number | null;
  /** Reported in this month ("2026-11") or later / earlier. */
  from?: string | null;
  to?: string | null;
};

function filterConditions(f: ObservationFilter, r: Reader): SQL[] {
  const c: SQL[] = [];
  if (f.categoryId) c.push(eq(observations.categoryId, f.categoryId));
  if (f.timeOfDay) c.push(eq(observations.timeOfDay, f.timeOfDay));
  if (f.status === "pending" || f.status === "refused") c.push(eq(observations.review, f.status));
  else if (f.status === "handled") c.push(inArray(observations.handling, ["forwarded", "linked", "resolved"]));
  else if (f.status) c.push(eq(observations.handling, f.status));
  if (f.areaId) c.push(inArray(observations.areaId, areaDescendantIds([f.areaId], r as Db)));
  if (f.from) c.push(gte(observations.createdAt, monthStart(f.from)));
  if (f.to) c.push(lt(observations.createdAt, monthStart(f.to, 1)));
  return c;
}
/** The first moment of a month (UTC is close enough for a monthly filter), or of the month after. */
function monthStart(month: string, add = 0): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1 + add, 1));
}

/** Handled, as the public map shows it: someone has acted (forwarded, linked or resolved). */
export const isHandled = (h: ObservationHandling) => h === "forwarded" || h === "linked" || h === "resolved";

const listColumns = {
  ...columnsOf(observations, "id", "areaId"),
  ...areaNameColumns,
  ...columnsOf(observations, "lat", "lng", "address", "categoryId", "timeOfDay", "dayType", "description", "review", "handling"),
  ...columnsOf(observations, "publicReply", "createdAt"),
  hasPhoto: sql<number>`exists (select 1 from ${observationPhotos} p where p.observation_id = ${observations.id})`.mapWith(Boolean),
};

/** A public observation: no reporter, and the place coarsened (or the area's middle when only an address was given). */
export type PublicObservation = {
  id: number;
  areaId: number;
  areaNameFi: string;
  areaNameSv: string | null;
  categoryId: number;
  timeOfDay: ObservationTime;
  dayType: ObservationDay;
  description: string;
  handling: ObservationHandling;
  handled: boolean;
  publicReply: string | null;
  createdAt: Date;
  hasPhoto: boolean;
  /** Coarsened to the ~50 m grid; null when the reporter gave no point. */
  point: LatLng | null;
};

function toPublic(row: ListRow): PublicObservation {
  const { lat, lng, address: _address, review: _review, ...rest } = row;
  return { ...rest, handled: isHandled(row.handling), point: lat != null && lng != null ? coarsen({ lat, lng }) : null };
}
type ListRow = {
  id: number;
  areaId: number;
  areaNameFi: string;
  areaNameSv: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  categoryId: number;
  timeOfDay: ObservationTime;
  dayType: ObservationDay;
  description: string;
  review: ObservationReview;
  handling: ObservationHandling;
  publicReply: string | null;
  createdAt: Date;
  hasPhoto: boolean;
};

export const PUBLIC_PAGE_SIZE = 50;

/** The public map and its list: approved observations only, coarsened, with the clusters the map draws. */
export function publicObservations(filter: ObservationFilter = {}, r: Reader = db()) {
  const status = filter.status === "handled" || filter.status === "open" ? filter.status : null;
  const rows = r
    .select(listColumns)
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .where(
      and(
        eq(observations.review, "approved"),
        ...filterConditions({ ...filter, status: status === "open" ? null : status }, r),
        status === "open" ? inArray(observations.handling, ["open", "received"]) : undefined,
      ),
    )
    .orderBy(desc(observations.createdAt), desc(observations.id))
    .all() as ListRow[];
  const items = rows.map(toPublic);
  const clusters = clusterPoints(items.flatMap((o) => (o.point ? [{ ...o.point, id: o.id, handled: o.handled }] : [])));
  return { items, clusters };
}

/** One observation as this reader may see it, or null (missing, or not theirs to see). */
export function getObservation(viewer: Viewer | null, id: number, r: Reader = db()) {
  const row = r
    .select({
      ...listColumns,
      reporterId: observations.reporterId,
      reporterName: users.name,
      ...columnsOf(observations, "refusalReason", "reviewedAt", "handledAt", "forwardedToId", "measureId"),
    })
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .leftJoin(users, eq(users.id, observations.reporterId))
    .where(eq(observations.id, id))
    .get();
  if (!row) return null;
  const access = observationAccess(row.areaId, r);
  const followed = viewer ? followedAreaIds(viewer, r) : [];
  const staff = !!viewer && (followed === "all" || followed.includes(row.areaId));
  const own = !!viewer && row.reporterId === viewer.id;
  if (!staff && !own && row.review !== "approved") return null;
  const organisation = row.forwardedToId
    ? (r
        .select({ id: organisations.id, ...namesOf(organisations) })
        .from(organisations)
        .where(eq(organisations.id, row.forwardedToId))
        .get() ?? null)
    : null;
  const measure = row.measureId
    ? (r
        .select({ id: measures.id, code: measures.code, title: measures.title, titleSv: measures.titleSv, titleEn: measures.titleEn })
        .from(measures)
        .where(and(eq(measures.id, row.measureId), publicMeasureCondition()))
        .get() ?? null)
    : null;
  const base = {
    ...toPublic(row as ListRow),
    organisation,
    measure,
    review: row.review,
    reviewedAt: row.reviewedAt,
    handledAt: row.handledAt,
  };
  if (!staff && !own) return { view: "public" as const, ...base };
  // The reporter and staff see the exact place; staff also see who reported, the reporter the refusal reason.
  return {
    view: staff ? ("staff" as const) : ("own" as const),
    ...base,
    exact: row.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng } : null,
    address: row.address,
    refusalReason: row.refusalReason,
    reporterName: staff ? row.reporterName : null,
    mayModerate: row.review === "pending" && can(viewer, { kind: "observation.moderate", observation: access }),
    mayHandle: row.review !== "refused" && can(viewer, { kind: "observation.handle", observation: access }),
  };
}
export type ObservationView = NonNullable<ReturnType<typeof getObservation>>;

export function observationPhoto(viewer: Viewer | null, id: number) {
  if (!getObservation(viewer, id)) return null;
  return (
    db().select({ bytes: observationPhotos.bytes }).from(observationPhotos).where(eq(observationPhotos.observationId, id)).get() ?? null
  );
}

export const STAFF_PAGE_SIZE = 100;

/** The handling list: every observation in the viewer's areas (exact places), filtered, newest first. */
export function staffObservations(viewer: Viewer, filter: ObservationFilter = {}, r: Reader = db()) {
  const followed = followedAreaIds(viewer, r);
  if (followed !== "all" && !followed.length) return [];
  return (
    r
      .select({ ...listColumns, reporterName: users.name })
      .from(observations)
      .innerJoin(areas, eq(areas.id, observations.areaId))
      .leftJoin(users, eq(users.id, observations.reporterId))
      .where(and(followed === "all" ? undefined : inArray(observations.areaId, followed), ...filterConditions(filter, r)))
      .orderBy(desc(observations.createdAt), desc(observations.id))
      .limit(STAFF_PAGE_SIZE)
      .all() as (ListRow & { reporterName: string | null })[]
  ).map((o) => ({ ...o, handled: isHandled(o.handling) }));
}

/** The reporter's own observations with their states (the refusal reason and the reply included). */
export function myObservations(userId: string, r: Reader = db()) {
  return r
    .select({ ...listColumns, refusalReason: observations.refusalReason })
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .where(eq(observations.reporterId, userId))
    .orderBy(desc(observations.createdAt), desc(observations.id))
    .all();
}

/**
 * Published observations matching a condition, newest first, as the public may see them. New
 * reports arrive unpublished (reportObservation adds them to the "pending" partition), so a
 * wave of reports does not turn over the pages that list published ones; publishing one is an
 * update of its `review` column, which these reads name and so still notice at once.
 */
function publishedWhere(condition: SQL, r: Reader, limit?: number): PublicObservation[] {
  const query = r
    .select(listColumns)
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .where(and(condition, eq(observations.review, "approved")))
    .orderBy(desc(observations.createdAt), desc(observations.id));
  const rows = readPartition(OBSERVATIONS, PUBLISHED, () =>
    readPartition(PHOTOS, PUBLISHED, () => (limit ? query.limit(limit) : query).all() as ListRow[]),
  );
  return rows.map(toPublic);
}

/** Published observations linked to a measure (its page shows them). */
export function observationsForMeasure(measureId: number, r: Reader = db()): PublicObservation[] {
  return publishedWhere(eq(observations.measureId, measureId), r);
}

/** Published observations in an area and the areas below it (the area page, what a plan may cite). */
export function observationsForArea(areaId: number, r: Reader = db(), limit = 50): PublicObservation[] {
  return publishedWhere(inArray(observations.areaId, areaDescendantIds([areaId], r as Db)), r, limit);
}

/** Published observations a residents' plan cites (one withdrawn from publication drops out). */
export function observationsCitedByPlan(planId: number, r: Reader = db()): PublicObservation[] {
  return publishedWhere(
    inArray(
      observations.id,
      r
        .select({ id: planObservationCitations.observationId })
        .from(planObservationCitations)
        .where(eq(planObservationCitations.planId, planId)),
    ),
    r,
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers

export type ObservationCount = { areaId: number; categoryId: number; month: string; count: number };

/**
 * Approved observations per district, category and month (Helsinki time), between two moments:
 * the automatic indicator and the status review read these. Counted at district level (a small
 * area's observation counts in its district), where the steering group compares areas.
 */
export function observationCounts(range: { from?: Date; to?: Date } = {}, r: Reader = db()): ObservationCount[] {
  const rows = r.all<{ areaId: number; categoryId: number; createdAt: number }>(sql`
    select area_id as areaId, category_id as categoryId, created_at as createdAt from ${observations}
    where review = 'approved'
    ${range.from ? sql`and created_at >= ${range.from.getTime()}` : sql``}
    ${range.to ? sql`and created_at < ${range.to.getTime()}` : sql``}`);
  const districtOf = new Map<number, number>();
  const counts = new Map<string, ObservationCount>();
  for (const row of rows) {
    if (!districtOf.has(row.areaId)) districtOf.set(row.areaId, districtAbove(row.areaId, r));
    const areaId = districtOf.get(row.areaId)!;
    const month = helsinkiMonth(new Date(row.createdAt));
    const key = `${areaId}:${row.categoryId}:${month}`;
    const entry = counts.get(key) ?? { areaId, categoryId: row.categoryId, month, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.month.localeCompare(b.month) || a.areaId - b.areaId || a.categoryId - b.categoryId);
}

/** The district an area belongs to (itself when it is one, the area itself above districts). */
function districtAbove(areaId: number, r: Reader): number {
  const lineage = areaLineageIds(areaId, r as Db);
  const rows = r.select({ id: areas.id, level: areas.level }).from(areas).where(inArray(areas.id, lineage)).all();
  return rows.find((a) => a.level === "district")?.id ?? areaId;
}

const MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit" });
export const helsinkiMonth = (d: Date) => MONTH.format(d).slice(0, 7);

/** The counts as the indicator page shows them: areas and categories named, newest month first. */
export function observationIndicator(months = 12, r: Reader = db(), now = clock.now()) {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  const counts = observationCounts({ from }, r);
  const areaIds = [...new Set(counts.map((c) => c.areaId))];
  const names = areaIds.length
    ? r
        .select({ id: areas.id, code: areas.code, nameFi: areas.nameFi, nameSv: areas.nameSv })
        .from(areas)
        .where(inArray(areas.id, areaIds))
        .all()
    : [];
  return { counts, areas: names.sort((a, b) => a.code.localeCompare(b.code)), categories: listCategories({ includeRetired: true }, r) };
}

/** Totals for a status review's period: by category and by handling state. */
export function observationTotals(range: { from?: Date; to: Date }, r: Reader = db()) {
  const where = sql`review = 'approved' and created_at < ${range.to.getTime()} ${range.from ? sql`and created_at >= ${range.from.getTime()}` : sql``}`;
  const byCategory = r.all<{ categoryId: number; count: number }>(
    sql`select category_id as categoryId, count(*) as count from ${observations} where ${where} group by 1 order by 1`,
  );
  const byHandling = r.all<{ handling: ObservationHandling; count: number }>(
    sql`select handling, count(*) as count from ${observations} where ${where} group by 1 order by 1`,
  );
  return { total: byCategory.reduce((n, c) => n + c.count, 0), byCategory, byHandling };
}

/** Where a point-less observation sits on a map: its area's middle (when the area has a boundary). */
export function areaCentre(areaId: number, r: Reader = db()): LatLng | null {
  const row = r.select({ boundary: areas.boundary }).from(areas).where(eq(areas.id, areaId)).get();
  const boundary = parseBoundary(row?.boundary ?? null);
  return boundary ? boundaryCentre(boundary) : null;
}

/** What the handling form offers: organisations to forward to, and the published measures of the plan in force. */
export function handlingOptions(r: Reader = db()) {
  const plan = currentPlan({ publicOnly: true });
  return {
    organisations: r
      .select({ id: organisations.id, ...namesOf(organisations) })
      .from(organisations)
      .orderBy(asc(organisations.nameFi))
      .all(),
    measures: plan
      ? r
          .select({ id: measures.id, code: measures.code, title: measures.title, titleSv: measures.titleSv, titleEn: measures.titleEn })
          .from(measures)
          .where(and(eq(measures.planId, plan.id), publicMeasureCondition()))
          .orderBy(asc(measures.id))
          .all()
      : [],
  };
}

/** The shapes a map draws (only the levels asked for) and whether any of them is only approximate. */
/** The tile source the maps use (a setting), or null: the maps then draw the area boundaries only. */
export function mapTiles(): { url: string; attribution: string } | null {
  const tiles = config().mapTiles;
  return tiles ? { url: tiles.url, attribution: tiles.attribution } : null;
}

export function mapShapes(levels: string[], r: Reader = db()) {
  const all = mapAreas(r).filter((a) => levels.includes(a.level));
  return {
    shapes: all.map((a) => ({ id: a.id, level: a.level, nameFi: a.nameFi, nameSv: a.nameSv, boundary: a.boundary })),
    approximate: all.some((a) => a.approximate),
  };
}

/** Only what a list shows of an observation: loaders send no more (no reporter, no exact point). */
export function listedObservation<
  O extends Pick<PublicObservation, "id" | "areaNameFi" | "areaNameSv" | "categoryId" | "description" | "handling" | "createdAt"> & {
    review?: ObservationReview;
  },
>(o: O) {
  return {
    id: o.id,
    areaNameFi: o.areaNameFi,
    areaNameSv: o.areaNameSv,
    categoryId: o.categoryId,
    description: o.description,
    handling: o.handling,
    review: o.review,
    createdAt: o.createdAt,
  };
}

/** A page's short list of published observations: only the fields it shows, and the names of the categories they use. */
export function linkedObservations(items: PublicObservation[], r: Reader = db()) {
  const used = new Set(items.map((o) => o.categoryId));
  return {
    observations: items.map(listedObservation),
    observationCategories: listCategories({ includeRetired: true }, r)
      .filter((c) => used.has(c.id))
      .map(({ id, nameFi, nameSv, nameEn }) => ({ id, nameFi, nameSv, nameEn })),
  };
}
